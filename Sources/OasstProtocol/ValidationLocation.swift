/// One step of a 422 `loc` path: a member name or an array index.
public enum ValidationLocation: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A member name (or `body`, `path`, `query`).
    case key(String)
    /// An array index.
    case index(Int)

    /// Decodes a string or an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .key(try container.decode(String.self))
        }
    }

    /// Encodes the string or integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .key(let key): try container.encode(key)
        case .index(let index): try container.encode(index)
        }
    }

    /// The key, or the index as digits.
    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}
