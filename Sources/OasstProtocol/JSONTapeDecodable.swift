import Foundation

/// A protocol type that reads itself straight from a parsed document: `OasstJSON.decode` takes this path, which skips
/// the generic `Decodable` containers that cost most of the time of reading a task.
protocol JSONTapeDecodable: Decodable {
    /// Reads the value from `json`, which sits at `codingPath` in the document (for error messages).
    init(json: JSONNode, codingPath: [any CodingKey]) throws
}

extension JSONTapeDecodable {
    /// Reads the value through any `Decoder`: directly from ours, else by collecting the JSON the decoder holds.
    init(anyDecoder decoder: any Decoder) throws {
        if let parsed = decoder as? JSONTapeDecoder {
            try self.init(json: parsed.node, codingPath: parsed.codingPath)
            return
        }
        let tape = try JSONParser.parse(Data(JSONValue(from: decoder).description.utf8))
        try self.init(json: JSONNode(tape: tape, index: 0), codingPath: decoder.codingPath)
    }
}
