/// How a label is answered (§4); an unknown widget name from a newer server is kept as `other`.
public enum LabelWidget: Codable, Sendable, Hashable {
    /// Yes = 1, No = 0.
    case yesNo
    /// Set = 1, not set = 0.
    case flag
    /// Five positions mapped to 0, 0.25, 0.5, 0.75, 1.
    case likert
    /// A widget this client does not know.
    case other(String)

    /// Creates the widget for a wire name.
    public init(rawValue: String) {
        switch rawValue {
        case "yes_no": self = .yesNo
        case "flag": self = .flag
        case "likert": self = .likert
        default: self = .other(rawValue)
        }
    }

    /// The wire name.
    public var rawValue: String {
        switch self {
        case .yesNo: return "yes_no"
        case .flag: return "flag"
        case .likert: return "likert"
        case .other(let name): return name
        }
    }

    /// Decodes from the wire name.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension LabelWidget: JSONTapeDecodable {
    /// Reads the widget name from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        self.init(rawValue: try json.string(at: codingPath))
    }
}
