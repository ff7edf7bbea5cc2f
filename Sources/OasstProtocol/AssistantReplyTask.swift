import Foundation

/// `assistant_reply`: write the assistant's next message after a prompter turn. Encodes without `type`.
public struct AssistantReplyTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// The thread; the last message is a prompter turn.
    public var conversation: Conversation

    /// Creates the task.
    public init(id: UUID, conversation: Conversation) {
        self.id = id
        self.conversation = conversation
    }

    enum CodingKeys: String, CodingKey {
        case id, conversation
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode(conversation, forKey: .conversation)
    }
}

extension AssistantReplyTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        conversation = try r.nested(Conversation.self, .conversation)
    }
}

extension AssistantReplyTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("conversation")
        writer.value(conversation)
        writer.key("id")
        writer.uuid(id)
        writer.key("type")
        writer.string(typeName)
    }
}
