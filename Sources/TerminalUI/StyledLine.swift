/// A run of text in one style slot.
public struct StyledSpan: Equatable, Hashable, Sendable {
    /// The text (already sanitised when it came from outside).
    public var text: String
    /// The style slot for the whole run.
    public var slot: ThemeSlot

    /// Creates a span.
    public init(_ text: String, _ slot: ThemeSlot = .normal) {
        self.text = text
        self.slot = slot
    }
}

/// One line of styled text, as markdown rendering and wrapped text produce it.
public struct StyledLine: Equatable, Hashable, Sendable {
    /// The runs, left to right.
    public var spans: [StyledSpan]

    /// Creates a line from runs.
    public init(_ spans: [StyledSpan] = []) {
        self.spans = spans
    }

    /// The line's text without styles.
    public var plainText: String { spans.map(\.text).joined() }
}
