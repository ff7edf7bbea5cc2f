/// Key names as key-map files and help screens write them: `a`, `?`, `<C-x>`, `<M-x>`, `<S-Up>`,
/// `<F1>`…`<F12>`, `<Enter>`, `<Esc>`, `<Tab>`, `<S-Tab>`, `<Space>`, `<BS>`, `<Del>`, `<PgUp>`,
/// `<PgDn>`, `<Up>`…, `<lt>` for `<`, and sequences such as `gg` or `<C-x><C-e>`.
public enum KeyNotation {
    /// Why a key name could not be read.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The offending text.
        public var text: String
        /// What is wrong.
        public var reason: String

        /// Creates a failure.
        public init(text: String, reason: String) {
            self.text = text
            self.reason = reason
        }

        /// `unknown key name '<Foo>'`, for example.
        public var description: String { "\(reason) '\(text)'" }
    }

    /// Named keys without modifiers, by lower-cased name.
    static let named: [String: Key] = [
        "enter": .enter, "cr": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "space": .space, "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
        "ins": .insert, "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "lt": .character("<"),
    ]

    /// The same key in one canonical form (`.character(" ")` is `.space`, `C-/` is `C-_`).
    public static func normalized(_ key: Key) -> Key {
        if key == .character(" ") { return .space }
        if case .control(let character) = key {
            if character == "/" { return .control("_") }
            if character.isUppercase { return .control(Character(character.lowercased())) }
        }
        return key
    }

    /// Parses one key name or a sequence of them.
    public static func parse(_ text: String) throws(Failure) -> [Key] {
        guard !text.isEmpty else { throw Failure(text: text, reason: "empty key name") }
        var keys: [Key] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == "<" {
                guard let close = rest.firstIndex(of: ">") else {
                    throw Failure(text: text, reason: "unclosed '<' in key name (write <lt> for '<')")
                }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                keys.append(try parseBracketed(String(inner), whole: text))
                rest = rest[rest.index(after: close)...]
            } else {
                guard
                    first.unicodeScalars.allSatisfy({
                        $0.value >= 0x21 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
                    })
                else {
                    throw Failure(text: text, reason: "write white space and control keys by name (<Space>, <C-x>) in")
                }
                keys.append(.character(first))
                rest = rest.dropFirst()
            }
        }
        return keys
    }

    private static func parseBracketed(_ inner: String, whole: String) throws(Failure) -> Key {
        let unknown = Failure(text: "<\(inner)>", reason: "unknown key name")
        let lower = inner.lowercased()
        if let key = named[lower] { return key }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number),
            String(number) == lower.dropFirst()
        {
            return .function(number)
        }
        let parts = inner.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 1, !parts[1].isEmpty else { throw unknown }
        let modifier = parts[0].uppercased()
        let base = String(parts[1])
        let baseLower = base.lowercased()
        switch modifier {
        case "C":
            switch baseLower {
            case "left": return .controlLeft
            case "right": return .controlRight
            default: break
            }
            guard base.count == 1, let character = base.first, character.isASCII, !character.isWhitespace else {
                throw unknown
            }
            return normalized(.control(character))
        case "M", "A":
            switch baseLower {
            case "enter", "cr", "return": return .altEnter
            case "bs", "backspace": return .altBackspace
            default: break
            }
            guard base.count == 1, let character = base.first, !character.isWhitespace else { throw unknown }
            return .alt(character)
        case "S":
            switch baseLower {
            case "up": return .shiftUp
            case "down": return .shiftDown
            case "tab": return .backTab
            default: break
            }
            if base.count == 1, let character = base.first, character.isLetter {
                return .character(Character(character.uppercased()))
            }
            throw unknown
        default:
            throw unknown
        }
    }

    /// The canonical name of one key (`<C-x>`, `<S-Up>`, `g`, `<lt>`).
    public static func name(_ key: Key) -> String {
        switch normalized(key) {
        case .character(let character): return character == "<" ? "<lt>" : String(character)
        case .control(let character): return "<C-\(character)>"
        case .alt(let character): return "<M-\(character)>"
        case .enter: return "<Enter>"
        case .altEnter: return "<M-Enter>"
        case .escape: return "<Esc>"
        case .tab: return "<Tab>"
        case .backTab: return "<S-Tab>"
        case .space: return "<Space>"
        case .backspace: return "<BS>"
        case .altBackspace: return "<M-BS>"
        case .delete: return "<Del>"
        case .insert: return "<Ins>"
        case .up: return "<Up>"
        case .down: return "<Down>"
        case .left: return "<Left>"
        case .right: return "<Right>"
        case .shiftUp: return "<S-Up>"
        case .shiftDown: return "<S-Down>"
        case .controlLeft: return "<C-Left>"
        case .controlRight: return "<C-Right>"
        case .home: return "<Home>"
        case .end: return "<End>"
        case .pageUp: return "<PgUp>"
        case .pageDown: return "<PgDn>"
        case .function(let number): return "<F\(number)>"
        }
    }

    /// The name of a key sequence (`gg`, `<C-x><C-e>`).
    public static func name(_ sequence: [Key]) -> String {
        sequence.map { name($0) }.joined()
    }

    /// Several sequences for help and docs (`j <Down>`), or `unbound` when there are none.
    public static func describe(_ sequences: [[Key]]) -> String {
        sequences.isEmpty ? "unbound" : sequences.map { name($0) }.joined(separator: " ")
    }
}

/// The same key-name functions under the name `KeyName` (both spellings are in use; either works).
public typealias KeyName = KeyNotation
