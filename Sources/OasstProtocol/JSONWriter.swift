import Foundation

/// Writes compact JSON bytes the way `OasstJSON.makeEncoder()` does (members in the order given, which callers keep
/// sorted; slashes unescaped; lower-case UUIDs), without `Encodable`'s generic containers.
struct JSONWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the innermost open container still has no member or element.
    private var empty: [Bool] = []

    /// An empty writer with room for `capacity` bytes.
    init(capacity: Int = 1_024) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object.
    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        empty.append(true)
    }

    /// Closes the innermost object.
    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        empty.removeLast()
    }

    /// Opens an array.
    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        empty.append(true)
    }

    /// Closes the innermost array.
    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        empty.removeLast()
    }

    /// Writes a member name; the member's value comes next.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        literal("\":")
        empty[empty.count - 1] = true
    }

    /// Writes a member name that is not known in advance (escaped like any string).
    mutating func key(_ name: String) {
        separate()
        quote(name)
        bytes.append(UInt8(ascii: ":"))
        empty[empty.count - 1] = true
    }

    /// Writes a string.
    mutating func string(_ text: String) {
        separate()
        quote(text)
    }

    /// Writes a string, or `null`.
    mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// Writes a UUID in lower case.
    mutating func uuid(_ value: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        UUIDText.emitLowercased(value) { bytes.append($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a UUID, or `null`.
    mutating func uuid(_ value: UUID?) {
        guard let value else { return null() }
        uuid(value)
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        literal(value ? "true" : "false")
    }

    /// Writes a boolean, or `null`.
    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        bool(value)
    }

    /// Writes an integer.
    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a finite number as `JSONEncoder` does: Swift's shortest round-trip text, without a trailing `.0`.
    mutating func number(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Writes an object of finite numbers, names sorted.
    mutating func numberMap(_ map: [String: Double]) {
        sortedObject(map) { $0.number($1) }
    }

    /// Writes `null`.
    mutating func null() {
        separate()
        literal("null")
    }

    /// Appends a fixed text's bytes (no array built for them, as an array literal was on every call).
    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes an array of strings.
    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes an object of integers, names sorted.
    mutating func integerMap(_ map: [String: Int]) {
        sortedObject(map) { $0.int($1) }
    }

    /// Writes an object with its members in the order of their names' UTF-8 bytes (`JSONEncoder`'s `.sortedKeys`).
    private mutating func sortedObject<Value>(_ map: [String: Value], _ write: (inout JSONWriter, Value) -> Void) {
        beginObject()
        for (name, value) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(name)
            write(&self, value)
        }
        endObject()
    }

    /// Writes a value that writes itself.
    mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    /// Writes an array of values that write themselves.
    mutating func array(_ values: [some JSONWritable]) {
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }

    /// Puts the comma before every member or element but the first of its container.
    private mutating func separate() {
        guard let last = empty.last else { return }
        if last {
            empty[empty.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    /// Writes `text` quoted, escaping what JSON requires: quote, backslash and control characters. Runs without any
    /// of them are found eight bytes at a time (`needsEscape`) and copied whole; the byte-by-byte scan over an
    /// enumerated sequence was about 1.5 % of the server's CPU under load (task bodies are mostly message text).
    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var runStart = 0
            var position = 0
            while position < count {
                if count - position >= 8 {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                    if !Self.needsEscape(word) {
                        position += 8
                        continue
                    }
                }
                let byte = base[position]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
                    appendEscape(of: byte)
                    runStart = position + 1
                }
                position += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is a control character, a quote or a backslash (may also answer true
    /// for a word without one, never false for a word with one: the caller then looks at its bytes one by one).
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20 (bytes of 0x80 and above are never flagged by this test alone).
        let control = (word &- ones &* 0x20) & ~word & highs
        // A zero byte after XOR with the quote, or with the backslash.
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let quote = (quotes &- ones) & ~quotes & highs
        let backslash = (backslashes &- ones) & ~backslashes & highs
        return (control | quote | backslash) != 0
    }

    private mutating func appendEscape(of byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: bytes.append(UInt8(ascii: "\""))
        case 0x5C: bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            hex.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
