import Foundation

/// `rate_summary` (never handed out; the only task answered by `message_rating`).
public struct RateSummaryTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// Allowed ratings.
    public var scale: RatingScale
    /// The full text.
    public var fullText: String
    /// The summary to rate.
    public var summary: String

    /// Creates the task.
    public init(id: UUID, scale: RatingScale = RatingScale(), fullText: String, summary: String) {
        self.id = id
        self.scale = scale
        self.fullText = fullText
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey {
        case id, scale, summary
        case fullText = "full_text"
    }

    /// Decodes the task; a missing scale is the default 1…5.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode(scale, forKey: .scale)
        try c.encode(fullText, forKey: .fullText)
        try c.encode(summary, forKey: .summary)
    }
}

extension RateSummaryTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        scale = try r.optionalNested(RatingScale.self, .scale) ?? RatingScale()
        fullText = try r.string(.fullText)
        summary = try r.string(.summary)
    }
}

extension RateSummaryTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("full_text")
        writer.string(fullText)
        writer.key("id")
        writer.uuid(id)
        writer.key("scale")
        writer.value(scale)
        writer.key("summary")
        writer.string(summary)
        writer.key("type")
        writer.string(typeName)
    }
}
