/// A protocol type that reads itself straight from parsed JSON: `OasstJSON.decode` takes this path, which skips the
/// generic `Decodable` containers that cost most of the time of reading a task.
protocol JSONValueDecodable: Decodable {
    /// Reads the value from `json`, which sits at `codingPath` in the document (for error messages).
    init(json: JSONValue, codingPath: [any CodingKey]) throws
}

extension JSONValueDecodable {
    /// Reads the value through any `Decoder` by first collecting the JSON it holds (the slow path, for other decoders).
    init(anyDecoder decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder), codingPath: decoder.codingPath)
    }
}
