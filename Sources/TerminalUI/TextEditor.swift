/// A multi-line text editor as a value: text, cursor, kill buffer and undo history, with GNU
/// readline's emacs keys, soft wrapping by terminal cells and a live character count.
/// The cursor always sits between two graphemes (Swift `Character`s).
public struct TextEditor: Widget, Equatable, Sendable {
    /// The server's default limit on a reply's length (Open-Assistant backend).
    public static let defaultLimit = 2000
    /// Undo steps kept, so a long session does not grow without bound (a step holds what its edits replaced).
    public static let undoLimit = 100
    /// Fraction of the limit from which the count shows in the warning style.
    public static let warningFraction = 0.9

    /// The text as graphemes.
    public private(set) var characters: [Character] {
        didSet { revision &+= 1 }
    }
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

    /// One change of the text: at grapheme `start`, `removed` was replaced by `inserted`.
    private struct Replacement: Equatable, Sendable {
        var start: Int
        var removed: [Character]
        var inserted: [Character]
    }

    /// One undo step: an edit group's replacements in the order made, and the cursor before and after it.
    /// Keeping the changes rather than a copy of the text makes a keystroke's undo record as small as the edit.
    private struct UndoStep: Equatable, Sendable {
        var replacements: [Replacement] = []
        var cursorBefore: Int
        var cursorAfter: Int
    }

    private enum EditKind: Equatable, Sendable {
        case typingWord, typingSpace, deleting, killing
    }

    /// The wrapped rows last computed, with what they were computed from.
    private struct RowCache: Sendable {
        var revision: Int
        var cursor: Int
        var width: Int
        var rows: [VisualRow]
        var characterCount: Int
    }

    /// Bumped by every change of `characters`: "did the text change" needs no comparison of the text.
    private var revision = 0
    /// Rows kept by `ensureCursorVisible`, so drawing the same state does not wrap the text again.
    private var rowCache: RowCache?
    /// The lowest grapheme index changed since `rowCache` was kept: rows read only before it still hold.
    private var changedFrom: Int?
    private var undoStack: [UndoStep] = []
    private var redoStack: [UndoStep] = []
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
        if let rowCache, rowCache.revision == revision { return rowCache.characterCount }
        return countCharacters()
    }

    /// `characterCount` computed from the text.
    private func countCharacters() -> Int {
        var total = 0
        for character in characters {
            total += character.utf8.count == 1 ? 1 : character.unicodeScalars.count
        }
        var leading = 0
        leadingScan: for character in characters {
            for scalar in character.unicodeScalars {
                guard scalar.properties.isWhitespace else { break leadingScan }
                leading += 1
            }
        }
        guard leading < total else { return 0 }
        var trailing = 0
        trailingScan: for character in characters.reversed() {
            for scalar in character.unicodeScalars.reversed() {
                guard scalar.properties.isWhitespace else { break trailingScan }
                trailing += 1
            }
        }
        return total - leading - trailing
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
        let before = revision
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
        if revision != before { lastPasteRemoved = 0 }
        ensureCursorVisible()
        return revision != before
    }

    /// Inserts a bracketed paste as one undo step, cleaned by `Sanitizer.cleanPaste`; the number of
    /// removed control characters is kept in `lastPasteRemoved`. Returns true when the text changed.
    @discardableResult
    public mutating func paste(_ raw: some StringProtocol) -> Bool {
        let cleaned = Sanitizer.cleanPaste(raw)
        let before = revision
        if !cleaned.text.isEmpty {
            edit(nil) { $0.insert(cleaned.text) }
        }
        lastEdit = nil
        goalColumn = nil
        lastPasteRemoved = cleaned.removed
        ensureCursorVisible()
        return revision != before
    }

    /// Replaces the whole text as one undo step (for example after an external editor), cursor at the end.
    public mutating func replaceText(_ newText: String) {
        guard newText != text else { return }
        edit(nil) {
            $0.replace(0..<$0.characters.count, with: Array(newText))
            $0.cursor = $0.characters.count
        }
        lastEdit = nil
        ensureCursorVisible()
    }

    /// Undoes the last step; typing is grouped into word-sized steps.
    public mutating func undo() {
        guard var step = undoStack.popLast() else { return }
        for change in step.replacements.reversed() {
            splice(change.start..<(change.start + change.inserted.count), with: change.removed)
        }
        step.cursorAfter = cursor
        cursor = step.cursorBefore
        redoStack.append(step)
        lastEdit = nil
    }

    /// Redoes the last undone step.
    public mutating func redo() {
        guard var step = redoStack.popLast() else { return }
        for change in step.replacements {
            splice(change.start..<(change.start + change.removed.count), with: change.inserted)
        }
        step.cursorBefore = cursor
        cursor = step.cursorAfter
        undoStack.append(step)
        lastEdit = nil
    }

    // MARK: Editing primitives

    private mutating func insertTyped(_ character: Character) {
        let isSpace = character == " " || character == "\t"
        edit(isSpace ? .typingSpace : .typingWord) { $0.insert(String(character)) }
    }

    /// Performs an edit whose changes go through `replace`, recording them in a new undo step unless
    /// this edit continues the current group.
    private mutating func edit(_ kind: EditKind?, _ body: (inout TextEditor) -> Void) {
        let continues = TextEditor.continuesGroup(lastEdit, kind) && !undoStack.isEmpty
        if !continues { undoStack.append(UndoStep(cursorBefore: cursor, cursorAfter: cursor)) }
        let before = revision
        body(&self)
        guard revision != before else {
            if !continues { undoStack.removeLast() }
            return
        }
        undoStack[undoStack.count - 1].cursorAfter = cursor
        if undoStack.count > TextEditor.undoLimit { undoStack.removeFirst() }
        redoStack.removeAll()
        lastEdit = kind
    }

    /// Replaces graphemes `range` with `new`, recorded in the open undo step (only `edit`'s body calls it).
    private mutating func replace(_ range: Range<Int>, with new: [Character]) {
        let removed = Array(characters[range])
        splice(range, with: new)
        if !undoStack.isEmpty {
            undoStack[undoStack.count - 1].replacements.append(
                Replacement(start: range.lowerBound, removed: removed, inserted: new))
        }
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

    /// Every change of the text goes through here, which notes how far the kept rows still hold.
    private mutating func splice(_ range: Range<Int>, with new: [Character]) {
        characters.replaceSubrange(range, with: new)
        changedFrom = min(changedFrom ?? range.lowerBound, range.lowerBound)
    }

    /// Inserts at the cursor. Only the graphemes beside the cursor are segmented again with the new
    /// text (a combining mark or joiner typed next to a grapheme joins it), not the whole text.
    private mutating func insert(_ string: String) {
        guard !string.isEmpty else { return }
        let low = max(0, cursor - 1)
        let high = min(characters.count, cursor + 1)
        let prefix = String(characters[low..<cursor]) + string
        let merged = Array(prefix + String(characters[cursor..<high]))
        replace(low..<high, with: merged)
        cursor = low + min(prefix.count, merged.count)
    }

    private mutating func remove(from start: Int, to end: Int) {
        let low = max(0, min(start, end))
        let high = min(characters.count, max(start, end))
        guard low < high else { return }
        replace(low..<high, with: [])
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

    /// One visual row: the graphemes `start..<end` and the column at which each starts.
    public struct VisualRow: Equatable, Sendable {
        /// First grapheme index.
        public var start: Int
        /// One past the last grapheme index (a newline is not part of any row).
        public var end: Int
        /// Column at which each grapheme starts, plus the row's total width as the last entry.
        public var columns: [Int]
        /// The last grapheme index read to place this row (the newline or text end closing its line, or the
        /// grapheme that did not fit); `Int.max` for the empty row after a full line that only the cursor adds.
        var lastRead: Int
        /// The row's styled text once built for drawing, kept with the row while edits after it reuse it.
        var styled: StyledLine?

        /// Same graphemes at the same columns (whether the styled text was built yet does not count).
        public static func == (lhs: VisualRow, rhs: VisualRow) -> Bool {
            lhs.start == rhs.start && lhs.end == rhs.end && lhs.columns == rhs.columns && lhs.lastRead == rhs.lastRead
        }
    }

    /// How one grapheme is drawn at a given column: sanitised text, slot and width.
    private func display(_ character: Character, column: Int) -> (text: String, slot: ThemeSlot, width: Int) {
        if let byte = TextEditor.asciiByte(character), byte >= 0x20, byte < 0x7F {
            return (String(character), .editorText, 1)
        }
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
        wrapRows(width: width, after: [])
    }

    /// `visualRows` when the rows `kept` (from the start of the text) are already known: wraps only from
    /// where they end.
    private func wrapRows(width: Int, after kept: [VisualRow]) -> [VisualRow] {
        let width = max(1, width)
        var rows = kept
        // Where the next row starts: after the newline closing the last kept row's line, or where that row ends.
        var lineStart = 0
        if let last = kept.last {
            lineStart = last.end < characters.count && characters[last.end] == "\n" ? last.end + 1 : last.end
        }
        while true {
            let lineEnd = self.lineEnd(lineStart)
            var position = lineStart
            repeat {
                var columns: [Int] = []
                // One entry per character shown plus the end: sized once instead of grown step by step.
                columns.reserveCapacity(min(width, lineEnd - position) + 1)
                var column = 0
                var index = position
                var lastBreak: (end: Int, column: Int)?
                while index < lineEnd {
                    let shownWidth = displayWidth(characters[index], column: column)
                    if column + shownWidth > width && index > position { break }
                    columns.append(column)
                    column += shownWidth
                    index += 1
                    if TextEditor.asciiByte(characters[index - 1]) == 0x20 { lastBreak = (index, column) }
                }
                var end = index
                if index < lineEnd, let lastBreak, lastBreak.end > position {
                    end = lastBreak.end
                    columns.removeSubrange((end - position)...)
                    column = lastBreak.column
                }
                columns.append(column)
                rows.append(VisualRow(start: position, end: end, columns: columns, lastRead: index))
                position = end
            } while position < lineEnd
            if cursor == lineEnd, let last = rows.last, last.end == lineEnd, last.start < lineEnd,
                last.columns.last ?? 0 >= width
            {
                rows.append(VisualRow(start: lineEnd, end: lineEnd, columns: [0], lastRead: .max))
            }
            if lineEnd >= characters.count { break }
            lineStart = lineEnd + 1
        }
        return rows
    }

    /// Columns one grapheme takes at `column` (printable ASCII without building its display text).
    private func displayWidth(_ character: Character, column: Int) -> Int {
        if let byte = TextEditor.asciiByte(character), byte >= 0x20, byte < 0x7F { return 1 }
        return display(character, column: column).width
    }

    /// The byte of a one-byte (ASCII) grapheme; cheaper than `asciiValue`, which also compares with CR LF.
    private static func asciiByte(_ character: Character) -> UInt8? {
        let utf8 = character.utf8
        return utf8.count == 1 ? utf8.first : nil
    }

    /// The styled text of a row (built only for the rows on screen).
    func line(_ row: VisualRow) -> StyledLine {
        var spans: [StyledSpan] = []
        var bytes: [UInt8] = []
        bytes.reserveCapacity(row.end - row.start)
        var slot = ThemeSlot.editorText
        for index in row.start..<row.end {
            let character = characters[index]
            if let byte = TextEditor.asciiByte(character), byte >= 0x20, byte < 0x7F, slot == .editorText {
                bytes.append(byte)
                continue
            }
            let shown = display(character, column: row.columns[index - row.start])
            if shown.slot != slot {
                if !bytes.isEmpty { spans.append(StyledSpan(String(decoding: bytes, as: UTF8.self), slot)) }
                bytes.removeAll(keepingCapacity: true)
                slot = shown.slot
            }
            bytes += shown.text.utf8
        }
        if !bytes.isEmpty { spans.append(StyledSpan(String(decoding: bytes, as: UTF8.self), slot)) }
        return StyledLine(spans)
    }

    /// The cursor's visual row and column at a wrap width.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        TextEditor.locate(cursor, in: rows(width: width))
    }

    /// The wrapped rows at `width`: the kept ones when nothing they depend on changed, and after an edit
    /// the kept rows before it with the rest wrapped again. (Only the cursor's empty row after a full line
    /// depends on the cursor; the kept rows end before the edit, and the cursor is at or after it.)
    func rows(width: Int) -> [VisualRow] {
        guard let rowCache, rowCache.width == width else { return visualRows(width: width) }
        if rowCache.revision == revision, rowCache.cursor == cursor { return rowCache.rows }
        guard rowCache.revision != revision, let changedFrom, cursor >= changedFrom else {
            return visualRows(width: width)
        }
        return wrapRows(width: width, after: Array(rowCache.rows.prefix { $0.lastRead < changedFrom }))
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
        let rows = rows(width: wrapWidth)
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

    /// Scrolls so the cursor's row shows, and keeps the rows with the styled text of those in view.
    private mutating func ensureCursorVisible() {
        var rows = self.rows(width: wrapWidth)
        let count = rowCache?.revision == revision ? characterCount : countCharacters()
        let row = TextEditor.locate(cursor, in: rows).row
        if row < scrollRow { scrollRow = row }
        if row >= scrollRow + viewHeight { scrollRow = row - viewHeight + 1 }
        for index in scrollRow..<min(rows.count, scrollRow + viewHeight) where rows[index].styled == nil {
            rows[index].styled = line(rows[index])
        }
        rowCache = RowCache(revision: revision, cursor: cursor, width: wrapWidth, rows: rows, characterCount: count)
        changedFrom = nil
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
        let rows = rows(width: rect.width)
        let cursorAt = TextEditor.locate(cursor, in: rows)
        var top = min(scrollRow, max(0, rows.count - 1))
        if cursorAt.row < top { top = cursorAt.row }
        if textRect.height > 0, cursorAt.row >= top + textRect.height { top = cursorAt.row - textRect.height + 1 }
        for index in 0..<textRect.height where top + index < rows.count {
            let row = rows[top + index]
            screen.put(row.styled ?? line(row), x: rect.x, y: rect.y + index, maxWidth: rect.width)
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
