import Foundation

/// `rank_initial_prompts` (never handed out by the backend; decoded so the client can skip it).
public struct RankInitialPromptsTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// Deprecated prompt texts.
    public var prompts: [String]
    /// The prompts to rank.
    public var promptMessages: [ConversationMessage]

    /// Creates the task.
    public init(id: UUID, prompts: [String], promptMessages: [ConversationMessage]) {
        self.id = id
        self.prompts = prompts
        self.promptMessages = promptMessages
    }

    enum CodingKeys: String, CodingKey {
        case id, prompts
        case promptMessages = "prompt_messages"
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode(prompts, forKey: .prompts)
        try c.encode(promptMessages, forKey: .promptMessages)
    }
}

extension RankInitialPromptsTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        prompts = try r.strings(.prompts)
        promptMessages = try r.array(of: ConversationMessage.self, .promptMessages)
    }
}

extension RankInitialPromptsTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("id")
        writer.uuid(id)
        writer.key("prompt_messages")
        writer.array(promptMessages)
        writer.key("prompts")
        writer.strings(prompts)
        writer.key("type")
        writer.string(typeName)
    }
}
