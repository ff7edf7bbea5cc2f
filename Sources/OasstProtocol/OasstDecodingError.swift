/// Why a body could not be read as a protocol type: where in the JSON and what was wrong, in plain words.
public struct OasstDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The coding path, e.g. `conversation.messages[2].text` (empty at the top level).
    public var path: String
    /// What was wrong at that place.
    public var reason: String
    /// The Swift type that was being decoded.
    public var type: String

    /// Creates an error from its parts.
    public init(path: String, reason: String, type: String) {
        self.path = path
        self.reason = reason
        self.type = type
    }

    /// Summarises a `DecodingError` without its (possibly huge) underlying values.
    public init(_ error: DecodingError, type: String) {
        func render(_ path: [any CodingKey]) -> String {
            var out = ""
            for key in path {
                if let index = key.intValue {
                    out += "[\(index)]"
                } else {
                    out += out.isEmpty ? key.stringValue : "." + key.stringValue
                }
            }
            return out
        }
        switch error {
        case .typeMismatch(let expected, let context):
            self.init(path: render(context.codingPath), reason: "expected \(expected)", type: type)
        case .valueNotFound(let expected, let context):
            self.init(path: render(context.codingPath), reason: "missing value of type \(expected)", type: type)
        case .keyNotFound(let key, let context):
            self.init(
                path: render(context.codingPath + [key]), reason: "required field '\(key.stringValue)' missing",
                type: type)
        case .dataCorrupted(let context):
            self.init(
                path: render(context.codingPath), reason: String(context.debugDescription.prefix(200)), type: type)
        @unknown default:
            self.init(path: "", reason: "undecodable", type: type)
        }
    }

    /// `cannot read <type> at <path>: <reason>`.
    public var description: String {
        "cannot read \(type)" + (path.isEmpty ? "" : " at \(path)") + ": \(reason)"
    }
}
