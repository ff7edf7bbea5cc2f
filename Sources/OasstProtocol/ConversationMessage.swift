import Foundation

/// One message of a conversation as the backend shows it in tasks (oldest first in `Conversation`).
public struct ConversationMessage: Codable, Sendable, Equatable, Hashable {
    /// Server message UUID.
    public var id: UUID
    /// Author's server user id, or `nil`.
    public var userID: UUID?
    /// The authoring client's own id for the message (other clients' ids appear here too).
    public var frontendMessageID: String?
    /// Message text (markdown, untrusted).
    public var text: String
    /// BCP 47 language, or `nil`.
    public var lang: String?
    /// `true` for an assistant turn, `false` for a prompter (user) turn.
    public var isAssistant: Bool
    /// Reaction counts by code, including hidden `_skip_*` codes.
    public var emojis: [String: Int]
    /// Codes the requesting user set.
    public var userEmojis: [String]
    /// Whether the requesting user wrote it (`nil` when unknown).
    public var userIsAuthor: Bool?
    /// Machine-generated; in ranking replies `nil` unless revealed.
    public var synthetic: Bool?

    /// Creates a message.
    public init(
        id: UUID, userID: UUID? = nil, frontendMessageID: String? = nil, text: String, lang: String? = nil,
        isAssistant: Bool, emojis: [String: Int] = [:], userEmojis: [String] = [], userIsAuthor: Bool? = nil,
        synthetic: Bool? = nil
    ) {
        self.id = id
        self.userID = userID
        self.frontendMessageID = frontendMessageID
        self.text = text
        self.lang = lang
        self.isAssistant = isAssistant
        self.emojis = emojis
        self.userEmojis = userEmojis
        self.userIsAuthor = userIsAuthor
        self.synthetic = synthetic
    }

    enum CodingKeys: String, CodingKey {
        case id, text, lang, emojis, synthetic
        case userID = "user_id"
        case frontendMessageID = "frontend_message_id"
        case isAssistant = "is_assistant"
        case userEmojis = "user_emojis"
        case userIsAuthor = "user_is_author"
    }

    /// Decodes a message; absent lists and maps read as empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeUUID(forKey: .id)
        userID = try c.decodeUUIDIfPresent(forKey: .userID)
        frontendMessageID = try c.decodeIfPresent(String.self, forKey: .frontendMessageID)
        text = try c.decode(String.self, forKey: .text)
        lang = try c.decodeIfPresent(String.self, forKey: .lang)
        isAssistant = try c.decode(Bool.self, forKey: .isAssistant)
        emojis = try c.decodeIfPresent([String: Int].self, forKey: .emojis) ?? [:]
        userEmojis = try c.decodeIfPresent([String].self, forKey: .userEmojis) ?? []
        userIsAuthor = try c.decodeIfPresent(Bool.self, forKey: .userIsAuthor)
        synthetic = try c.decodeIfPresent(Bool.self, forKey: .synthetic)
    }

    /// Encodes every field, with explicit `null`s, as the backend does.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encodeUUIDOrNull(userID, forKey: .userID)
        try c.encodeOrNull(frontendMessageID, forKey: .frontendMessageID)
        try c.encode(text, forKey: .text)
        try c.encodeOrNull(lang, forKey: .lang)
        try c.encode(isAssistant, forKey: .isAssistant)
        try c.encode(emojis, forKey: .emojis)
        try c.encode(userEmojis, forKey: .userEmojis)
        try c.encodeOrNull(userIsAuthor, forKey: .userIsAuthor)
        try c.encodeOrNull(synthetic, forKey: .synthetic)
    }
}
