/// Theme files: TOML that overrides only the slots it names over a base theme (the built-in
/// default). Each named slot is replaced as a whole by `{ fg, bg, bold, dim, reverse, underline, italic }`.
/// Unknown slots, colours and attributes are errors naming the file and line.
public enum ThemeFile {
    /// The colour names in palette order (index 0–7; `bright` + name for 8–15).
    public static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    /// The attribute keys a slot may set.
    public static let attributes = ["bold", "dim", "reverse", "underline", "italic"]

    /// Parses a colour: `default`, `black`…`white`, `brightblack`…`brightwhite`, `color0`…`color255`, `#rrggbb`.
    public static func parseColor(_ text: String) -> TerminalColor? {
        let name = text.lowercased()
        if name == "default" { return .terminalDefault }
        if let index = colorNames.firstIndex(of: name) { return .indexed(UInt8(index)) }
        for prefix in ["bright-", "bright_", "bright"] where name.hasPrefix(prefix) {
            if let index = colorNames.firstIndex(of: String(name.dropFirst(prefix.count))) {
                return .indexed(UInt8(index + 8))
            }
        }
        if name.hasPrefix("color"), let index = UInt8(name.dropFirst(5)), String(index) == name.dropFirst(5) {
            return .indexed(index)
        }
        if name.hasPrefix("#"), name.count == 7 {
            let hex = Array(name.dropFirst())
            guard hex.allSatisfy(\.isHexDigit),
                let red = UInt8(String(hex[0...1]), radix: 16), let green = UInt8(String(hex[2...3]), radix: 16),
                let blue = UInt8(String(hex[4...5]), radix: 16)
            else { return nil }
            return .rgb(red: red, green: green, blue: blue)
        }
        return nil
    }

    /// The name `parseColor` reads back.
    public static func colorName(_ color: TerminalColor) -> String {
        switch color {
        case .terminalDefault:
            return "default"
        case .indexed(let index):
            if index < 8 { return colorNames[Int(index)] }
            if index < 16 { return "bright" + colorNames[Int(index) - 8] }
            return "color\(index)"
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { Sanitizer.hex(UInt32($0), digits: 2).lowercased() }.joined()
        }
    }

    /// Loads a theme file over `base`. `file` is used in error messages; `name` becomes the theme's name.
    public static func parse(
        _ text: String, file: String, name: String, base: Theme = BuiltInThemes.standard
    )
        throws -> Theme
    {
        let document = try TOMLDocument(parsing: text, file: file)
        var theme = base
        theme.name = name
        try apply(document.root, prefix: "", to: &theme, document: document)
        return theme
    }

    private static func apply(
        _ table: TOMLTable, prefix: String, to theme: inout Theme, document: TOMLDocument
    )
        throws
    {
        for (key, value) in table.entries {
            let slotName = prefix + key
            if let slot = ThemeSlot(rawValue: slotName) {
                guard let styleTable = value.table else {
                    throw document.error(
                        "slot \(slotName) needs a table such as { fg = \"red\", bold = true }", line: value.line)
                }
                theme.styles[slot] = try style(from: styleTable, slot: slotName, document: document)
            } else if let nested = value.table,
                ThemeSlot.allCases.contains(where: { $0.rawValue.hasPrefix(slotName + ".") })
            {
                try apply(nested, prefix: slotName + ".", to: &theme, document: document)
            } else {
                throw document.error(
                    "unknown slot '\(slotName)'; known slots: "
                        + ThemeSlot.allCases.map(\.rawValue).joined(separator: ", "), line: value.line)
            }
        }
    }

    private static func style(from table: TOMLTable, slot: String, document: TOMLDocument) throws -> CellStyle {
        var style = CellStyle.plain
        for (key, value) in table.entries {
            switch key {
            case "fg", "bg":
                guard let text = value.string, let color = parseColor(text) else {
                    let shown = value.string.map { "'\(Sanitizer.plain($0))'" } ?? "a \(value.typeName)"
                    throw document.error(
                        "bad colour \(shown) for \(slot).\(key); use default, black…white, brightblack…brightwhite, "
                            + "color0…color255 or #rrggbb", line: value.line)
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "bold", "dim", "reverse", "underline", "italic":
                guard let flag = value.boolean else {
                    throw document.error("\(slot).\(key) must be true or false", line: value.line)
                }
                switch key {
                case "bold": style.bold = flag
                case "dim": style.dim = flag
                case "reverse": style.reverse = flag
                case "underline": style.underline = flag
                default: style.italic = flag
                }
            default:
                throw document.error(
                    "unknown attribute '\(Sanitizer.plain(key))' for \(slot); use fg, bg, "
                        + attributes.joined(separator: ", "), line: value.line)
            }
        }
        return style
    }

    /// The TOML for `theme` as an overlay: only the slots that differ from `base`, in slot order.
    public static func serialize(_ theme: Theme, over base: Theme = BuiltInThemes.standard) -> String {
        var out = ""
        for slot in ThemeSlot.allCases where theme[slot] != base[slot] {
            let style = theme[slot]
            var parts: [String] = []
            if style.foreground != .terminalDefault { parts.append("fg = \"\(colorName(style.foreground))\"") }
            if style.background != .terminalDefault { parts.append("bg = \"\(colorName(style.background))\"") }
            let flags = [
                ("bold", style.bold), ("dim", style.dim), ("reverse", style.reverse), ("underline", style.underline),
                ("italic", style.italic),
            ]
            for (name, isOn) in flags where isOn { parts.append("\(name) = true") }
            let body = parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
            out += "\"\(slot.rawValue)\" = \(body)\n"
        }
        return out
    }
}
