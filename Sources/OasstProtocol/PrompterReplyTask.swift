import Foundation

/// `prompter_reply`: write the user's next message after an assistant turn. Encodes without `type`.
public struct PrompterReplyTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// Always `null` in this backend.
    public var hint: String?
    /// The thread; the last message is an assistant turn.
    public var conversation: Conversation

    /// Creates the task.
    public init(id: UUID, hint: String? = nil, conversation: Conversation) {
        self.id = id
        self.hint = hint
        self.conversation = conversation
    }

    enum CodingKeys: String, CodingKey {
        case id, hint, conversation
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field with an explicit `hint`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encodeOrNull(hint, forKey: .hint)
        try c.encode(conversation, forKey: .conversation)
    }
}

extension PrompterReplyTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        hint = try r.optionalString(.hint)
        conversation = try r.nested(Conversation.self, .conversation)
    }
}

extension PrompterReplyTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("conversation")
        writer.value(conversation)
        writer.key("hint")
        writer.string(hint)
        writer.key("id")
        writer.uuid(id)
        writer.key("type")
        writer.string(typeName)
    }
}
