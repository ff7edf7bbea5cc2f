/// The themes compiled into the binary (`default`, `light`, `high-contrast`, `monochrome`); the
/// files in `themes/` are the same themes written as TOML overlays over `default`.
public enum BuiltInThemes {
    /// Names in the order `oasst` lists them.
    public static let names = ["default", "light", "high-contrast", "monochrome"]

    /// A built-in theme by name.
    public static func theme(named name: String) -> Theme? {
        switch name {
        case "default": return standard
        case "light": return light
        case "high-contrast": return highContrast
        case "monochrome": return monochrome
        default: return nil
        }
    }

    private static func style(
        _ foreground: TerminalColor = .terminalDefault, bg: TerminalColor = .terminalDefault, bold: Bool = false,
        dim: Bool = false, underline: Bool = false, reverse: Bool = false, italic: Bool = false
    ) -> CellStyle {
        CellStyle(
            foreground: foreground, background: bg, bold: bold, dim: dim, underline: underline, reverse: reverse,
            italic: italic)
    }

    private static let black = TerminalColor.indexed(0)
    private static let red = TerminalColor.indexed(1)
    private static let green = TerminalColor.indexed(2)
    private static let yellow = TerminalColor.indexed(3)
    private static let blue = TerminalColor.indexed(4)
    private static let magenta = TerminalColor.indexed(5)
    private static let cyan = TerminalColor.indexed(6)
    private static let brightBlack = TerminalColor.indexed(8)

    /// A theme that sets every slot: `.plain` unless `overrides` names it.
    private static func complete(_ name: String, base: Theme?, _ overrides: [ThemeSlot: CellStyle]) -> Theme {
        var styles: [ThemeSlot: CellStyle] = [:]
        for slot in ThemeSlot.allCases { styles[slot] = overrides[slot] ?? base?.styles[slot] ?? .plain }
        return Theme(name: name, styles: styles)
    }

    /// The built-in default: colours for a dark or default terminal background (TERMINAL.md §4.2).
    public static let standard = complete(
        "default", base: nil,
        [
            .title: style(bold: true), .borderFocused: style(cyan), .border: style(),
            .messageUser: style(cyan), .messageAssistant: style(), .messageMeta: style(dim: true),
            .messageHighlight: style(bold: true),
            .selection: style(reverse: true), .editorCursor: style(reverse: true), .editorText: style(),
            .sliderFilled: style(green), .sliderEmpty: style(brightBlack), .sliderValue: style(bold: true),
            .rankNumber: style(yellow), .rankMoving: style(reverse: true),
            .statusBar: style(), .statusOnline: style(green), .statusOffline: style(red),
            .statusQueued: style(yellow), .statusHeld: style(red, bold: true),
            .error: style(red, bold: true), .warning: style(yellow, bold: true),
            .helpKey: style(blue), .helpText: style(dim: true),
            .markdownHeading: style(bold: true, underline: true), .markdownStrong: style(bold: true),
            .markdownEmphasis: style(italic: true), .markdownCode: style(yellow), .markdownCodeBlock: style(dim: true),
            .markdownLink: style(blue, underline: true), .markdownQuote: style(dim: true),
            .markdownRule: style(dim: true),
            .untrustedControl: style(yellow, reverse: true),
        ])

    /// For light terminal backgrounds: no yellow text, darker accents.
    public static let light = complete(
        "light", base: standard,
        [
            .borderFocused: style(blue), .messageUser: style(blue),
            .sliderFilled: style(.indexed(28)), .sliderEmpty: style(.indexed(250)),
            .rankNumber: style(magenta), .statusOnline: style(.indexed(28)),
            .statusQueued: style(.indexed(130)), .warning: style(.indexed(130), bold: true),
            .helpKey: style(blue, bold: true), .markdownCode: style(magenta),
            .untrustedControl: style(red, reverse: true),
        ])

    /// Stronger contrast: bright colours and bold where the default is dim.
    public static let highContrast = complete(
        "high-contrast", base: standard,
        [
            .title: style(.indexed(15), bold: true), .borderFocused: style(.indexed(14), bold: true),
            .messageUser: style(.indexed(14), bold: true), .messageMeta: style(),
            .selection: style(bold: true, reverse: true),
            .sliderFilled: style(.indexed(10), bold: true), .sliderEmpty: style(.indexed(7)),
            .rankNumber: style(.indexed(11), bold: true), .rankMoving: style(bold: true, reverse: true),
            .statusOnline: style(.indexed(10), bold: true), .statusOffline: style(.indexed(9), bold: true),
            .statusQueued: style(.indexed(11), bold: true),
            .statusHeld: style(.indexed(9), bold: true, underline: true),
            .error: style(.indexed(9), bold: true, underline: true), .warning: style(.indexed(11), bold: true),
            .helpKey: style(.indexed(14), bold: true), .helpText: style(),
            .markdownCodeBlock: style(), .markdownQuote: style(), .markdownRule: style(),
            .untrustedControl: style(black, bg: .indexed(11), bold: true),
        ])

    /// Attributes only, for NO_COLOR, TERM=dumb or terminals without colour (TERMINAL.md §4.2).
    public static let monochrome = complete(
        "monochrome", base: nil,
        [
            .title: style(bold: true), .borderFocused: style(bold: true),
            .messageUser: style(bold: true), .messageMeta: style(dim: true), .messageHighlight: style(bold: true),
            .selection: style(reverse: true), .editorCursor: style(reverse: true),
            .sliderFilled: style(reverse: true), .sliderValue: style(bold: true),
            .rankNumber: style(bold: true), .rankMoving: style(reverse: true),
            .statusOffline: style(bold: true), .statusHeld: style(bold: true, underline: true),
            .error: style(bold: true, underline: true), .warning: style(bold: true),
            .helpKey: style(bold: true),
            .markdownHeading: style(bold: true, underline: true), .markdownStrong: style(bold: true),
            .markdownEmphasis: style(underline: true), .markdownCodeBlock: style(dim: true),
            .markdownLink: style(underline: true), .markdownQuote: style(dim: true), .markdownRule: style(dim: true),
            .untrustedControl: style(reverse: true),
        ])
}
