/// A block of text wrapped to its rectangle's width; untrusted input goes through `Sanitizer`.
public struct WrappedText: Widget {
    /// The lines before wrapping (already sanitised).
    public var lines: [StyledLine]

    /// Sanitises untrusted text and keeps its line breaks.
    public init(_ raw: some StringProtocol, slot: ThemeSlot = .normal) {
        self.lines = Sanitizer.lines(raw, slot: slot)
    }

    /// Uses lines that are already sanitised (for example rendered Markdown).
    public init(sanitizedLines: [StyledLine]) {
        self.lines = sanitizedLines
    }

    /// The lines wrapped to `width` columns.
    public func wrapped(width: Int) -> [StyledLine] {
        TextWrapper.wrap(lines, width: width)
    }

    /// How many rows the text needs at `width` columns.
    public func height(width: Int) -> Int { wrapped(width: width).count }

    /// Draws the first rows that fit; the rest is cut (use `ScrollView` for more).
    public func render(into screen: inout Screen, in rect: Rect) {
        for (row, line) in TextWrapper.wrap(lines, width: rect.width, maxLines: rect.height).enumerated() {
            screen.put(line, x: rect.x, y: rect.y + row, maxWidth: rect.width)
        }
    }
}
