/// A complete mapping from every style slot to a style; themes override a base slot by slot.
public struct Theme: Equatable, Sendable {
    /// The theme's name (`default`, `monochrome`, or a file's name).
    public var name: String
    /// Styles for the slots this theme sets; other slots fall back to `.plain`.
    public var styles: [ThemeSlot: CellStyle]

    /// Creates a theme.
    public init(name: String, styles: [ThemeSlot: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a slot.
    public subscript(slot: ThemeSlot) -> CellStyle {
        styles[slot] ?? .plain
    }

    /// True when the theme uses any colour (a monochrome theme uses attributes only).
    public var usesColour: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }
}
