/// A thread of messages, oldest first; the last one is the message a task is about.
public struct Conversation: Codable, Sendable, Equatable, Hashable {
    /// The messages, oldest first.
    public var messages: [ConversationMessage]

    /// Creates a conversation.
    public init(messages: [ConversationMessage] = []) {
        self.messages = messages
    }

    /// Decodes a conversation; an absent list reads as empty.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    enum CodingKeys: String, CodingKey {
        case messages
    }
}

extension Conversation: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        messages = try r.arrayOrEmpty(of: ConversationMessage.self, .messages)
    }
}

extension Conversation: JSONWritable {
    /// Writes the messages.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("messages")
        writer.array(messages)
        writer.endObject()
    }
}
