import Foundation

/// The members of one JSON object read by `Key`, with the same errors and paths that `Decodable` reports; the
/// building block of `JSONValueDecodable` types.
struct JSONObjectReader<Key: CodingKey> {
    /// The object's members by name.
    let members: [String: JSONValue]
    /// Where the object sits in the document.
    let codingPath: [any CodingKey]

    /// Reads `json`, which must be an object.
    init(_ json: JSONValue, codingPath: [any CodingKey]) throws {
        guard case .object(let members) = json else {
            throw JSONValueDecoder.mismatch([String: JSONValue].self, "an object", json, at: codingPath)
        }
        self.members = members
        self.codingPath = codingPath
    }

    /// A required member, which may be `null`.
    func value(_ key: Key) throws -> JSONValue {
        guard let value = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return value
    }

    /// An optional member: `nil` when absent or `null`.
    func optional(_ key: Key) -> JSONValue? {
        switch members[key.stringValue] {
        case .none, .some(.null): return nil
        case .some(let value): return value
        }
    }

    /// A required string.
    func string(_ key: Key) throws -> String { try JSONValueDecoder.string(value(key), at: path(key)) }

    /// An optional string.
    func optionalString(_ key: Key) throws -> String? {
        guard let value = optional(key) else { return nil }
        return try JSONValueDecoder.string(value, at: path(key))
    }

    /// A required boolean.
    func bool(_ key: Key) throws -> Bool { try JSONValueDecoder.bool(value(key), at: path(key)) }

    /// An optional boolean.
    func optionalBool(_ key: Key) throws -> Bool? {
        guard let value = optional(key) else { return nil }
        return try JSONValueDecoder.bool(value, at: path(key))
    }

    /// A required integer.
    func int(_ key: Key) throws -> Int { try JSONValueDecoder.integer(value(key), as: Int.self, at: path(key)) }

    /// A required UUID.
    func uuid(_ key: Key) throws -> UUID { try JSONValueDecoder.uuid(value(key), at: path(key)) }

    /// An optional UUID.
    func optionalUUID(_ key: Key) throws -> UUID? {
        guard let value = optional(key) else { return nil }
        return try JSONValueDecoder.uuid(value, at: path(key))
    }

    /// A required array of strings.
    func strings(_ key: Key) throws -> [String] { try JSONValueDecoder.stringArray(value(key), at: path(key)) }

    /// An array of strings; absent or `null` reads as empty.
    func stringsOrEmpty(_ key: Key) throws -> [String] {
        guard let value = optional(key) else { return [] }
        return try JSONValueDecoder.stringArray(value, at: path(key))
    }

    /// An object of integers; absent or `null` reads as empty.
    func integerMapOrEmpty(_ key: Key) throws -> [String: Int] {
        guard let value = optional(key) else { return [:] }
        return try JSONValueDecoder.integerMap(value, at: path(key))
    }

    /// A required nested value.
    func nested<T: JSONValueDecodable>(_ type: T.Type, _ key: Key) throws -> T {
        try T(json: value(key), codingPath: path(key))
    }

    /// An optional nested value.
    func optionalNested<T: JSONValueDecodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = optional(key) else { return nil }
        return try T(json: value, codingPath: path(key))
    }

    /// A required array of nested values.
    func array<T: JSONValueDecodable>(of type: T.Type, _ key: Key) throws -> [T] {
        try Self.elements(of: type, in: value(key), at: path(key))
    }

    /// An array of nested values; absent or `null` reads as empty.
    func arrayOrEmpty<T: JSONValueDecodable>(of type: T.Type, _ key: Key) throws -> [T] {
        guard let value = optional(key) else { return [] }
        return try Self.elements(of: type, in: value, at: path(key))
    }

    private static func elements<T: JSONValueDecodable>(
        of type: T.Type, in value: JSONValue, at path: [any CodingKey]
    ) throws -> [T] {
        guard case .array(let elements) = value else {
            throw JSONValueDecoder.mismatch([T].self, "an array", value, at: path)
        }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try T(json: element, codingPath: path + [JSONIndexKey(index: index)]))
        }
        return result
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }
}
