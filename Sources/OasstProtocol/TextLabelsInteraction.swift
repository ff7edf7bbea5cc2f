import Foundation

/// `text_labels`: the answer to the label tasks (with `task_id`) or free labelling (without).
public struct TextLabelsInteraction: Codable, Sendable, Equatable, Hashable {
    /// UUID of the labelled message (`task.message_id`).
    public var messageID: UUID
    /// The label task's id; always send it for task answers (without it the call is free labelling).
    public var taskID: UUID?
    /// The labelled text (any string; informational).
    public var text: String
    /// Label name → value in [0, 1].
    public var labels: [String: Double]
    /// Free labelling only: adds a red flag (report).
    public var isReport: Bool?
    /// Optional language; absent when `nil`.
    public var lang: String?
    /// The task's owner.
    public var user: User

    /// Creates the answer.
    public init(
        messageID: UUID, taskID: UUID?, text: String, labels: [String: Double], isReport: Bool? = nil,
        lang: String? = nil, user: User
    ) {
        self.messageID = messageID
        self.taskID = taskID
        self.text = text
        self.labels = labels
        self.isReport = isReport
        self.lang = lang
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case text, labels, lang, user
        case messageID = "message_id"
        case taskID = "task_id"
        case isReport = "is_report"
    }

    /// Encodes UUIDs in lower case; optional fields are absent when `nil`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(messageID, forKey: .messageID)
        if let taskID { try c.encodeUUID(taskID, forKey: .taskID) }
        try c.encode(text, forKey: .text)
        try c.encode(labels, forKey: .labels)
        try c.encodeIfPresent(isReport, forKey: .isReport)
        try c.encodeIfPresent(lang, forKey: .lang)
        try c.encode(user, forKey: .user)
    }
}

extension TextLabelsInteraction {
    /// Writes the members of the `text_labels` object (with `type`), names sorted, as `encode(to:)` would; every
    /// label value must be finite.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        if let isReport {
            writer.key("is_report")
            writer.bool(isReport)
        }
        writer.key("labels")
        writer.numberMap(labels)
        if let lang {
            writer.key("lang")
            writer.string(lang)
        }
        writer.key("message_id")
        writer.uuid(messageID)
        if let taskID {
            writer.key("task_id")
            writer.uuid(taskID)
        }
        writer.key("text")
        writer.string(text)
        writer.key("type")
        writer.string(typeName)
        writer.key("user")
        writer.value(user)
    }
}
