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

    /// Columns the question keeps before the choices shrink to their compact form.
    static let questionRoom = 24

    /// One line: focus marker, question, then `[y] yes  [n] no` with the choice highlighted and named. When that
    /// leaves the question fewer than `questionRoom` columns (and less than it needs), the choices shrink to
    /// `[y/n] ?`, `[y] YES` or `[n] NO`: on a narrow terminal the question is what a reviewer must read.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let shownQuestion = TextFit.preview(question)
        let full: (text: String, highlight: Range<Int>?)
        let compact: (text: String, highlight: Range<Int>?)
        switch answer {
        case nil:
            full = ("[y] yes  [n] no  (unanswered)", nil)
            compact = ("[y/n] ?", nil)
        case true?:
            full = ("[y] YES  [n] no", 0..<7)
            compact = ("[y] YES", 0..<7)
        case false?:
            full = ("[y] yes  [n] NO", 9..<15)
            compact = ("[n] NO", 0..<6)
        }
        let roomWithFull = rect.width - 2 - CellWidth.of(full.text) - 2
        let needed = min(Self.questionRoom, CellWidth.of(shownQuestion))
        let choices = roomWithFull >= needed ? full : compact
        let choiceWidth = CellWidth.of(choices.text)
        let questionWidth = max(0, rect.width - 2 - choiceWidth - 2)
        let marker = isFocused ? "› " : "  "
        screen.put(marker, x: rect.x, y: rect.y, slot: isFocused ? .selection : .normal, maxWidth: rect.width)
        let shown = TextFit.truncate(shownQuestion, width: questionWidth)
        screen.put(shown, x: rect.x + 2, y: rect.y, slot: .normal, maxWidth: questionWidth)
        let choiceX = rect.maxX - min(choiceWidth, rect.width - 2)
        screen.put(choices.text, x: choiceX, y: rect.y, slot: .helpText, maxWidth: rect.maxX - choiceX)
        if let highlight = choices.highlight {
            screen.restyle(
                Rect(x: choiceX + highlight.lowerBound, y: rect.y, width: highlight.count, height: 1),
                slot: .sliderValue)
        }
    }
}
