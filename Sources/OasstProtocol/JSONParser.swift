import Foundation

/// A strict one-pass JSON (RFC 8259) reader that records the document as a `JSONTape`, refusing nesting deeper than
/// `OasstJSON.maxDepth` and invalid UTF-8, so hostile bodies fail fast with a clear reason.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private var nodes: [JSONTape.Node] = []
    private var escapedStrings: [String] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        nodes.reserveCapacity(min(bytes.count / 16, 4_096) + 4)
    }

    /// The single JSON value that `data` holds (whitespace around it allowed, nothing else), as a tape.
    static func parse(_ data: Data) throws(OasstDecodingError) -> JSONTape {
        let bytes = [UInt8](data)
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<JSONTape, OasstDecodingError> in
            var parser = JSONParser(bytes: buffer)
            return Result { () throws(OasstDecodingError) -> JSONTape in
                try parser.parseDocument()
                return JSONTape(bytes: bytes, nodes: parser.nodes, escapedStrings: parser.escapedStrings)
            }
        }
        return try result.get()
    }

    private mutating func parseDocument() throws(OasstDecodingError) {
        skipWhitespace()
        try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected text after the JSON value") }
    }

    private mutating func append(_ kind: JSONTape.Kind, payload: UInt64 = 0) {
        nodes.append(
            JSONTape.Node(
                kind: kind, count: 0, start: index, end: index, next: nodes.count + 1, payload: payload, escaped: false)
        )
    }

    private mutating func parseValue() throws(OasstDecodingError) {
        guard index < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "t"):
            append(.bool, payload: 1)
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            append(.bool, payload: 0)
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            append(.null)
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
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

    private mutating func parseObject() throws(OasstDecodingError) {
        let container = nodes.count
        append(.object)
        try enterContainer()
        var count = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            return closeContainer(container, count: count)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted member name")
            }
            try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "}") {
                return closeContainer(container, count: count)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws(OasstDecodingError) {
        let container = nodes.count
        append(.array)
        try enterContainer()
        var count = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            return closeContainer(container, count: count)
        }
        while true {
            try parseValue()
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end of JSON inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if bytes[index] == UInt8(ascii: "]") {
                return closeContainer(container, count: count)
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    /// Steps over the closing bracket and records the container's size and extent.
    private mutating func closeContainer(_ container: Int, count: Int) {
        index += 1
        depth -= 1
        nodes[container].count = count
        nodes[container].next = nodes.count
    }

    /// Records a string starting at its opening quote; text without escapes stays a byte range. Runs of ordinary
    /// characters are skipped eight bytes at a time.
    private mutating func parseString() throws(OasstDecodingError) {
        index += 1
        let start = index
        let highBits = skipOrdinaryBytes()
        guard index < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
        if byte < 0x20 { throw failure("unescaped control character in a string") }
        let content = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if highBits & 0x80 != 0, !Self.isValidUTF8(content) { throw failure("a string is not valid UTF-8") }
        nodes.append(
            JSONTape.Node(
                kind: .string, count: 0, start: start, end: index, next: nodes.count + 1, payload: 0, escaped: false))
        index += 1
    }

    /// Steps over string bytes up to the next quote, backslash or control character (or the end), eight at a time
    /// where it can; returns the OR of the bytes stepped over folded into one byte (bit 7 set: not all ASCII).
    private mutating func skipOrdinaryBytes() -> UInt8 {
        var highBits: UInt64 = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if Self.mayEndOrEscape(word) { break }
                highBits |= word
                index += 8
            }
        }
        var folded = UInt8(truncatingIfNeeded: highBits & 0x8080_8080_8080_8080 == 0 ? 0 : 0x80)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            folded |= byte
            index += 1
        }
        return folded
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

    /// Whether `utf8` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position < utf8.count {
            let lead = utf8[position]
            if lead < 0x80 {
                position += 1
                continue
            }
            let trailing: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: trailing = 1
            case 0xE0:
                trailing = 2
                secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
            case 0xED:
                trailing = 2
                secondRange = 0x80...0x9F
            case 0xF0:
                trailing = 3
                secondRange = 0x90...0xBF
            case 0xF1...0xF3: trailing = 3
            case 0xF4:
                trailing = 3
                secondRange = 0x80...0x8F
            default: return false
            }
            guard position + trailing < utf8.count, secondRange.contains(utf8[position + 1]) else { return false }
            for offset in stride(from: 2, through: trailing, by: 1) where utf8[position + offset] & 0xC0 != 0x80 {
                return false
            }
            position += trailing + 1
        }
        return true
    }

    private mutating func parseEscapedString(from start: Int) throws(OasstDecodingError) {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(index - start + 16)
        utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let valid = utf8.withUnsafeBufferPointer { Self.isValidUTF8($0) }
                guard valid else { throw failure("a string is not valid UTF-8") }
                nodes.append(
                    JSONTape.Node(
                        kind: .string, count: 0, start: start, end: index, next: nodes.count + 1,
                        payload: UInt64(escapedStrings.count), escaped: true))
                escapedStrings.append(String(decoding: utf8, as: UTF8.self))
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw failure("unescaped control character in a string")
            default:
                let run = index
                _ = skipOrdinaryBytes()
                utf8.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
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

    /// Records a number; integers that fit `Int64` stay exact, everything else is a `Double`.
    private mutating func parseNumber() throws(OasstDecodingError) {
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
                let value: Int64 = magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
                return append(.integer, payload: UInt64(bitPattern: value))
            }
            if !negative, magnitude <= UInt64(Int64.max) { return append(.integer, payload: magnitude) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number out of range") }
        append(.double, payload: value.bitPattern)
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
