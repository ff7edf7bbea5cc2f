/// The members of a JSON object seen through `Key`, for `JSONTapeDecoder`.
struct JSONTapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The object.
    let node: JSONNode
    /// Where the object sits in the document.
    let codingPath: [any CodingKey]

    /// Reads `node`, which must be an object.
    init(node: JSONNode, codingPath: [any CodingKey]) throws {
        guard node.kind == .object else { throw node.mismatch([String: JSONValue].self, "an object", at: codingPath) }
        self.node = node
        self.codingPath = codingPath
    }

    /// Every member name that `Key` knows.
    var allKeys: [Key] {
        node.tape.members(of: node.index).compactMap { Key(stringValue: node.tape.string(at: $0.name)) }
    }

    /// Whether the member exists (even when it is `null`).
    func contains(_ key: Key) -> Bool { node.member(key.stringValue) != nil }

    /// Whether the member is `null`; throws when it is absent.
    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    /// Reads a `Bool` member.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try member(key).bool(at: codingPath + [key])
    }
    /// Reads a `String` member.
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try member(key).string(at: codingPath + [key])
    }
    /// Reads a `Double` member.
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try member(key).floating(as: type, at: codingPath + [key])
    }
    /// Reads a `Float` member.
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try member(key).floating(as: type, at: codingPath + [key])
    }
    /// Reads an `Int` member.
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads an `Int8` member.
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads an `Int16` member.
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads an `Int32` member.
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads an `Int64` member.
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a `UInt` member.
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a `UInt8` member.
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a `UInt16` member.
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a `UInt32` member.
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a `UInt64` member.
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try member(key).integer(as: type, at: codingPath + [key])
    }
    /// Reads a member of any decodable type.
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONTapeDecoder.decode(type, from: member(key), at: codingPath + [key])
    }

    /// Reads an optional `String` member (absent or `null` gives `nil`) with one lookup.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = presentMember(key) else { return nil }
        return try value.string(at: codingPath + [key])
    }
    /// Reads an optional `Bool` member with one lookup.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let value = presentMember(key) else { return nil }
        return try value.bool(at: codingPath + [key])
    }
    /// Reads an optional `Int` member with one lookup.
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let value = presentMember(key) else { return nil }
        return try value.integer(as: type, at: codingPath + [key])
    }
    /// Reads an optional `Double` member with one lookup.
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let value = presentMember(key) else { return nil }
        return try value.floating(as: type, at: codingPath + [key])
    }
    /// Reads an optional member of any decodable type with one lookup.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = presentMember(key) else { return nil }
        return try JSONTapeDecoder.decode(type, from: value, at: codingPath + [key])
    }

    /// The members of a nested object.
    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONTapeDecoder(node: member(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    /// The elements of a nested array.
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONTapeDecoder(node: member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    /// A decoder for the `super` member.
    func superDecoder() throws -> any Decoder {
        let key = JSONIndexKey(stringValue: "super")
        guard let member = node.member(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no member \"super\""))
        }
        return JSONTapeDecoder(node: member, codingPath: codingPath + [key])
    }

    /// A decoder for a member.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONTapeDecoder(node: try member(key), codingPath: codingPath + [key])
    }

    private func member(_ key: Key) throws -> JSONNode {
        guard let value = node.member(key.stringValue) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return value
    }

    private func presentMember(_ key: Key) -> JSONNode? {
        guard let value = node.member(key.stringValue), !value.isNull else { return nil }
        return value
    }
}
