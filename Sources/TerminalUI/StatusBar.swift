/// The bottom status line: segments joined by `│`. When the line is too narrow, key hints go
/// first, then the position; the mode, connection, queue/held counts and help are always kept
/// (and shown as words, never only as colour).
public struct StatusBar: Widget, Equatable, Sendable {
    /// One piece of the status line.
    public struct Segment: Equatable, Sendable {
        /// Already sanitised text.
        public var text: String
        /// Its style.
        public var slot: ThemeSlot
        /// Dropped in increasing order when space runs out; nil = always kept.
        public var dropOrder: Int?

        /// Creates a segment.
        public init(_ text: String, slot: ThemeSlot = .statusBar, dropOrder: Int? = nil) {
            self.text = text
            self.slot = slot
            self.dropOrder = dropOrder
        }

        /// Key hints for the current context: dropped first.
        public static func hints(_ text: String) -> Segment { Segment(text, slot: .helpText, dropOrder: 0) }
        /// The task position (`3/8`): dropped second.
        public static func position(_ text: String) -> Segment { Segment(text, dropOrder: 1) }
        /// A segment that is always kept (mode, connection, held count, help).
        public static func kept(_ text: String, slot: ThemeSlot = .statusBar) -> Segment { Segment(text, slot: slot) }
    }

    /// Separator between segments.
    public static let separator = " │ "

    /// The segments, left to right.
    public var segments: [Segment]

    /// Creates a status bar.
    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// The segments that fit in `width` columns, dropping by `dropOrder`.
    public func visibleSegments(width: Int) -> [Segment] {
        var shown = segments
        func total() -> Int {
            shown.reduce(0) { $0 + CellWidth.of($1.text) } + max(0, shown.count - 1) * CellWidth.of(StatusBar.separator)
        }
        let droppable = Set(segments.compactMap(\.dropOrder)).sorted()
        for order in droppable where total() > width {
            shown.removeAll { $0.dropOrder == order }
        }
        return shown
    }

    /// Draws the line over the whole rect's first row in the `status.bar` slot.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), slot: .statusBar)
        var x = rect.x
        for (index, segment) in visibleSegments(width: rect.width).enumerated() {
            if index > 0 {
                x += screen.put(StatusBar.separator, x: x, y: rect.y, slot: .statusBar, maxWidth: rect.maxX - x)
            }
            guard x < rect.maxX else { break }
            let text = TextFit.truncate(segment.text, width: rect.maxX - x)
            x += screen.put(text, x: x, y: rect.y, slot: segment.slot, maxWidth: rect.maxX - x)
        }
    }
}
