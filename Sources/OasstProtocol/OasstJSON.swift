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

    /// A fresh decoder that reads the backend's date text.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = OasstDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Encodes a value as a protocol body.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try makeEncoder().encode(value)
    }

    /// Decodes a protocol body after checking its nesting depth; every failure is an `OasstDecodingError`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(OasstDecodingError) -> T {
        try checkDepth(data)
        do {
            return try makeDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw OasstDecodingError(error, type: String(describing: type))
        } catch {
            throw OasstDecodingError(path: "", reason: "\(error)", type: String(describing: type))
        }
    }

    /// Throws when arrays/objects nest deeper than `maxDepth` (outside strings), before any recursive parser runs.
    public static func checkDepth(_ data: Data) throws(OasstDecodingError) {
        let tooDeep = data.withUnsafeBytes { bytes -> Bool in
            var depth = 0
            var inString = false
            var escaped = false
            for byte in bytes {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                    } else if byte == 0x22 {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case 0x22: inString = true
                case 0x5B, 0x7B:
                    depth += 1
                    if depth > maxDepth { return true }
                case 0x5D, 0x7D: depth -= 1
                default: break
                }
            }
            return false
        }
        if tooDeep {
            throw OasstDecodingError(path: "", reason: "JSON nests deeper than \(maxDepth) levels", type: "JSON")
        }
    }
}
