/// A busy indicator whose frame is a pure function of a tick counter, so tests are deterministic.
public struct Spinner: Widget, Equatable, Sendable {
    /// The frames, in order.
    public static let frames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The tick counter (advanced by the app's clock).
    public var tick: Int
    /// Text after the frame (already sanitised), e.g. "saving…".
    public var label: String

    /// Creates a spinner.
    public init(tick: Int = 0, label: String = "") {
        self.tick = tick
        self.label = label
    }

    /// The frame for the current tick.
    public var frame: String {
        let count = Spinner.frames.count
        return Spinner.frames[((tick % count) + count) % count]
    }

    /// Draws the frame and the label on the rect's first row.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let used = screen.put(frame, x: rect.x, y: rect.y, slot: .statusQueued, maxWidth: rect.width)
        if !label.isEmpty {
            screen.put(" " + label, x: rect.x + used, y: rect.y, slot: .normal, maxWidth: rect.width - used)
        }
    }
}
