import Foundation

/// `initial_prompt`: write the first message of a new conversation. Encodes without `type` (see `OasstTask`).
public struct InitialPromptTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// Always `null` in this backend.
    public var hint: String?

    /// Creates the task.
    public init(id: UUID, hint: String? = nil) {
        self.id = id
        self.hint = hint
    }

    enum CodingKeys: String, CodingKey {
        case id, hint
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes `id` and an explicit `hint`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encodeOrNull(hint, forKey: .hint)
    }
}

extension InitialPromptTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        hint = try r.optionalString(.hint)
    }
}

extension InitialPromptTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("hint")
        writer.string(hint)
        writer.key("id")
        writer.uuid(id)
        writer.key("type")
        writer.string(typeName)
    }
}
