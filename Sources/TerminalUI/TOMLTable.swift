/// A TOML table: keys in the order written, each with its value (and line).
public struct TOMLTable: Equatable, Sendable {
    /// Keys in file order.
    public private(set) var keys: [String]
    /// Values by key.
    public private(set) var values: [String: TOMLValue]
    /// Line of the table's header (or of its first key for implicit tables; 1 for the root).
    public var line: Int

    /// Creates an empty table.
    public init(line: Int = 1) {
        self.keys = []
        self.values = [:]
        self.line = line
    }

    /// The value of a key.
    public subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if let newValue {
                if values[key] == nil { keys.append(key) }
                values[key] = newValue
            } else if values[key] != nil {
                values[key] = nil
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in file order.
    public var entries: [(key: String, value: TOMLValue)] {
        keys.compactMap { key in values[key].map { (key, $0) } }
    }

    /// True when the table has no keys.
    public var isEmpty: Bool { keys.isEmpty }
}
