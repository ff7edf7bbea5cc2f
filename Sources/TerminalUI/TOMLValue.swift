/// One TOML value with the line it was written on, so that a caller can report semantic errors
/// (unknown slot, bad colour) at the right place.
public struct TOMLValue: Equatable, Sendable {
    /// The value's data.
    public indirect enum Content: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    /// The data.
    public var content: Content
    /// 1-based line where the value starts.
    public var line: Int

    /// Creates a value.
    public init(_ content: Content, line: Int) {
        self.content = content
        self.line = line
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let value) = content { return value }
        return nil
    }

    /// The integer, if this is one.
    public var integer: Int? {
        if case .integer(let value) = content { return value }
        return nil
    }

    /// The float (integers convert), if this is a number.
    public var float: Double? {
        switch content {
        case .float(let value): return value
        case .integer(let value): return Double(value)
        case .string, .boolean, .array, .table: return nil
        }
    }

    /// The boolean, if this is one.
    public var boolean: Bool? {
        if case .boolean(let value) = content { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var array: [TOMLValue]? {
        if case .array(let value) = content { return value }
        return nil
    }

    /// The table, if this is one (inline or not).
    public var table: TOMLTable? {
        if case .table(let value) = content { return value }
        return nil
    }

    /// The type's name for error messages: `string`, `integer`, `float`, `boolean`, `array`, `table`.
    public var typeName: String {
        switch content {
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .boolean: return "boolean"
        case .array: return "array"
        case .table: return "table"
        }
    }
}
