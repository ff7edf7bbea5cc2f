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
        try self.init(anyDecoder: decoder)
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

extension ConversationMessage: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        userID = try r.optionalUUID(.userID)
        frontendMessageID = try r.optionalString(.frontendMessageID)
        text = try r.string(.text)
        lang = try r.optionalString(.lang)
        isAssistant = try r.bool(.isAssistant)
        emojis = try r.integerMapOrEmpty(.emojis)
        userEmojis = try r.stringsOrEmpty(.userEmojis)
        userIsAuthor = try r.optionalBool(.userIsAuthor)
        synthetic = try r.optionalBool(.synthetic)
    }
}

extension ConversationMessage: JSONWritable {
    /// Writes every field, names sorted, with explicit `null`s.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("emojis")
        writer.integerMap(emojis)
        writer.key("frontend_message_id")
        writer.string(frontendMessageID)
        writer.key("id")
        writer.uuid(id)
        writer.key("is_assistant")
        writer.bool(isAssistant)
        writer.key("lang")
        writer.string(lang)
        writer.key("synthetic")
        writer.bool(synthetic)
        writer.key("text")
        writer.string(text)
        writer.key("user_emojis")
        writer.strings(userEmojis)
        writer.key("user_id")
        writer.uuid(userID)
        writer.key("user_is_author")
        writer.bool(userIsAuthor)
        writer.endObject()
    }
}
