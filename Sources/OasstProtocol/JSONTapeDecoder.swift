import Foundation

/// A `Decoder` over a parsed `JSONTape`: reads protocol types without Foundation's `JSONDecoder`, with backend date
/// text, cheap UUIDs, direct `JSONTapeDecodable` reading, and coding paths built only when reporting errors.
struct JSONTapeDecoder: Decoder, SingleValueDecodingContainer {
    /// The value being decoded.
    let node: JSONNode
    /// Where `node` sits in the document.
    let codingPath: [any CodingKey]
    /// Always empty: no decoding options exist.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A decoder for `node` found at `codingPath`.
    init(node: JSONNode, codingPath: [any CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    /// The members of an object, keyed by `Key`.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try JSONTapeKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    /// The elements of an array.
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        JSONTapeUnkeyedContainer(elements: try node.elements(at: codingPath), codingPath: codingPath)
    }

    /// The value itself, as a single primitive.
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// Whether the value is `null`.
    func decodeNil() -> Bool { node.isNull }

    /// Reads a `Bool`.
    func decode(_ type: Bool.Type) throws -> Bool { try node.bool(at: codingPath) }
    /// Reads a `String`.
    func decode(_ type: String.Type) throws -> String { try node.string(at: codingPath) }
    /// Reads a `Double`.
    func decode(_ type: Double.Type) throws -> Double { try node.floating(as: type, at: codingPath) }
    /// Reads a `Float`.
    func decode(_ type: Float.Type) throws -> Float { try node.floating(as: type, at: codingPath) }
    /// Reads an `Int`.
    func decode(_ type: Int.Type) throws -> Int { try node.integer(as: type, at: codingPath) }
    /// Reads an `Int8`.
    func decode(_ type: Int8.Type) throws -> Int8 { try node.integer(as: type, at: codingPath) }
    /// Reads an `Int16`.
    func decode(_ type: Int16.Type) throws -> Int16 { try node.integer(as: type, at: codingPath) }
    /// Reads an `Int32`.
    func decode(_ type: Int32.Type) throws -> Int32 { try node.integer(as: type, at: codingPath) }
    /// Reads an `Int64`.
    func decode(_ type: Int64.Type) throws -> Int64 { try node.integer(as: type, at: codingPath) }
    /// Reads a `UInt`.
    func decode(_ type: UInt.Type) throws -> UInt { try node.integer(as: type, at: codingPath) }
    /// Reads a `UInt8`.
    func decode(_ type: UInt8.Type) throws -> UInt8 { try node.integer(as: type, at: codingPath) }
    /// Reads a `UInt16`.
    func decode(_ type: UInt16.Type) throws -> UInt16 { try node.integer(as: type, at: codingPath) }
    /// Reads a `UInt32`.
    func decode(_ type: UInt32.Type) throws -> UInt32 { try node.integer(as: type, at: codingPath) }
    /// Reads a `UInt64`.
    func decode(_ type: UInt64.Type) throws -> UInt64 { try node.integer(as: type, at: codingPath) }
    /// Reads any decodable type.
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try Self.decode(type, from: node, at: codingPath) }

    /// Decodes `node` (found at `path`) as `T`, taking the common leaf types and `JSONTapeDecodable` types directly.
    static func decode<T: Decodable>(
        _ type: T.Type, from node: JSONNode, at path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        if type == String.self { return try cast(node.string(at: path()), at: path()) }
        if type == Bool.self { return try cast(node.bool(at: path()), at: path()) }
        if type == Int.self { return try cast(node.integer(as: Int.self, at: path()), at: path()) }
        if type == Double.self { return try cast(node.floating(as: Double.self, at: path()), at: path()) }
        if type == UUID.self { return try cast(node.uuid(at: path()), at: path()) }
        if type == Date.self { return try cast(node.date(at: path()), at: path()) }
        if type == JSONValue.self { return try cast(node.value, at: path()) }
        if type == [String].self { return try cast(node.strings(at: path()), at: path()) }
        if type == [String: Int].self { return try cast(node.integerMap(at: path()), at: path()) }
        if let readable = type as? any JSONTapeDecodable.Type {
            return try cast(readable.init(json: node, codingPath: path()), at: path())
        }
        return try T(from: JSONTapeDecoder(node: node, codingPath: path()))
    }

    private static func cast<V, T>(_ value: V, at path: @autoclosure () -> [any CodingKey]) throws -> T {
        guard let result = value as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: path(), debugDescription: "expected \(T.self)"))
        }
        return result
    }
}
