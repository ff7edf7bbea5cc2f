/// A yes/no label question: unanswered until `y` or `n`, cleared by Backspace/Delete.
public struct YesNoQuestion: Widget, Equatable, Sendable {
    /// The question (untrusted text, sanitised when drawn).
    public var question: String
    /// The answer; nil while unanswered.
    public var answer: Bool?
    /// Whether this question has the focus (draws a marker).
    public var isFocused: Bool

    /// Creates an unanswered question.
    public init(question: String, answer: Bool? = nil, isFocused: Bool = false) {
        self.question = question
        self.answer = answer
        self.isFocused = isFocused
    }

    /// Applies `y`, `n`, Backspace or Delete; returns true when the answer changed.
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        let before = answer
        if key == .character("y") || key == .character("Y") {
            answer = true
        } else if key == .character("n") || key == .character("N") {
            answer = false
        } else if key == .backspace || key == .delete {
            answer = nil
        }
        return before != answer
    }

    /// One line: focus marker, question, then `[y] yes  [n] no` with the choice highlighted and named.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let choices: String
        switch answer {
        case nil: choices = "[y] yes  [n] no  (unanswered)"
        case true?: choices = "[y] YES  [n] no"
        case false?: choices = "[y] yes  [n] NO"
        }
        let marker = isFocused ? "› " : "  "
        let choiceWidth = CellWidth.of(choices)
        let questionWidth = max(0, rect.width - 2 - choiceWidth - 2)
        screen.put(marker, x: rect.x, y: rect.y, slot: isFocused ? .selection : .normal, maxWidth: rect.width)
        let shown = TextFit.truncate(TextFit.preview(question), width: questionWidth)
        screen.put(shown, x: rect.x + 2, y: rect.y, slot: .normal, maxWidth: questionWidth)
        let choiceX = rect.maxX - min(choiceWidth, rect.width - 2)
        screen.put(choices, x: choiceX, y: rect.y, slot: .helpText, maxWidth: rect.maxX - choiceX)
        if let answer {
            let offset = answer ? 0 : 9
            screen.restyle(Rect(x: choiceX + offset, y: rect.y, width: answer ? 7 : 6, height: 1), slot: .sliderValue)
        }
    }
}
