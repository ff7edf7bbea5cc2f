/// A checkbox flag (for example "spam" or "not appropriate"): Space toggles it.
public struct FlagToggle: Widget, Equatable, Sendable {
    /// The flag's caption (untrusted, sanitised when drawn).
    public var label: String
    /// Whether the flag is set.
    public var isOn: Bool
    /// Whether the flag has the focus.
    public var isFocused: Bool

    /// Creates a flag, off by default.
    public init(label: String, isOn: Bool = false, isFocused: Bool = false) {
        self.label = label
        self.isOn = isOn
        self.isFocused = isFocused
    }

    /// Space toggles, Backspace/Delete clears; returns true when the flag changed.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        let before = isOn
        if key == .space || key == .character(" ") {
            isOn.toggle()
        } else if key == .backspace || key == .delete {
            isOn = false
        }
        return before != isOn
    }

    /// One line: `› [x] label` (the box shows the state as a character, not only as colour).
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let marker = isFocused ? "› " : "  "
        screen.put(marker, x: rect.x, y: rect.y, slot: isFocused ? .selection : .normal, maxWidth: rect.width)
        let box = isOn ? "[x] " : "[ ] "
        let used = screen.put(
            box, x: rect.x + 2, y: rect.y, slot: isOn ? .sliderValue : .normal, maxWidth: rect.width - 2)
        let room = rect.width - 2 - used
        screen.put(
            TextFit.truncate(TextFit.preview(label), width: room), x: rect.x + 2 + used, y: rect.y, slot: .normal)
    }
}
