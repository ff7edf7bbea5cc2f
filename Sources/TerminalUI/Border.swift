/// A single-line box drawn around a rectangle, with an optional title in the top edge.
public struct Border: Widget {
    /// The title shown in the top edge (already sanitised).
    public var title: String
    /// Slot for the lines.
    public var slot: ThemeSlot
    /// Slot for the title.
    public var titleSlot: ThemeSlot

    /// Creates a border.
    public init(title: String = "", slot: ThemeSlot = .border, titleSlot: ThemeSlot = .title) {
        self.title = title
        self.slot = slot
        self.titleSlot = titleSlot
    }

    /// Draws the four edges; the inside is left as it was.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, slot: slot)
        screen.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, slot: slot)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put("│", x: rect.x, y: row, slot: slot)
            screen.put("│", x: rect.maxX - 1, y: row, slot: slot)
        }
        if !title.isEmpty, rect.width > 6 {
            screen.put(" " + title + " ", x: rect.x + 2, y: rect.y, slot: titleSlot, maxWidth: rect.width - 4)
        }
    }

    /// The area inside the border.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(1) }
}
