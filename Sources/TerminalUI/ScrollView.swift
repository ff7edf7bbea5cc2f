/// A viewport over styled lines taller than its rectangle: wraps them, keeps an offset in
/// wrapped rows, and draws a scroll bar in the last column when the content does not fit.
public struct ScrollView: Widget {
    /// How a scroll command moves the viewport.
    public enum Motion: Hashable, Sendable {
        case lineUp, lineDown, halfPageUp, halfPageDown, pageUp, pageDown, top, bottom
    }

    /// The content before wrapping (already sanitised).
    public var content: [StyledLine]
    /// The first wrapped row shown.
    public var offset: Int
    /// Whether to draw the scroll bar when the content is taller than the viewport.
    public var showsIndicator: Bool
    /// Whether to wrap the content to the viewport; false draws pre-laid-out lines as they are (clipped).
    public var wrapsContent: Bool

    /// Creates a scroll view at the top of its content.
    public init(content: [StyledLine], offset: Int = 0, showsIndicator: Bool = true, wrapsContent: Bool = true) {
        self.content = content
        self.offset = offset
        self.showsIndicator = showsIndicator
        self.wrapsContent = wrapsContent
    }

    /// Creates a scroll view over untrusted text, sanitised.
    public init(text raw: some StringProtocol, slot: ThemeSlot = .normal) {
        self.init(content: Sanitizer.lines(raw, slot: slot))
    }

    /// The wrapped rows for a viewport, leaving the last column to the scroll bar when needed.
    public func layout(in rect: Rect) -> (rows: [StyledLine], textWidth: Int, hasBar: Bool) {
        if !wrapsContent {
            guard showsIndicator, content.count > rect.height, rect.width > 1 else {
                return (content, rect.width, false)
            }
            return (content, rect.width - 1, true)
        }
        let probe = TextWrapper.wrap(content, width: rect.width, maxLines: rect.height + 1)
        if probe.count <= rect.height { return (probe, rect.width, false) }
        guard showsIndicator, rect.width > 1 else {
            return (TextWrapper.wrap(content, width: rect.width), rect.width, false)
        }
        return (TextWrapper.wrap(content, width: rect.width - 1), rect.width - 1, true)
    }

    /// The largest useful offset for a viewport.
    public func maxOffset(in rect: Rect) -> Int {
        max(0, layout(in: rect).rows.count - rect.height)
    }

    /// Moves the offset by whole rows, clamped to the content.
    public mutating func scroll(by rows: Int, in rect: Rect) {
        offset = min(max(0, offset + rows), maxOffset(in: rect))
    }

    /// Applies a scroll command for a viewport.
    public mutating func scroll(_ motion: Motion, in rect: Rect) {
        let page = max(1, rect.height - 1)
        switch motion {
        case .lineUp: scroll(by: -1, in: rect)
        case .lineDown: scroll(by: 1, in: rect)
        case .halfPageUp: scroll(by: -max(1, rect.height / 2), in: rect)
        case .halfPageDown: scroll(by: max(1, rect.height / 2), in: rect)
        case .pageUp: scroll(by: -page, in: rect)
        case .pageDown: scroll(by: page, in: rect)
        case .top: offset = 0
        case .bottom: offset = maxOffset(in: rect)
        }
    }

    /// Draws the visible rows and, when the content is taller, a bar whose thumb shows position and size.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let (rows, textWidth, hasBar) = layout(in: rect)
        let start = min(max(0, offset), max(0, rows.count - rect.height))
        for (index, line) in rows.dropFirst(start).prefix(rect.height).enumerated() {
            screen.put(line, x: rect.x, y: rect.y + index, maxWidth: textWidth)
        }
        guard hasBar else { return }
        let thumb = ScrollView.thumb(total: rows.count, visible: rect.height, offset: start)
        for row in 0..<rect.height {
            let inThumb = thumb.contains(row)
            screen.put(inThumb ? "█" : "│", x: rect.maxX - 1, y: rect.y + row, slot: inThumb ? .selection : .border)
        }
    }

    /// Rows of the bar covered by the thumb, for `total` rows of which `visible` show from `offset`.
    public static func thumb(total: Int, visible: Int, offset: Int) -> Range<Int> {
        guard total > visible, visible > 0 else { return 0..<visible }
        let size = max(1, visible * visible / total)
        let maxStart = visible - size
        let maxOffset = total - visible
        let start = maxOffset == 0 ? 0 : (offset * maxStart + maxOffset / 2) / maxOffset
        return start..<(start + size)
    }
}
