import Foundation

/// The payload of the three label types (`label_initial_prompt`, `label_prompter_reply`, `label_assistant_reply`),
/// which differ only in the member carrying the labelled text; `OasstTask` picks that member from the task type.
/// Encodes without `type`.
public struct LabelingTask: Sendable, Equatable, Hashable {
    /// The JSON member holding the deprecated copy of the labelled text.
    public enum TextKey: String, Sendable, CaseIterable {
        /// `prompt` (`label_initial_prompt`).
        case prompt
        /// `reply` (`label_prompter_reply`, `label_assistant_reply`).
        case reply
    }

    /// Task id (sent as `task_id` in the answer).
    public var id: UUID
    /// UUID of the labelled message (sent as `message_id` in the answer) = the last conversation message.
    public var messageID: UUID
    /// Label names allowed in the answer.
    public var validLabels: [String]
    /// Label names that must be in the answer.
    public var mandatoryLabels: [String]
    /// `full` or `simple`.
    public var mode: String?
    /// `quality` (full mode) or `spam` (simple mode); informational.
    public var disposition: String?
    /// One description per valid label, in `validLabels` order.
    public var labels: [LabelDescription]
    /// The thread, labelled message last.
    public var conversation: Conversation
    /// Deprecated copy of the labelled text (sent as `prompt` or `reply`, see `TextKey`).
    public var text: String?

    /// Creates the task.
    public init(
        id: UUID, messageID: UUID, validLabels: [String], mandatoryLabels: [String] = ["spam"],
        mode: String? = "full", disposition: String? = "quality", labels: [LabelDescription],
        conversation: Conversation, text: String? = nil
    ) {
        self.id = id
        self.messageID = messageID
        self.validLabels = validLabels
        self.mandatoryLabels = mandatoryLabels
        self.mode = mode
        self.disposition = disposition
        self.labels = labels
        self.conversation = conversation
        self.text = text
    }

    /// Whether the server asked for the reduced (simple, "Classify …") label set.
    public var isSimpleMode: Bool { mode == "simple" }

    enum CodingKeys: String, CodingKey {
        case id, mode, disposition, labels, conversation, prompt, reply
        case messageID = "message_id"
        case validLabels = "valid_labels"
        case mandatoryLabels = "mandatory_labels"
    }

    private static func codingKey(_ textKey: TextKey) -> CodingKeys {
        switch textKey {
        case .prompt: return .prompt
        case .reply: return .reply
        }
    }

    /// Decodes the task, reading the labelled text from `textKey`; absent lists read as empty.
    public init(from decoder: any Decoder, textKey: TextKey) throws {
        try self.init(json: JSONNode(decoder: decoder), codingPath: decoder.codingPath, textKey: textKey)
    }

    /// Reads the task from parsed JSON, the labelled text from its `textKey` member.
    init(json: JSONNode, codingPath: [any CodingKey], textKey: TextKey) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        messageID = try r.uuid(.messageID)
        validLabels = try r.strings(.validLabels)
        mandatoryLabels = try r.stringsOrEmpty(.mandatoryLabels)
        mode = try r.optionalString(.mode)
        disposition = try r.optionalString(.disposition)
        labels = try r.arrayOrEmpty(of: LabelDescription.self, .labels)
        conversation = try r.nested(Conversation.self, .conversation)
        text = try r.optionalString(Self.codingKey(textKey))
    }

    /// Encodes every field, with explicit `null`s, writing the labelled text under `textKey`.
    public func encode(to encoder: any Encoder, textKey: TextKey) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encodeUUID(messageID, forKey: .messageID)
        try c.encode(validLabels, forKey: .validLabels)
        try c.encode(mandatoryLabels, forKey: .mandatoryLabels)
        try c.encodeOrNull(mode, forKey: .mode)
        try c.encodeOrNull(disposition, forKey: .disposition)
        try c.encode(labels, forKey: .labels)
        try c.encode(conversation, forKey: .conversation)
        try c.encodeOrNull(text, forKey: Self.codingKey(textKey))
    }
}

extension LabelingTask {
    /// Writes the members and `type`, names sorted, the labelled text under `textKey`, inside an object `OasstTask`
    /// opened.
    func writeMembers(to writer: inout JSONWriter, textKey: TextKey, typeName: String) {
        writer.key("conversation")
        writer.value(conversation)
        writer.key("disposition")
        writer.string(disposition)
        writer.key("id")
        writer.uuid(id)
        writer.key("labels")
        writer.array(labels)
        writer.key("mandatory_labels")
        writer.strings(mandatoryLabels)
        writer.key("message_id")
        writer.uuid(messageID)
        writer.key("mode")
        writer.string(mode)
        switch textKey {
        case .prompt: writer.key("prompt")
        case .reply: writer.key("reply")
        }
        writer.string(text)
        writer.key("type")
        writer.string(typeName)
        writer.key("valid_labels")
        writer.strings(validLabels)
    }
}
