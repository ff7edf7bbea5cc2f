/// How one theme slot looks: colours and attributes.
public struct CellStyle: Hashable, Sendable {
    /// Text colour.
    public var foreground: TerminalColor
    /// Background colour.
    public var background: TerminalColor
    /// Bold attribute.
    public var bold: Bool
    /// Dim attribute.
    public var dim: Bool
    /// Underline attribute.
    public var underline: Bool
    /// Reverse-video attribute.
    public var reverse: Bool
    /// Italic attribute (shown only where the terminal supports it).
    public var italic: Bool

    /// Creates a style; every part defaults to "plain".
    public init(
        foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false, italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }

    /// The plain style.
    public static let plain = CellStyle()
}
