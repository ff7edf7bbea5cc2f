/// A multi-line text editor as a value: text, cursor, kill buffer and undo history, with GNU
/// readline's emacs keys, soft wrapping by terminal cells and a live character count.
/// The cursor always sits between two graphemes (Swift `Character`s).
public struct TextEditor: Widget, Equatable, Sendable {
    /// The server's default limit on a reply's length (Open-Assistant backend).
    public static let defaultLimit = 2000
    /// Fraction of the limit from which the count shows in the warning style.
    public static let warningFraction = 0.9

    /// The text as graphemes.
    public private(set) var characters: [Character]
    /// Cursor position: the number of graphemes before it.
    public private(set) var cursor: Int
    /// Most characters the server accepts (counted as `characterCount` counts).
    public var limit: Int
    /// Columns the text wraps at; the caller sets it to the width of the rect it renders into,
    /// so that up/down move by visual column exactly as drawn.
    public var wrapWidth: Int
    /// Rows of text shown (the rect's height minus the count line); keeps the cursor in view.
    public var viewHeight: Int
    /// First visual row shown.
    public private(set) var scrollRow: Int = 0
    /// The last killed text, inserted again by C-y.
    public private(set) var killBuffer: String = ""
    /// Control characters removed from the last paste (0 when the last edit was no paste).
    public private(set) var lastPasteRemoved: Int = 0

    private struct State: Equatable, Sendable {
        var characters: [Character]
        var cursor: Int
    }

    private enum EditKind: Equatable, Sendable {
        case typingWord, typingSpace, deleting, killing
    }

    private var undoStack: [State] = []
    private var redoStack: [State] = []
    private var lastEdit: EditKind?
    private var goalColumn: Int?

    /// Creates an editor holding `text` with the cursor at its end.
    public init(text: String = "", limit: Int = TextEditor.defaultLimit, wrapWidth: Int = 80, viewHeight: Int = 10) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.limit = limit
        self.wrapWidth = max(1, wrapWidth)
        self.viewHeight = max(1, viewHeight)
    }

    /// The whole text.
    public var text: String { String(characters) }

    /// True when there is a step to undo.
    public var canUndo: Bool { !undoStack.isEmpty }
    /// True when there is a step to redo.
    public var canRedo: Bool { !redoStack.isEmpty }

    // MARK: Counting

    /// Characters as the server counts them: Unicode scalars of the text with surrounding white space stripped.
    public var characterCount: Int {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        return end - start
    }

    /// How the count compares with the limit.
    public enum CountLevel: Equatable, Sendable {
        case normal, nearLimit, overLimit
    }

    /// `nearLimit` from 90 % of the limit, `overLimit` past it.
    public var countLevel: CountLevel {
        let count = characterCount
        if count > limit { return .overLimit }
        if Double(count) >= Double(limit) * TextEditor.warningFraction { return .nearLimit }
        return .normal
    }

    // MARK: Keys

    /// True for the keys `apply` acts on (movement included), so the caller can route them here.
    public static func consumes(_ key: Key) -> Bool {
        switch key {
        case .character, .space, .enter, .tab, .backspace, .altBackspace, .delete:
            return true
        case .left, .right, .up, .down, .home, .end, .controlLeft, .controlRight:
            return true
        case .control(let character):
            return "abefkuwdyp_n".contains(character)
        case .alt(let character):
            return "bfd_".contains(character)
        case .altEnter, .escape, .backTab, .insert, .shiftUp, .shiftDown, .pageUp, .pageDown, .function:
            return false
        }
    }

    /// Applies one key. Returns true when the text changed (movement returns false).
    @discardableResult
    public mutating func apply(_ key: Key) -> Bool {
        let before = characters
        var keepsGoal = false
        switch key {
        case .character(let character):
            insertTyped(character)
        case .space:
            insertTyped(" ")
        case .tab:
            insertTyped("\t")
        case .enter:
            edit(.typingSpace) { $0.insert("\n") }
        case .backspace:
            if cursor > 0 { edit(.deleting) { $0.remove(from: $0.cursor - 1, to: $0.cursor) } }
        case .delete, .control("d"):
            if cursor < characters.count { edit(.deleting) { $0.remove(from: $0.cursor, to: $0.cursor + 1) } }
        case .left, .control("b"):
            move(to: cursor - 1)
        case .right, .control("f"):
            move(to: cursor + 1)
        case .controlLeft, .alt("b"):
            move(to: wordStart(before: cursor))
        case .controlRight, .alt("f"):
            move(to: wordEnd(after: cursor))
        case .home, .control("a"):
            move(to: lineStart(cursor))
        case .end, .control("e"):
            move(to: lineEnd(cursor))
        case .up, .control("p"):
            moveVertically(by: -1)
            keepsGoal = true
        case .down, .control("n"):
            moveVertically(by: 1)
            keepsGoal = true
        case .control("k"):
            let end = lineEnd(cursor)
            kill(from: cursor, to: end == cursor ? min(characters.count, end + 1) : end, backward: false)
        case .control("u"):
            kill(from: lineStart(cursor), to: cursor, backward: true)
        case .control("w"):
            kill(from: spaceDelimitedWordStart(before: cursor), to: cursor, backward: true)
        case .altBackspace:
            kill(from: wordStart(before: cursor), to: cursor, backward: true)
        case .alt("d"):
            kill(from: cursor, to: wordEnd(after: cursor), backward: false)
        case .control("y"):
            if !killBuffer.isEmpty {
                let yanked = killBuffer
                edit(nil) { $0.insert(yanked) }
            }
        case .control("_"):
            undo()
        case .alt("_"):
            redo()
        case .control, .alt, .altEnter, .escape, .backTab, .insert, .shiftUp, .shiftDown, .pageUp, .pageDown,
            .function:
            break
        }
        if !keepsGoal { goalColumn = nil }
        if characters != before { lastPasteRemoved = 0 }
        ensureCursorVisible()
        return characters != before
    }

    /// Inserts a bracketed paste as one undo step, cleaned by `Sanitizer.cleanPaste`; the number of
    /// removed control characters is kept in `lastPasteRemoved`. Returns true when the text changed.
    @discardableResult
    public mutating func paste(_ raw: some StringProtocol) -> Bool {
        let cleaned = Sanitizer.cleanPaste(raw)
        let before = characters
        if !cleaned.text.isEmpty {
            edit(nil) { $0.insert(cleaned.text) }
        }
        lastEdit = nil
        goalColumn = nil
        lastPasteRemoved = cleaned.removed
        ensureCursorVisible()
        return characters != before
    }

    /// Replaces the whole text as one undo step (for example after an external editor), cursor at the end.
    public mutating func replaceText(_ newText: String) {
        guard newText != text else { return }
        edit(nil) {
            $0.characters = Array(newText)
            $0.cursor = $0.characters.count
        }
        lastEdit = nil
        ensureCursorVisible()
    }

    /// Undoes the last step; typing is grouped into word-sized steps.
    public mutating func undo() {
        guard let state = undoStack.popLast() else { return }
        redoStack.append(State(characters: characters, cursor: cursor))
        characters = state.characters
        cursor = state.cursor
        lastEdit = nil
    }

    /// Redoes the last undone step.
    public mutating func redo() {
        guard let state = redoStack.popLast() else { return }
        undoStack.append(State(characters: characters, cursor: cursor))
        characters = state.characters
        cursor = state.cursor
        lastEdit = nil
    }

    // MARK: Editing primitives

    private mutating func insertTyped(_ character: Character) {
        let isSpace = character == " " || character == "\t"
        edit(isSpace ? .typingSpace : .typingWord) { $0.insert(String(character)) }
    }

    /// Records an undo step unless this edit continues the current group, then performs it.
    private mutating func edit(_ kind: EditKind?, _ body: (inout TextEditor) -> Void) {
        let continues = TextEditor.continuesGroup(lastEdit, kind)
        let saved = State(characters: characters, cursor: cursor)
        body(&self)
        guard characters != saved.characters else { return }
        if !continues { undoStack.append(saved) }
        redoStack.removeAll()
        lastEdit = kind
    }

    private static func continuesGroup(_ previous: EditKind?, _ next: EditKind?) -> Bool {
        guard let previous, let next else { return false }
        switch previous {
        case .typingWord: return next == .typingWord || next == .typingSpace
        case .typingSpace: return next == .typingSpace
        case .deleting: return next == .deleting
        case .killing: return next == .killing
        }
    }

    private mutating func insert(_ string: String) {
        let prefix = String(characters[..<cursor]) + string
        let suffix = String(characters[cursor...])
        let merged = Array(prefix + suffix)
        characters = merged
        cursor = min(Array(prefix).count, merged.count)
    }

    private mutating func remove(from start: Int, to end: Int) {
        let low = max(0, min(start, end))
        let high = min(characters.count, max(start, end))
        guard low < high else { return }
        characters.removeSubrange(low..<high)
        cursor = low
    }

    private mutating func kill(from start: Int, to end: Int, backward: Bool) {
        guard start < end else { return }
        let killed = String(characters[start..<end])
        let accumulate = lastEdit == .killing
        edit(.killing) { $0.remove(from: start, to: end) }
        if accumulate {
            killBuffer = backward ? killed + killBuffer : killBuffer + killed
        } else {
            killBuffer = killed
        }
    }

    private mutating func move(to position: Int) {
        cursor = min(max(0, position), characters.count)
        lastEdit = nil
    }

    // MARK: Word and line boundaries

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !TextEditor.isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, TextEditor.isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, !TextEditor.isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, TextEditor.isWordCharacter(characters[index]) { index += 1 }
        return index
    }

    private func spaceDelimitedWordStart(before position: Int) -> Int {
        var index = position
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    private func lineStart(_ position: Int) -> Int {
        var index = position
        while index > 0, characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private func lineEnd(_ position: Int) -> Int {
        var index = position
        while index < characters.count, characters[index] != "\n" { index += 1 }
        return index
    }

    // MARK: Layout

    /// One visual row: the graphemes `start..<end` and, for each, its display text, slot and column.
    public struct VisualRow: Equatable, Sendable {
        /// First grapheme index.
        public var start: Int
        /// One past the last grapheme index (a newline is not part of any row).
        public var end: Int
        /// Column at which each grapheme starts, plus the row's total width as the last entry.
        public var columns: [Int]
        /// The styled text of the row.
        public var line: StyledLine
    }

    /// How one grapheme is drawn at a given column: sanitised text, slot and width.
    private func display(_ character: Character, column: Int) -> (text: String, slot: ThemeSlot, width: Int) {
        if character == "\t" {
            let spaces = Sanitizer.tabWidth - column % Sanitizer.tabWidth
            return (String(repeating: " ", count: spaces), .editorText, spaces)
        }
        let scalars = Array(character.unicodeScalars)
        var text = ""
        var escaped = false
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if let notation = Sanitizer.escape(scalar, previous: previous, next: next) {
                text += notation
                escaped = true
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return (text, escaped ? .untrustedControl : .editorText, CellWidth.of(text))
    }

    /// The text soft-wrapped to `width` columns: breaks after the last space that fits, or inside a
    /// word longer than the row. When the cursor ends a full row, an empty row follows for it.
    public func visualRows(width: Int) -> [VisualRow] {
        let width = max(1, width)
        var rows: [VisualRow] = []
        var lineStart = 0
        while true {
            let lineEnd = self.lineEnd(lineStart)
            var position = lineStart
            repeat {
                var columns: [Int] = []
                var spans: [StyledSpan] = []
                var column = 0
                var index = position
                var lastSpaceEnd: Int?
                var breakState: (columns: [Int], spans: [StyledSpan], column: Int)?
                while index < lineEnd {
                    let shown = display(characters[index], column: column)
                    if column + shown.width > width && index > position { break }
                    columns.append(column)
                    if let last = spans.last, last.slot == shown.slot {
                        spans[spans.count - 1].text += shown.text
                    } else {
                        spans.append(StyledSpan(shown.text, shown.slot))
                    }
                    column += shown.width
                    index += 1
                    if characters[index - 1] == " " {
                        lastSpaceEnd = index
                        breakState = (columns, spans, column)
                    }
                }
                if index < lineEnd, let spaceEnd = lastSpaceEnd, let state = breakState, spaceEnd > position {
                    rows.append(
                        VisualRow(
                            start: position, end: spaceEnd, columns: state.columns + [state.column],
                            line: StyledLine(state.spans)))
                    position = spaceEnd
                } else {
                    rows.append(
                        VisualRow(start: position, end: index, columns: columns + [column], line: StyledLine(spans)))
                    position = index
                }
            } while position < lineEnd
            if cursor == lineEnd, let last = rows.last, last.end == lineEnd, last.start < lineEnd,
                last.columns.last ?? 0 >= width
            {
                rows.append(VisualRow(start: lineEnd, end: lineEnd, columns: [0], line: StyledLine()))
            }
            if lineEnd >= characters.count { break }
            lineStart = lineEnd + 1
        }
        return rows
    }

    /// The cursor's visual row and column at a wrap width.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let rows = visualRows(width: width)
        return TextEditor.locate(cursor, in: rows)
    }

    private static func locate(_ position: Int, in rows: [VisualRow]) -> (row: Int, column: Int) {
        var found = (row: 0, column: 0)
        for (index, row) in rows.enumerated() {
            if position >= row.start && position < row.end {
                return (index, row.columns[position - row.start])
            }
            if position == row.end {
                found = (index, row.columns.last ?? 0)
                let isLineEnd = index + 1 >= rows.count || rows[index + 1].start != row.end
                if isLineEnd { return found }
            }
        }
        return found
    }

    private mutating func moveVertically(by delta: Int) {
        let rows = visualRows(width: wrapWidth)
        let here = TextEditor.locate(cursor, in: rows)
        let goal = goalColumn ?? here.column
        goalColumn = goal
        let target = here.row + delta
        guard target >= 0 else {
            cursor = 0
            return
        }
        guard target < rows.count else {
            cursor = characters.count
            return
        }
        let row = rows[target]
        var position = row.end
        for index in row.start..<row.end where row.columns[index - row.start + 1] > goal {
            position = index
            break
        }
        let lastInRow = target + 1 < rows.count && rows[target + 1].start == row.end && row.end > row.start
        if position == row.end && lastInRow { position = row.end - 1 }
        cursor = position
        lastEdit = nil
    }

    private mutating func ensureCursorVisible() {
        let row = cursorPosition(width: wrapWidth).row
        if row < scrollRow { scrollRow = row }
        if row >= scrollRow + viewHeight { scrollRow = row - viewHeight + 1 }
    }

    // MARK: Rendering

    /// The count line: `123 / 2000`, with a word when near or past the limit, and any paste notice.
    public var statusText: (left: String, right: String, slot: ThemeSlot) {
        let count = "\(characterCount) / \(limit)"
        let left =
            lastPasteRemoved > 0
            ? "\(lastPasteRemoved) control character\(lastPasteRemoved == 1 ? "" : "s") removed" : ""
        switch countLevel {
        case .normal: return (left, count, .messageMeta)
        case .nearLimit: return (left, "near limit " + count, .warning)
        case .overLimit: return (left, "too long " + count, .error)
        }
    }

    /// Draws the wrapped text (all rows but the last) and the count line (the last row), and puts
    /// the terminal cursor at the editing position. Keep `wrapWidth`/`viewHeight` equal to
    /// `rect.width`/`rect.height - 1` so that vertical movement matches the drawing.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let textRect = Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - 1)
        let rows = visualRows(width: rect.width)
        let cursorAt = TextEditor.locate(cursor, in: rows)
        var top = min(scrollRow, max(0, rows.count - 1))
        if cursorAt.row < top { top = cursorAt.row }
        if textRect.height > 0, cursorAt.row >= top + textRect.height { top = cursorAt.row - textRect.height + 1 }
        for index in 0..<textRect.height where top + index < rows.count {
            screen.put(rows[top + index].line, x: rect.x, y: rect.y + index, maxWidth: rect.width)
        }
        let status = statusText
        var right = status.right
        if CellWidth.of(right) > rect.width { right = "\(characterCount)" }
        let rightWidth = CellWidth.of(right)
        screen.put(
            right, x: rect.maxX - min(rightWidth, rect.width), y: rect.maxY - 1, slot: status.slot,
            maxWidth: rect.width)
        if !status.left.isEmpty, rect.width - rightWidth > 2 {
            screen.put(
                TextFit.truncate(status.left, width: rect.width - rightWidth - 2), x: rect.x, y: rect.maxY - 1,
                slot: .warning)
        }
        if textRect.height > 0 {
            screen.cursor = (x: rect.x + min(cursorAt.column, rect.width - 1), y: rect.y + cursorAt.row - top)
        }
    }

    /// Equal text, cursor, limit, kill buffer and undo history (view settings are ignored).
    public static func == (lhs: TextEditor, rhs: TextEditor) -> Bool {
        lhs.characters == rhs.characters && lhs.cursor == rhs.cursor && lhs.limit == rhs.limit
            && lhs.killBuffer == rhs.killBuffer && lhs.undoStack == rhs.undoStack && lhs.redoStack == rhs.redoStack
    }
}
