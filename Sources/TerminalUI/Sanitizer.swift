/// The one gate between untrusted text (server messages, error bodies, pastes) and the screen:
/// control characters become visible notation, invisible direction and width tricks become
/// markers, tabs expand. Nothing it returns can make a terminal do anything but print.
public enum Sanitizer {
    /// Columns between tab stops.
    public static let tabWidth = 4

    /// Bidi controls (the "Trojan Source" class) and their marker names.
    static let bidiNames: [UInt32: String] = [
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM",
    ]

    /// Zero-width characters and their marker names.
    static let zeroWidthNames: [UInt32: String] = [
        0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x2060: "WJ", 0xFEFF: "ZWNBSP",
    ]

    /// `^@` … `^_` for the C0 controls, indexed by code.
    static let caretNotation: [String] = (0..<0x20).map { "^" + String(UnicodeScalar(UInt8($0 + 0x40))) }

    /// Decodes raw bytes as UTF-8, replacing invalid sequences with U+FFFD.
    public static func decode(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    /// The visible notation for one scalar that must not reach the terminal, or nil when it may.
    /// `previous`/`next` let a zero-width joiner inside an emoji sequence pass.
    public static func escape(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> String? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F:
            return caretNotation[Int(value)]
        case 0x7F:
            return "^?"
        case 0x80...0x9F:
            return "⟨" + hex(value, digits: 2) + "⟩"
        case 0xE0000...0xE007F:
            return "⟨TAG " + hex(value, digits: 5) + "⟩"
        default:
            break
        }
        if let name = bidiNames[value] { return "⟨\(name)⟩" }
        if let name = zeroWidthNames[value] {
            if value == 0x200D, let previous, let next,
                previous.properties.isEmoji || previous.value == 0xFE0F, next.properties.isEmoji,
                next.value > 0x7F
            {
                return nil
            }
            return "⟨\(name)⟩"
        }
        if CellWidth.of(scalar) < 0 { return "⟨U+" + hex(value, digits: 4) + "⟩" }
        return nil
    }

    /// Sanitises text for one line of display: every newline shows as `^J`.
    public static func spans(_ raw: some StringProtocol, slot: ThemeSlot = .normal) -> [StyledSpan] {
        lines(raw, slot: slot, keepNewlines: false).first?.spans ?? []
    }

    /// Sanitises text and splits it at newlines into styled lines (`\r\n` and a lone `\r` show as `^M`).
    public static func lines(
        _ raw: some StringProtocol, slot: ThemeSlot = .normal, keepNewlines: Bool = true
    )
        -> [StyledLine]
    {
        var result: [StyledLine] = []
        var spans: [StyledSpan] = []
        var plain = ""
        var column = 0
        let scalars = Array(raw.unicodeScalars)

        func flushPlain() {
            if !plain.isEmpty {
                spans.append(StyledSpan(plain, slot))
                plain = ""
            }
        }

        for index in scalars.indices {
            let scalar = scalars[index]
            let value = scalar.value
            if value >= 0x20 && value < 0x7F {
                plain.unicodeScalars.append(scalar)
                column += 1
                continue
            }
            if scalar == "\n" && keepNewlines {
                flushPlain()
                result.append(StyledLine(spans))
                spans = []
                column = 0
                continue
            }
            if scalar == "\t" {
                let spaces = tabWidth - column % tabWidth
                plain += String(repeating: " ", count: spaces)
                column += spaces
                continue
            }
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if let escaped = escape(scalar, previous: previous, next: next) {
                flushPlain()
                if let last = spans.last, last.slot == .untrustedControl {
                    spans[spans.count - 1].text += escaped
                } else {
                    spans.append(StyledSpan(escaped, .untrustedControl))
                }
                column += CellWidth.of(escaped)
            } else {
                plain.unicodeScalars.append(scalar)
                column += max(0, CellWidth.of(scalar))
            }
        }
        flushPlain()
        result.append(StyledLine(spans))
        return result
    }

    /// Plain sanitised text (styles dropped), for one-line messages such as errors on stderr.
    public static func plain(_ raw: some StringProtocol) -> String {
        spans(raw).map(\.text).joined()
    }

    /// Cleans a bracketed paste for the editor: keeps tabs and newlines, turns `\r\n` and `\r`
    /// into `\n`, drops every other control character, and counts what it removed.
    public static func cleanPaste(_ raw: some StringProtocol) -> (text: String, removed: Int) {
        var text = ""
        var removed = 0
        var previousWasCR = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            if scalar == "\r" {
                text.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" {
                if !previousWasCR { text.unicodeScalars.append("\n") }
                previousWasCR = false
                continue
            }
            previousWasCR = false
            if scalar == "\t" {
                text.unicodeScalars.append(scalar)
            } else if value < 0x20 || (0x7F...0x9F).contains(value) {
                removed += 1
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return (text, removed)
    }

    /// Upper-case hexadecimal with at least `digits` digits.
    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
