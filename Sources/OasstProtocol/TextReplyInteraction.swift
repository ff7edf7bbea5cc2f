/// `text_reply_to_message`: the answer to `initial_prompt`, `prompter_reply` and `assistant_reply`.
public struct TextReplyInteraction: Codable, Sendable, Equatable, Hashable {
    /// The task's ack id (not a server UUID).
    public var messageID: String
    /// New client UUID naming the message this reply creates (≤ 200 characters, unique per API key).
    public var userMessageID: String
    /// The text; stripped, 1…`MESSAGE_SIZE_LIMIT` Unicode scalars.
    public var text: String
    /// BCP 47 language; absent means `en` on the server.
    public var lang: String?
    /// The task's owner.
    public var user: User

    /// Creates the answer.
    public init(messageID: String, userMessageID: String, text: String, lang: String? = nil, user: User) {
        self.messageID = messageID
        self.userMessageID = userMessageID
        self.text = text
        self.lang = lang
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case text, lang, user
        case messageID = "message_id"
        case userMessageID = "user_message_id"
    }
}

extension TextReplyInteraction {
    /// Writes the members and `type`, names sorted (no `lang` when it is `nil`), inside an object `Interaction` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        if let lang {
            writer.key("lang")
            writer.string(lang)
        }
        writer.key("message_id")
        writer.string(messageID)
        writer.key("text")
        writer.string(text)
        writer.key("type")
        writer.string(typeName)
        writer.key("user")
        writer.value(user)
        writer.key("user_message_id")
        writer.string(userMessageID)
    }
}
