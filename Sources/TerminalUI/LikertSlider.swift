/// A five-stop Likert scale (0, .25, .5, .75, 1). With `inverted`, the good pole is drawn on the
/// right, as the Open-Assistant website does, and the value sent for drawn position v is 1 − v.
public struct LikertSlider: Widget, Equatable, Sendable {
    /// Number of stops.
    public static let stopCount = 5

    /// The label's title (untrusted, sanitised when drawn).
    public var title: String
    /// Caption of the value 0 pole.
    public var zeroCaption: String
    /// Caption of the value 1 pole.
    public var oneCaption: String
    /// When true, value 1 is drawn on the left and value 0 on the right.
    public var inverted: Bool
    /// The chosen stop as drawn, 0 (left) … 4 (right); nil while unanswered.
    public var stop: Int?
    /// Whether the slider has the focus.
    public var isFocused: Bool

    /// Creates an unanswered slider.
    public init(
        title: String, zeroCaption: String, oneCaption: String, inverted: Bool = false, stop: Int? = nil,
        isFocused: Bool = false
    ) {
        self.title = title
        self.zeroCaption = zeroCaption
        self.oneCaption = oneCaption
        self.inverted = inverted
        self.stop = stop.map { min(max(0, $0), LikertSlider.stopCount - 1) }
        self.isFocused = isFocused
    }

    /// Caption drawn at the left end.
    public var leftCaption: String { inverted ? oneCaption : zeroCaption }
    /// Caption drawn at the right end.
    public var rightCaption: String { inverted ? zeroCaption : oneCaption }

    /// The drawn position (0 left … 1 right), or nil while unanswered.
    public var drawnValue: Double? { stop.map { Double($0) / Double(LikertSlider.stopCount - 1) } }

    /// The value to send: the drawn position, flipped (1 − v) for inverted labels; nil while unanswered.
    public var value: Double? { drawnValue.map { inverted ? 1 - $0 : $0 } }

    /// Moves one stop left (negative) or right; from unanswered it lands on the middle stop.
    public mutating func step(_ delta: Int) {
        guard let stop else {
            self.stop = LikertSlider.stopCount / 2
            return
        }
        self.stop = min(max(0, stop + delta), LikertSlider.stopCount - 1)
    }

    /// Picks stop `number` (1 = leftmost … 5 = rightmost as drawn).
    public mutating func choose(_ number: Int) {
        guard (1...LikertSlider.stopCount).contains(number) else { return }
        stop = number - 1
    }

    /// Back to unanswered.
    public mutating func clear() { stop = nil }

    /// Applies ←/→, `h`/`l`, `1`–`5`, Backspace/Delete; returns true when the answer changed.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        let before = stop
        if key == .left || key == .character("h") {
            step(-1)
        } else if key == .right || key == .character("l") {
            step(1)
        } else if key == .backspace || key == .delete {
            clear()
        } else if case .character(let character) = key, let digit = character.wholeNumberValue {
            choose(digit)
        }
        return before != stop
    }

    /// Three rows: title with the answer in words, the track, and the two pole captions.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let marker = isFocused ? "› " : "  "
        screen.put(marker, x: rect.x, y: rect.y, slot: isFocused ? .selection : .normal, maxWidth: rect.width)
        let state = stop.map { "\($0 + 1) of \(LikertSlider.stopCount)" } ?? "unanswered"
        let stateWidth = CellWidth.of(state)
        let titleWidth = max(0, rect.width - 2 - stateWidth - 1)
        screen.put(
            TextFit.truncate(TextFit.preview(title), width: titleWidth), x: rect.x + 2, y: rect.y, slot: .title)
        if rect.width - 2 >= stateWidth {
            screen.put(state, x: rect.maxX - stateWidth, y: rect.y, slot: stop == nil ? .messageMeta : .sliderValue)
        }
        guard rect.height >= 2 else { return }
        let trackX = rect.x + 2
        let trackWidth = rect.width - 2
        guard trackWidth >= LikertSlider.stopCount else { return }
        let columns = (0..<LikertSlider.stopCount).map { $0 * (trackWidth - 1) / (LikertSlider.stopCount - 1) }
        let selectedColumn = stop.map { columns[$0] } ?? -1
        for column in 0..<trackWidth {
            if let index = columns.firstIndex(of: column) {
                let chosen = index == stop
                screen.put(
                    chosen ? "●" : "○", x: trackX + column, y: rect.y + 1,
                    slot: chosen ? .sliderValue : (column < selectedColumn ? .sliderFilled : .sliderEmpty))
            } else {
                screen.put(
                    column < selectedColumn ? "━" : "─", x: trackX + column, y: rect.y + 1,
                    slot: column < selectedColumn ? .sliderFilled : .sliderEmpty)
            }
        }
        guard rect.height >= 3 else { return }
        let half = max(1, (trackWidth - 1) / 2)
        let left = TextFit.truncate(TextFit.preview(leftCaption), width: half)
        let right = TextFit.truncate(TextFit.preview(rightCaption), width: half)
        screen.put(left, x: trackX, y: rect.y + 2, slot: .messageMeta)
        screen.put(right, x: rect.maxX - CellWidth.of(right), y: rect.y + 2, slot: .messageMeta)
    }
}
