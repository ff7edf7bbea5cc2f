import Foundation

/// A `Decoder` over an already parsed `JSONValue`: reads protocol types without Foundation's `JSONDecoder`
/// (a third of the cost), with backend date text, cheap UUIDs, and coding paths built only when reporting errors.
struct JSONValueDecoder: Decoder, SingleValueDecodingContainer {
    /// The value being decoded.
    let value: JSONValue
    /// Where `value` sits in the document.
    let codingPath: [any CodingKey]
    /// Always empty: no decoding options exist.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A decoder for `value` found at `codingPath`.
    init(value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    /// The members of an object, keyed by `Key`.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else {
            throw Self.mismatch([String: JSONValue].self, "an object", value, at: codingPath)
        }
        return KeyedDecodingContainer(JSONValueKeyedContainer<Key>(members: members, codingPath: codingPath))
    }

    /// The elements of an array, in order.
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw Self.mismatch([JSONValue].self, "an array", value, at: codingPath)
        }
        return JSONValueUnkeyedContainer(elements: elements, codingPath: codingPath)
    }

    /// The value itself, as a single primitive.
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Whether the value is `null`.
    func decodeNil() -> Bool {
        if case .null = value { return true }
        return false
    }

    /// Reads a `Bool`.
    func decode(_ type: Bool.Type) throws -> Bool { try Self.bool(value, at: codingPath) }
    /// Reads a `String`.
    func decode(_ type: String.Type) throws -> String { try Self.string(value, at: codingPath) }
    /// Reads a `Double`.
    func decode(_ type: Double.Type) throws -> Double { try Self.floating(value, as: type, at: codingPath) }
    /// Reads a `Float`.
    func decode(_ type: Float.Type) throws -> Float { try Self.floating(value, as: type, at: codingPath) }
    /// Reads an `Int`.
    func decode(_ type: Int.Type) throws -> Int { try Self.integer(value, as: type, at: codingPath) }
    /// Reads an `Int8`.
    func decode(_ type: Int8.Type) throws -> Int8 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads an `Int16`.
    func decode(_ type: Int16.Type) throws -> Int16 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads an `Int32`.
    func decode(_ type: Int32.Type) throws -> Int32 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads an `Int64`.
    func decode(_ type: Int64.Type) throws -> Int64 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads a `UInt`.
    func decode(_ type: UInt.Type) throws -> UInt { try Self.integer(value, as: type, at: codingPath) }
    /// Reads a `UInt8`.
    func decode(_ type: UInt8.Type) throws -> UInt8 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads a `UInt16`.
    func decode(_ type: UInt16.Type) throws -> UInt16 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads a `UInt32`.
    func decode(_ type: UInt32.Type) throws -> UInt32 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads a `UInt64`.
    func decode(_ type: UInt64.Type) throws -> UInt64 { try Self.integer(value, as: type, at: codingPath) }
    /// Reads any decodable type.
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(type, from: value, at: codingPath) }

    /// Decodes `value` (found at `path`) as `T`, taking the common leaf types directly.
    static func decode<T: Decodable>(
        _ type: T.Type, from value: JSONValue, at path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        if type == String.self { return try cast(string(value, at: path()), at: path()) }
        if type == Bool.self { return try cast(bool(value, at: path()), at: path()) }
        if type == Int.self { return try cast(integer(value, as: Int.self, at: path()), at: path()) }
        if type == Double.self { return try cast(floating(value, as: Double.self, at: path()), at: path()) }
        if type == UUID.self { return try cast(uuid(value, at: path()), at: path()) }
        if type == Date.self { return try cast(date(value, at: path()), at: path()) }
        if type == JSONValue.self { return try cast(value, at: path()) }
        if type == [String].self { return try cast(stringArray(value, at: path()), at: path()) }
        if type == [String: Int].self { return try cast(integerMap(value, at: path()), at: path()) }
        if let readable = type as? any JSONValueDecodable.Type {
            return try cast(readable.init(json: value, codingPath: path()), at: path())
        }
        return try T(from: JSONValueDecoder(value: value, codingPath: path()))
    }

    /// A string value.
    static func string(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .string(let text) = value else { throw mismatch(String.self, "a string", value, at: path()) }
        return text
    }

    /// An array of strings, without the generic array machinery (labels and reply texts are such arrays).
    static func stringArray(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> [String] {
        guard case .array(let elements) = value else { throw mismatch([String].self, "an array", value, at: path()) }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            strings.append(try string(element, at: path() + [JSONIndexKey(index: index)]))
        }
        return strings
    }

    /// An object of integers, without the generic dictionary machinery (every message carries its emoji counts).
    static func integerMap(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> [String: Int] {
        guard case .object(let members) = value else {
            throw mismatch([String: Int].self, "an object", value, at: path())
        }
        var map = [String: Int](minimumCapacity: members.count)
        for (key, member) in members {
            map[key] = try integer(member, as: Int.self, at: path() + [JSONIndexKey(stringValue: key)])
        }
        return map
    }

    /// A `true` or `false` value.
    static func bool(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch(Bool.self, "true or false", value, at: path()) }
        return flag
    }

    /// A number that `I` holds exactly.
    static func integer<I: FixedWidthInteger>(
        _ value: JSONValue, as type: I.Type, at path: @autoclosure () -> [any CodingKey]
    ) throws -> I {
        let result: I?
        switch value {
        case .integer(let number): result = I(exactly: number)
        case .double(let number): result = I(exactly: number)
        case .null, .bool, .string, .array, .object: throw mismatch(type, "an integer", value, at: path())
        }
        guard let result else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "number \(value) does not fit in \(type)"))
        }
        return result
    }

    /// A number as floating point.
    static func floating<F: BinaryFloatingPoint>(
        _ value: JSONValue, as type: F.Type, at path: @autoclosure () -> [any CodingKey]
    ) throws -> F {
        let result: F
        switch value {
        case .integer(let number): result = F(number)
        case .double(let number): result = F(number)
        case .null, .bool, .string, .array, .object: throw mismatch(type, "a number", value, at: path())
        }
        guard result.isFinite else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "number \(value) does not fit in \(type)"))
        }
        return result
    }

    /// A UUID in its 36-character text form.
    static func uuid(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> UUID {
        let text = try string(value, at: path())
        guard let uuid = UUIDText.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "not a UUID: \(text.prefix(64))"))
        }
        return uuid
    }

    /// A date in the backend's ISO 8601 text.
    static func date(_ value: JSONValue, at path: @autoclosure () -> [any CodingKey]) throws -> Date {
        let text = try string(value, at: path())
        guard let date = OasstDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "not an ISO 8601 date: \(text.prefix(64))"))
        }
        return date
    }

    /// The error for a value of the wrong kind: `valueNotFound` for `null`, `typeMismatch` otherwise.
    static func mismatch(
        _ type: Any.Type, _ expected: String, _ value: JSONValue, at path: [any CodingKey]
    ) -> DecodingError {
        let found: String
        switch value {
        case .null:
            return .valueNotFound(type, .init(codingPath: path, debugDescription: "expected \(expected), found null"))
        case .bool: found = "a boolean"
        case .integer, .double: found = "a number"
        case .string: found = "a string"
        case .array: found = "an array"
        case .object: found = "an object"
        }
        return .typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(expected), found \(found)"))
    }

    private static func cast<V, T>(_ value: V, at path: @autoclosure () -> [any CodingKey]) throws -> T {
        guard let result = value as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: path(), debugDescription: "expected \(T.self)"))
        }
        return result
    }
}
