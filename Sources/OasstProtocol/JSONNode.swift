import Foundation

/// One value of a `JSONTape`, read as the protocol's types with `Decodable`'s errors: the coding path is built only
/// when an error is reported.
struct JSONNode {
    /// The parsed document.
    let tape: JSONTape
    /// The node's position in `tape.nodes`.
    let index: Int

    /// What the node holds.
    var kind: JSONTape.Kind { tape.nodes[index].kind }

    /// Whether the node is `null`.
    var isNull: Bool { kind == .null }

    /// The node and everything inside it as a `JSONValue` tree.
    var value: JSONValue { tape.value(at: index) }

    /// The member `name` of this object, or `nil` (also when this is not an object).
    func member(_ name: String) -> JSONNode? {
        guard kind == .object, let found = tape.member(of: index, named: name) else { return nil }
        return JSONNode(tape: tape, index: found)
    }

    /// A string.
    func string(at path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard kind == .string else { throw mismatch(String.self, "a string", at: path()) }
        return tape.string(at: index)
    }

    /// `true` or `false`.
    func bool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        let node = tape.nodes[index]
        guard node.kind == .bool else { throw mismatch(Bool.self, "true or false", at: path()) }
        return node.payload != 0
    }

    /// A number that `I` holds exactly.
    func integer<I: FixedWidthInteger>(as type: I.Type, at path: @autoclosure () -> [any CodingKey]) throws -> I {
        let node = tape.nodes[index]
        let result: I?
        switch node.kind {
        case .integer: result = I(exactly: Int64(bitPattern: node.payload))
        case .double: result = I(exactly: Double(bitPattern: node.payload))
        case .null, .bool, .string, .array, .object: throw mismatch(type, "an integer", at: path())
        }
        guard let result else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "number \(value) does not fit in \(type)"))
        }
        return result
    }

    /// A number as floating point.
    func floating<F: BinaryFloatingPoint>(as type: F.Type, at path: @autoclosure () -> [any CodingKey]) throws -> F {
        let node = tape.nodes[index]
        let result: F
        switch node.kind {
        case .integer: result = F(Int64(bitPattern: node.payload))
        case .double: result = F(Double(bitPattern: node.payload))
        case .null, .bool, .string, .array, .object: throw mismatch(type, "a number", at: path())
        }
        guard result.isFinite else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "number \(value) does not fit in \(type)"))
        }
        return result
    }

    /// A UUID in its 36-character text form.
    func uuid(at path: @autoclosure () -> [any CodingKey]) throws -> UUID {
        guard kind == .string else { throw mismatch(UUID.self, "a string", at: path()) }
        guard let uuid = tape.uuid(at: index) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "not a UUID: \(tape.string(at: index).prefix(64))"))
        }
        return uuid
    }

    /// A date in the backend's ISO 8601 text.
    func date(at path: @autoclosure () -> [any CodingKey]) throws -> Date {
        let text = try string(at: path())
        guard let date = OasstDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: path(), debugDescription: "not an ISO 8601 date: \(text.prefix(64))"))
        }
        return date
    }

    /// The elements of an array.
    func elements(at path: @autoclosure () -> [any CodingKey]) throws -> [JSONNode] {
        guard kind == .array else { throw mismatch([JSONValue].self, "an array", at: path()) }
        return tape.elements(of: index).map { JSONNode(tape: tape, index: $0) }
    }

    /// An array of strings.
    func strings(at path: @autoclosure () -> [any CodingKey]) throws -> [String] {
        guard kind == .array else { throw mismatch([String].self, "an array", at: path()) }
        var strings: [String] = []
        strings.reserveCapacity(tape.nodes[index].count)
        var element = index + 1
        for position in 0..<tape.nodes[index].count {
            strings.append(
                try JSONNode(tape: tape, index: element).string(at: path() + [JSONIndexKey(index: position)]))
            element = tape.nodes[element].next
        }
        return strings
    }

    /// An object of integers.
    func integerMap(at path: @autoclosure () -> [any CodingKey]) throws -> [String: Int] {
        guard kind == .object else { throw mismatch([String: Int].self, "an object", at: path()) }
        var map = [String: Int](minimumCapacity: tape.nodes[index].count)
        for member in tape.members(of: index) {
            let name = tape.string(at: member.name)
            map[name] = try JSONNode(tape: tape, index: member.value)
                .integer(as: Int.self, at: path() + [JSONIndexKey(stringValue: name)])
        }
        return map
    }

    /// The error for a value of the wrong kind: `valueNotFound` for `null`, `typeMismatch` otherwise.
    func mismatch(_ type: Any.Type, _ expected: String, at path: [any CodingKey]) -> DecodingError {
        let found: String
        switch kind {
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
}

extension JSONNode {
    /// The JSON a decoder holds: our own decoder's node as it is; any other decoder's collected into a `JSONValue`
    /// and parsed again (the slow path, for decoders other than ours).
    init(decoder: any Decoder) throws {
        if let parsed = decoder as? JSONTapeDecoder {
            self = parsed.node
            return
        }
        self.init(tape: try JSONParser.parse(Data(JSONValue(from: decoder).description.utf8)), index: 0)
    }
}
