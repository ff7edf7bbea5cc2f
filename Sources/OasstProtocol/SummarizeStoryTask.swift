import Foundation

/// `summarize_story` (never handed out; decoded so the client can skip it).
public struct SummarizeStoryTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// The story to summarise.
    public var story: String

    /// Creates the task.
    public init(id: UUID, story: String) {
        self.id = id
        self.story = story
    }

    enum CodingKeys: String, CodingKey {
        case id, story
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode(story, forKey: .story)
    }
}

extension SummarizeStoryTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        story = try r.string(.story)
    }
}

extension SummarizeStoryTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("id")
        writer.uuid(id)
        writer.key("story")
        writer.string(story)
        writer.key("type")
        writer.string(typeName)
    }
}
