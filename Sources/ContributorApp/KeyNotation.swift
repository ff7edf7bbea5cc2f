import TerminalUI

/// Key names as written in key map files and help: `a`, `?`, `<C-x>`, `<M-x>`, `<S-Up>`, `<F1>`,
/// `<Enter>`, `<Esc>`, `<Tab>`, `<Space>`, `<BS>`, `<Del>`, `<PgUp>`, `<PgDn>` and sequences such
/// as `gg` or `<C-x><C-e>`.
public enum KeyNotation {
    /// Named keys (inside `<…>`) and the key each means.
    static let named: [(String, Key)] = [
        ("Enter", .enter), ("M-Enter", .altEnter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab),
        ("Space", .space), ("BS", .backspace), ("M-BS", .altBackspace), ("Del", .delete), ("Ins", .insert),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("S-Up", .shiftUp),
        ("S-Down", .shiftDown), ("C-Left", .controlLeft), ("C-Right", .controlRight), ("Home", .home),
        ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown), ("lt", .character("<")),
    ]

    /// Parses a key sequence; nil when any part is not a key name.
    public static func parse(_ text: String) -> [Key]? {
        var keys: [Key] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let close = text[index...].firstIndex(of: ">"), close > text.index(after: index) {
                let name = String(text[text.index(after: index)..<close])
                guard let key = namedKey(name) else { return nil }
                keys.append(key)
                index = text.index(after: close)
            } else {
                keys.append(character == " " ? .space : .character(character))
                index = text.index(after: index)
            }
        }
        return keys.isEmpty ? nil : keys
    }

    /// The key for a name written inside `<…>`.
    static func namedKey(_ name: String) -> Key? {
        if let match = named.first(where: { $0.0.lowercased() == name.lowercased() }) { return match.1 }
        let upper = name.uppercased()
        if upper.hasPrefix("F"), let number = Int(upper.dropFirst()), (1...12).contains(number) {
            return .function(number)
        }
        if upper.hasPrefix("C-"), name.count == 3, let last = name.last {
            return .control(Character(last.lowercased()))
        }
        if upper.hasPrefix("M-"), name.count == 3, let last = name.last { return .alt(last) }
        return nil
    }

    /// The written name of one key.
    public static func name(_ key: Key) -> String {
        switch key {
        case .character("<"): return "<lt>"
        case .character(let character): return String(character)
        case .control(let character): return "<C-\(character)>"
        case .alt(let character): return "<M-\(character)>"
        case .function(let number): return "<F\(number)>"
        case .enter, .altEnter, .escape, .tab, .backTab, .space, .backspace, .altBackspace, .delete, .insert, .up,
            .down, .left, .right, .shiftUp, .shiftDown, .controlLeft, .controlRight, .home, .end, .pageUp,
            .pageDown:
            let match = named.first { $0.1 == key }
            return "<\(match?.0 ?? "?")>"
        }
    }

    /// The written name of a key sequence.
    public static func name(_ keys: [Key]) -> String { keys.map { name($0) }.joined() }

    /// Keys that type text or move inside the editor; bindings that start with one act only outside it.
    public static func isTextKey(_ key: Key) -> Bool {
        switch key {
        case .character, .space, .enter, .tab, .backspace, .altBackspace, .delete, .left, .right, .up, .down, .home,
            .end, .controlLeft, .controlRight:
            return true
        case .control(let character):
            return TextEditor.consumes(.control(character))
        case .alt(let character):
            return TextEditor.consumes(.alt(character))
        case .altEnter, .escape, .backTab, .insert, .shiftUp, .shiftDown, .pageUp, .pageDown, .function:
            return false
        }
    }
}
