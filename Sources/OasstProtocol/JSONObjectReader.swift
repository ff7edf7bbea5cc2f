import Foundation

/// The members of one JSON object read by `Key`, with the same errors and paths that `Decodable` reports; the
/// building block of `JSONTapeDecodable` types.
struct JSONObjectReader<Key: CodingKey> {
    /// The object.
    let node: JSONNode
    /// Where the object sits in the document.
    let codingPath: [any CodingKey]

    /// Reads `node`, which must be an object.
    init(_ node: JSONNode, codingPath: [any CodingKey]) throws {
        guard node.kind == .object else { throw node.mismatch([String: JSONValue].self, "an object", at: codingPath) }
        self.node = node
        self.codingPath = codingPath
    }

    /// A required member, which may be `null`.
    func value(_ key: Key) throws -> JSONNode {
        guard let value = node.member(key.stringValue) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "no member \"\(key.stringValue)\""))
        }
        return value
    }

    /// An optional member: `nil` when absent or `null`.
    func optional(_ key: Key) -> JSONNode? {
        guard let value = node.member(key.stringValue), !value.isNull else { return nil }
        return value
    }

    /// A required string.
    func string(_ key: Key) throws -> String { try value(key).string(at: path(key)) }

    /// An optional string.
    func optionalString(_ key: Key) throws -> String? { try optional(key)?.string(at: path(key)) }

    /// A required boolean.
    func bool(_ key: Key) throws -> Bool { try value(key).bool(at: path(key)) }

    /// An optional boolean.
    func optionalBool(_ key: Key) throws -> Bool? { try optional(key)?.bool(at: path(key)) }

    /// A required integer.
    func int(_ key: Key) throws -> Int { try value(key).integer(as: Int.self, at: path(key)) }

    /// A required UUID.
    func uuid(_ key: Key) throws -> UUID { try value(key).uuid(at: path(key)) }

    /// An optional UUID.
    func optionalUUID(_ key: Key) throws -> UUID? { try optional(key)?.uuid(at: path(key)) }

    /// A required array of strings.
    func strings(_ key: Key) throws -> [String] { try value(key).strings(at: path(key)) }

    /// An array of strings; absent or `null` reads as empty.
    func stringsOrEmpty(_ key: Key) throws -> [String] { try optional(key)?.strings(at: path(key)) ?? [] }

    /// An object of integers; absent or `null` reads as empty.
    func integerMapOrEmpty(_ key: Key) throws -> [String: Int] { try optional(key)?.integerMap(at: path(key)) ?? [:] }

    /// A required nested value.
    func nested<T: JSONTapeDecodable>(_ type: T.Type, _ key: Key) throws -> T {
        try T(json: value(key), codingPath: path(key))
    }

    /// An optional nested value.
    func optionalNested<T: JSONTapeDecodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = optional(key) else { return nil }
        return try T(json: value, codingPath: path(key))
    }

    /// A required array of nested values.
    func array<T: JSONTapeDecodable>(of type: T.Type, _ key: Key) throws -> [T] {
        try Self.elements(of: type, in: value(key), at: path(key))
    }

    /// An array of nested values; absent or `null` reads as empty.
    func arrayOrEmpty<T: JSONTapeDecodable>(of type: T.Type, _ key: Key) throws -> [T] {
        guard let value = optional(key) else { return [] }
        return try Self.elements(of: type, in: value, at: path(key))
    }

    private static func elements<T: JSONTapeDecodable>(
        of type: T.Type, in node: JSONNode, at path: [any CodingKey]
    ) throws -> [T] {
        let elements = try node.elements(at: path)
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try T(json: element, codingPath: path + [JSONIndexKey(index: index)]))
        }
        return result
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }
}
