import Foundation

/// `label_prompter_reply` and `label_assistant_reply` (same shape): label the last reply. Encodes without `type`.
public struct LabelReplyTask: LabelingTask, Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// UUID of the labelled message.
    public var messageID: UUID
    /// Label names allowed in the answer.
    public var validLabels: [String]
    /// Label names that must be in the answer.
    public var mandatoryLabels: [String]
    /// `full` or `simple`.
    public var mode: String?
    /// `quality` or `spam`.
    public var disposition: String?
    /// One description per valid label.
    public var labels: [LabelDescription]
    /// The thread, labelled message last.
    public var conversation: Conversation
    /// Deprecated copy of the reply text.
    public var reply: String?

    /// Creates the task.
    public init(
        id: UUID, messageID: UUID, validLabels: [String], mandatoryLabels: [String] = ["spam"],
        mode: String? = "full", disposition: String? = "quality", labels: [LabelDescription],
        conversation: Conversation, reply: String? = nil
    ) {
        self.id = id
        self.messageID = messageID
        self.validLabels = validLabels
        self.mandatoryLabels = mandatoryLabels
        self.mode = mode
        self.disposition = disposition
        self.labels = labels
        self.conversation = conversation
        self.reply = reply
    }

    enum CodingKeys: String, CodingKey {
        case id, mode, disposition, labels, conversation, reply
        case messageID = "message_id"
        case validLabels = "valid_labels"
        case mandatoryLabels = "mandatory_labels"
    }

    /// Decodes the task; absent lists read as empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        messageID = try c.decode(UUID.self, forKey: .messageID)
        validLabels = try c.decode([String].self, forKey: .validLabels)
        mandatoryLabels = try c.decodeIfPresent([String].self, forKey: .mandatoryLabels) ?? []
        mode = try c.decodeIfPresent(String.self, forKey: .mode)
        disposition = try c.decodeIfPresent(String.self, forKey: .disposition)
        labels = try c.decodeIfPresent([LabelDescription].self, forKey: .labels) ?? []
        conversation = try c.decode(Conversation.self, forKey: .conversation)
        reply = try c.decodeIfPresent(String.self, forKey: .reply)
    }

    /// Encodes every field, with explicit `null`s.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encodeUUID(messageID, forKey: .messageID)
        try c.encode(validLabels, forKey: .validLabels)
        try c.encode(mandatoryLabels, forKey: .mandatoryLabels)
        try c.encodeOrNull(mode, forKey: .mode)
        try c.encodeOrNull(disposition, forKey: .disposition)
        try c.encode(labels, forKey: .labels)
        try c.encode(conversation, forKey: .conversation)
        try c.encodeOrNull(reply, forKey: .reply)
    }
}
