import Foundation

/// A strict one-pass JSON (RFC 8259) reader that builds a `JSONValue` straight from the bytes, refusing nesting
/// deeper than `OasstJSON.maxDepth` and invalid UTF-8, so hostile bodies fail fast with a clear reason.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    /// Members of the objects being read, innermost last (one buffer reused instead of one per object).
    private var pendingMembers: [(key: String, value: JSONValue)] = []
    /// Elements of the arrays being read, innermost last.
    private var pendingElements: [JSONValue] = []

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes.assumingMemoryBound(to: UInt8.self)
    }

    /// The single JSON value that `data` holds (whitespace around it allowed, nothing else).
    static func parse(_ data: Data) throws(OasstDecodingError) -> JSONValue {
        let result = data.withUnsafeBytes { buffer -> Result<JSONValue, OasstDecodingError> in
            var parser = JSONParser(bytes: buffer)
            return Result { () throws(OasstDecodingError) -> JSONValue in try parser.parseDocument() }
        }
        return try result.get()
    }

    private mutating func parseDocument() throws(OasstDecodingError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(OasstDecodingError) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected \(describe(bytes[index]))")
        }
    }

    private mutating func enterContainer() throws(OasstDecodingError) {
        depth += 1
        guard depth <= OasstJSON.maxDepth else {
            throw OasstDecodingError(
                path: "", reason: "JSON nests deeper than \(OasstJSON.maxDepth) levels", type: "JSON")
        }
        index += 1
        skipWhitespace()
    }

    private mutating func parseObject() throws(OasstDecodingError) -> JSONValue {
        try enterContainer()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        let first = pendingMembers.count
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted member name")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            pendingMembers.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                var members = [String: JSONValue](minimumCapacity: pendingMembers.count - first)
                for member in pendingMembers[first...] { members[member.key] = member.value }
                pendingMembers.removeSubrange(first...)
                return .object(members)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(OasstDecodingError) -> JSONValue {
        try enterContainer()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        let first = pendingElements.count
        while true {
            let element = try parseValue()
            pendingElements.append(element)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                let elements = Array(pendingElements[first...])
                pendingElements.removeSubrange(first...)
                return .array(elements)
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    /// Reads a string starting at its opening quote; text without escapes becomes a `String` in one copy. Runs of
    /// ordinary characters are skipped eight bytes at a time.
    private mutating func parseString() throws(OasstDecodingError) -> String {
        index += 1
        let start = index
        var highBits: UInt64 = 0
        while true {
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if Self.mayEndOrEscape(word) { break }
                    highBits |= word
                    index += 8
                }
            }
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(start..<index, ascii: highBits & 0x8080_8080_8080_8080 == 0)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw failure("unescaped control character in a string") }
            highBits |= UInt64(byte)
            index += 1
        }
    }

    /// Whether any of the eight bytes is a quote, a backslash or a control character (exact, by the classic
    /// "has a zero byte" bit trick applied to each condition).
    private static func mayEndOrEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return quote || backslash || control
    }

    private mutating func parseEscapedString(from start: Int) throws(OasstDecodingError) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(index - start + 16)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try utf8.withUnsafeBufferPointer { buffer throws(OasstDecodingError) -> String in
                    try Self.makeString(buffer, ascii: false, failure: failure("a string is not valid UTF-8"))
                }
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw failure("unescaped control character in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    /// Appends the character of the escape after a backslash; a lone UTF-16 surrogate becomes U+FFFD.
    private mutating func appendEscape(to utf8: inout [UInt8]) throws(OasstDecodingError) {
        guard index < bytes.count else { throw failure("unterminated string") }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHexUnit()
            var scalar = Unicode.Scalar(unit)
            if UTF16.isLeadSurrogate(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let saved = index
                index += 2
                let low = try readHexUnit()
                if UTF16.isTrailSurrogate(low) {
                    scalar = Unicode.Scalar((UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00) + 0x10000)
                } else {
                    index = saved
                }
            }
            Self.appendUTF8(of: scalar ?? "\u{FFFD}", to: &utf8)
        default:
            index -= 1
            throw failure("invalid escape \\\(describe(letter))")
        }
    }

    private static func appendUTF8(of scalar: Unicode.Scalar, to utf8: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            utf8.append(UInt8(value))
        case 0x80..<0x800:
            utf8.append(UInt8(0xC0 | value >> 6))
            utf8.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            utf8.append(UInt8(0xE0 | value >> 12))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        default:
            utf8.append(UInt8(0xF0 | value >> 18))
            utf8.append(UInt8(0x80 | value >> 12 & 0x3F))
            utf8.append(UInt8(0x80 | value >> 6 & 0x3F))
            utf8.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private mutating func readHexUnit() throws(OasstDecodingError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("unterminated \\u escape") }
        var unit: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            unit = unit << 4 | UInt16(digit)
            index += 1
        }
        return unit
    }

    /// The text of `range`; bytes that are not all ASCII must be valid UTF-8 (repairs are refused, not made).
    private func makeString(_ range: Range<Int>, ascii: Bool) throws(OasstDecodingError) -> String {
        let utf8 = UnsafeBufferPointer(rebasing: bytes[range])
        return try Self.makeString(utf8, ascii: ascii, failure: failure("a string is not valid UTF-8"))
    }

    private static func makeString(
        _ utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, failure: @autoclosure () -> OasstDecodingError
    ) throws(OasstDecodingError) -> String {
        var text = String(decoding: utf8, as: UTF8.self)
        if ascii { return text }
        // Decoding replaces each invalid sequence with U+FFFD, so valid input is exactly input that came through as is.
        let unchanged = text.withUTF8 { decoded in
            guard decoded.count == utf8.count, let copy = decoded.baseAddress, let original = utf8.baseAddress else {
                return decoded.count == utf8.count
            }
            return memcmp(copy, original, utf8.count) == 0
        }
        guard unchanged else { throw failure() }
        return text
    }

    /// Reads a number; integers that fit `Int64` stay exact, everything else is a `Double`.
    private mutating func parseNumber() throws(OasstDecodingError) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a number needs digits") }
        var magnitude: UInt64 = 0
        var fitsInteger = true
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw failure("a number cannot start with 0") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let (times10, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times10.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
                if overflowA || overflowB { fitsInteger = false }
                magnitude = sum
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            fitsInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("a fraction needs digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            fitsInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("an exponent needs digits") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if fitsInteger {
            if negative, magnitude <= UInt64(Int64.max) + 1 {
                return .integer(magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude))
            }
            if !negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number out of range") }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(OasstDecodingError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of JSON") }
        let expected = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw failure("unexpected \(describe(bytes[index]))")
        }
        index += count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }

    private func failure(_ reason: String) -> OasstDecodingError {
        OasstDecodingError(path: "", reason: "not valid JSON: \(reason) at offset \(index)", type: "JSON")
    }
}
