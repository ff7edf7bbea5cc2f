import Foundation

/// The shared JSON configuration for every protocol body: one place that decides key order, date text and the
/// guards against hostile input, so the client, the local server and the tests all read and write alike.
public enum OasstJSON {
    /// Deepest array/object nesting accepted; the backend's bodies nest about six levels.
    public static let maxDepth = 128

    /// A fresh encoder: sorted keys, unescaped slashes, backend date text.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(OasstDate.format(date))
        }
        return encoder
    }

    /// Encodes a value as a protocol body: tasks, interactions and their parts through `JSONWriter`, anything else through
    /// `makeEncoder()`, with the same bytes either way.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let task = value as? OasstTask {
            var writer = JSONWriter(capacity: 4_096)
            if task.write(to: &writer) { return Data(writer.bytes) }
        } else if let interaction = value as? Interaction {
            var writer = JSONWriter()
            if interaction.write(to: &writer) { return Data(writer.bytes) }
        } else if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            writable.write(to: &writer)
            return Data(writer.bytes)
        }
        return try makeEncoder().encode(value)
    }

    /// A label map as JSON object text, names sorted and numbers written as `makeEncoder()` writes them (the local
    /// server stores labels this way); nil when a value is not finite, which JSON cannot hold.
    public static func labelsText(_ labels: [String: Double]) -> String? {
        guard labels.values.allSatisfy(\.isFinite) else { return nil }
        var writer = JSONWriter()
        writer.numberMap(labels)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Decodes a protocol body (parsed by `JSONParser`, which refuses deep nesting and invalid UTF-8); every failure
    /// is an `OasstDecodingError`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(OasstDecodingError) -> T {
        let tape: JSONTape
        do {
            tape = try JSONParser.parse(data)
        } catch {
            throw OasstDecodingError(path: error.path, reason: error.reason, type: String(describing: type))
        }
        do {
            return try JSONTapeDecoder.decode(type, from: JSONNode(tape: tape, index: 0), at: [])
        } catch let error as DecodingError {
            throw OasstDecodingError(error, type: String(describing: type))
        } catch {
            throw OasstDecodingError(path: "", reason: "\(error)", type: String(describing: type))
        }
    }

    /// Decodes a protocol type from an already parsed JSON value, with the same rules as a body.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(OasstDecodingError) -> T {
        try decode(type, from: Data(value.description.utf8))
    }

    /// Parses JSON text (app-defined JSON kept as a string, such as a saved draft) with the same rules as a body.
    public static func parse(_ text: String) throws(OasstDecodingError) -> JSONValue {
        try decode(JSONValue.self, from: Data(text.utf8))
    }
}
