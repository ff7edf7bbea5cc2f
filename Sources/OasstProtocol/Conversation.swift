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
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messages = try c.decodeIfPresent([ConversationMessage].self, forKey: .messages) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case messages
    }
}
