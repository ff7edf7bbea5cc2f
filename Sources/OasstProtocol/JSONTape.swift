import Foundation

/// A parsed JSON document kept flat: one node per value in document order, each container knowing where it ends, and
/// strings kept as byte ranges until asked for. Reading a task from it needs no dictionary and no member-name strings.
final class JSONTape: Sendable {
    /// What a node holds.
    enum Kind: UInt8, Sendable {
        /// `null`.
        case null
        /// `true` or `false` (`payload` 1 or 0).
        case bool
        /// A number that fits `Int64` exactly (`payload` is its bit pattern).
        case integer
        /// Any other number (`payload` is the `Double`'s bit pattern).
        case double
        /// A string: bytes `start..<end`, or `escapedStrings[payload]` when it held escapes.
        case string
        /// An array of `count` elements.
        case array
        /// An object of `count` members, each a string node (the name) followed by its value.
        case object
    }

    /// One value of the document.
    struct Node: Sendable {
        /// What the node holds.
        var kind: Kind
        /// Elements or members of a container.
        var count: Int
        /// First byte of a string's content (after the quote).
        var start: Int
        /// End of a string's content (before the quote).
        var end: Int
        /// Index of the node after this value and everything inside it.
        var next: Int
        /// Boolean, number bits, or index into `escapedStrings`; see `Kind`.
        var payload: UInt64
        /// Whether a string held escapes (its text is in `escapedStrings`).
        var escaped: Bool
    }

    /// The document's bytes.
    let bytes: [UInt8]
    /// Every value, in document order; the root is node 0.
    let nodes: [Node]
    /// The decoded text of strings that held escapes.
    let escapedStrings: [String]

    /// A tape over `bytes`.
    init(bytes: [UInt8], nodes: [Node], escapedStrings: [String]) {
        self.bytes = bytes
        self.nodes = nodes
        self.escapedStrings = escapedStrings
    }

    /// The text of string node `index`.
    func string(at index: Int) -> String {
        let node = nodes[index]
        if node.escaped { return escapedStrings[Int(node.payload)] }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]), as: UTF8.self)
        }
    }

    /// The UUID that string node `index` spells, read from the bytes without making a `String`.
    func uuid(at index: Int) -> UUID? {
        let node = nodes[index]
        if node.escaped { return UUIDText.parse(escapedStrings[Int(node.payload)]) }
        return bytes.withUnsafeBufferPointer {
            UUIDText.parse(utf8: UnsafeBufferPointer(rebasing: $0[node.start..<node.end]))
        }
    }

    /// The value node of the member `name` of object node `object` (the last one, if the name repeats), or `nil`.
    /// Names are compared as bytes, length first, so a lookup makes no strings and hashes nothing.
    func member(of object: Int, named name: String) -> Int? {
        var name = name
        return name.withUTF8 { wanted in
            nodes.withUnsafeBufferPointer { nodes in
                bytes.withUnsafeBufferPointer { bytes in
                    guard let document = bytes.baseAddress, let wantedBytes = wanted.baseAddress else { return nil }
                    var found: Int?
                    var key = object + 1
                    for _ in 0..<nodes[object].count {
                        let node = nodes[key]
                        if node.escaped {
                            if escapedStrings[Int(node.payload)].utf8.elementsEqual(wanted) { found = key + 1 }
                        } else if node.end - node.start == wanted.count,
                            memcmp(document + node.start, wantedBytes, wanted.count) == 0
                        {
                            found = key + 1
                        }
                        key = nodes[key + 1].next
                    }
                    return found
                }
            }
        }
    }

    /// The element nodes of array node `array`, in order.
    func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(nodes[array].count)
        var element = array + 1
        for _ in 0..<nodes[array].count {
            result.append(element)
            element = nodes[element].next
        }
        return result
    }

    /// The (name node, value node) pairs of object node `object`, in document order.
    func members(of object: Int) -> [(name: Int, value: Int)] {
        var result: [(name: Int, value: Int)] = []
        result.reserveCapacity(nodes[object].count)
        var key = object + 1
        for _ in 0..<nodes[object].count {
            result.append((key, key + 1))
            key = nodes[key + 1].next
        }
        return result
    }

    /// Node `index` and everything inside it as a `JSONValue` tree (later members win over earlier ones of the same name).
    func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .bool: return .bool(node.payload != 0)
        case .integer: return .integer(Int64(bitPattern: node.payload))
        case .double: return .double(Double(bitPattern: node.payload))
        case .string: return .string(string(at: index))
        case .array: return .array(elements(of: index).map { value(at: $0) })
        case .object:
            var object = [String: JSONValue](minimumCapacity: node.count)
            for member in members(of: index) { object[string(at: member.name)] = value(at: member.value) }
            return .object(object)
        }
    }
}
