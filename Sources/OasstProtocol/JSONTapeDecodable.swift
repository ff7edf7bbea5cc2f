/// A protocol type that reads itself straight from a parsed document: `OasstJSON.decode` takes this path, which skips
/// the generic `Decodable` containers that cost most of the time of reading a task.
protocol JSONTapeDecodable: Decodable {
    /// Reads the value from `json`, which sits at `codingPath` in the document (for error messages).
    init(json: JSONNode, codingPath: [any CodingKey]) throws
}

extension JSONTapeDecodable {
    /// Reads the value through any `Decoder` (see `JSONNode.init(decoder:)`).
    init(anyDecoder decoder: any Decoder) throws {
        try self.init(json: JSONNode(decoder: decoder), codingPath: decoder.codingPath)
    }
}
