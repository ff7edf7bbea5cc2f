/// The elements of a JSON array read in order, for `JSONTapeDecoder`.
struct JSONTapeUnkeyedContainer: UnkeyedDecodingContainer {
    /// The array's elements.
    let elements: [JSONNode]
    /// Where the array sits in the document.
    let codingPath: [any CodingKey]
    /// The next element to read.
    private(set) var currentIndex = 0

    /// Reads `elements` found at `codingPath`.
    init(elements: [JSONNode], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    /// How many elements the array has.
    var count: Int? { elements.count }
    /// Whether every element has been read.
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// Skips the next element when it is `null`.
    mutating func decodeNil() throws -> Bool {
        guard try current(JSONValue.self).isNull else { return false }
        currentIndex += 1
        return true
    }

    /// Reads a `Bool`.
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try advance(current(type).bool(at: elementPath))
    }
    /// Reads a `String`.
    mutating func decode(_ type: String.Type) throws -> String {
        try advance(current(type).string(at: elementPath))
    }
    /// Reads a `Double`.
    mutating func decode(_ type: Double.Type) throws -> Double {
        try advance(current(type).floating(as: type, at: elementPath))
    }
    /// Reads a `Float`.
    mutating func decode(_ type: Float.Type) throws -> Float {
        try advance(current(type).floating(as: type, at: elementPath))
    }
    /// Reads an `Int`.
    mutating func decode(_ type: Int.Type) throws -> Int {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads an `Int8`.
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads an `Int16`.
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads an `Int32`.
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads an `Int64`.
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads a `UInt`.
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads a `UInt8`.
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads a `UInt16`.
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads a `UInt32`.
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads a `UInt64`.
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try advance(current(type).integer(as: type, at: elementPath))
    }
    /// Reads any decodable type.
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try advance(JSONTapeDecoder.decode(type, from: current(type), at: elementPath))
    }

    /// The members of the next element, an object.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try advance(JSONTapeDecoder(node: current(JSONValue.self), codingPath: elementPath).container(keyedBy: type))
    }

    /// The elements of the next element, an array.
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try advance(JSONTapeDecoder(node: current(JSONValue.self), codingPath: elementPath).unkeyedContainer())
    }

    /// A decoder for the next element.
    mutating func superDecoder() throws -> any Decoder {
        advance(JSONTapeDecoder(node: try current(JSONValue.self), codingPath: elementPath))
    }

    private var elementPath: [any CodingKey] { codingPath + [JSONIndexKey(index: currentIndex)] }

    private func current(_ type: Any.Type) throws -> JSONNode {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: elementPath, debugDescription: "the array has no more elements"))
        }
        return elements[currentIndex]
    }

    private mutating func advance<R>(_ result: R) -> R {
        currentIndex += 1
        return result
    }
}
