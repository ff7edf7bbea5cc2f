/// The rating range of a `rate_summary` task (default 1…5).
public struct RatingScale: Codable, Sendable, Equatable, Hashable {
    /// Lowest rating.
    public var min: Int
    /// Highest rating.
    public var max: Int

    /// Creates a scale.
    public init(min: Int = 1, max: Int = 5) {
        self.min = min
        self.max = max
    }

    enum CodingKeys: String, CodingKey {
        case min, max
    }

    /// Decodes the scale from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }
}

extension RatingScale: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        min = try r.int(.min)
        max = try r.int(.max)
    }
}

extension RatingScale: JSONWritable {
    /// Writes both bounds.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("max")
        writer.int(max)
        writer.key("min")
        writer.int(min)
        writer.endObject()
    }
}
