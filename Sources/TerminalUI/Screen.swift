/// A grid of cells: what the terminal should show. Widgets draw into it; only the backend
/// touches the terminal, and only with `diff(from:)` between two screens.
public struct Screen: Equatable, Sendable {
    /// Most combining scalars kept on one cell, as ncursesw's `cchar_t` holds (CCHARW_MAX − 1).
    public static let maxCombining = 4

    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown, if anywhere.
    public var cursor: (x: Int, y: Int)?

    /// A blank screen of the given size.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
        self.cursor = nil
    }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position (a blank one outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Sets one cell, blanking any wide character it cuts in half.
    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = Cell(scalar: " ", width: 1, slot: cells[index - 1].slot)
        }
        if old.width == 2, x + 1 < width, !(cell.width == 2) {
            cells[index + 1] = Cell(scalar: " ", width: 1, slot: cells[index + 1].slot)
        }
        cells[index] = cell
    }

    /// Writes already-sanitised text at a position, clipped to `maxWidth` columns and the screen edge.
    /// A wide character that does not fit is replaced by a blank, never split. Returns the columns used.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, x: Int, y: Int, slot: ThemeSlot, maxWidth: Int? = nil
    )
        -> Int
    {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        var lastCell: Int?
        for scalar in text.unicodeScalars {
            let scalarWidth = CellWidth.of(scalar)
            if scalarWidth <= 0 {
                guard scalarWidth == 0, let index = lastCell else { continue }
                if cells[index].scalarCount <= Screen.maxCombining {
                    cells[index].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if column + scalarWidth > limit {
                if column < limit, column >= 0 {
                    set(Cell(scalar: " ", width: 1, slot: slot), x: column, y: y)
                    column += 1
                }
                break
            }
            if column >= 0 {
                set(Cell(scalar: scalar, width: scalarWidth, slot: slot), x: column, y: y)
                lastCell = y * width + column
                if scalarWidth == 2 {
                    set(.continuation(slot), x: column + 1, y: y)
                }
            }
            column += scalarWidth
        }
        return max(0, column - x)
    }

    /// Writes a styled line; returns the columns used.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        var used = 0
        let limit = maxWidth ?? (width - x)
        for span in line.spans where used < limit {
            used += put(span.text, x: x + used, y: y, slot: span.slot, maxWidth: limit - used)
        }
        return used
    }

    /// Fills a rectangle with blanks in one slot.
    public mutating func fill(_ rect: Rect, slot: ThemeSlot) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                set(Cell(scalar: " ", width: 1, slot: slot), x: column, y: row)
            }
        }
    }

    /// Re-styles every cell of a rectangle, keeping its text.
    public mutating func restyle(_ rect: Rect, slot: ThemeSlot) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) {
                cells[row * width + column].slot = slot
            }
        }
    }

    /// Each row's text exactly, trailing blanks included.
    public var rows: [String] {
        (0..<height).map { row in
            var text = ""
            for column in 0..<width {
                text += cells[row * width + column].text
            }
            return text
        }
    }

    /// Each row's text with trailing blanks removed, for literal comparisons in tests.
    public var lines: [String] {
        rows.map { row in
            var text = row
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// A text snapshot: quoted rows, then one line per run of non-normal style (`y x1-x2: slot`).
    public func snapshot() -> String {
        var out = "size \(width)x\(height)\n"
        for row in rows { out += "\"\(row)\"\n" }
        for row in 0..<height {
            var column = 0
            while column < width {
                let slot = cells[row * width + column].slot
                var end = column
                while end + 1 < width && cells[row * width + end + 1].slot == slot { end += 1 }
                if slot != .normal { out += "\(row) \(column)-\(end): \(slot.rawValue)\n" }
                column = end + 1
            }
        }
        if let cursor { out += "cursor \(cursor.x),\(cursor.y)\n" }
        return out
    }

    /// The runs of cells that differ from `old`; a size change repaints everything.
    public func diff(from old: Screen) -> [ScreenChange] {
        guard old.width == width, old.height == height else {
            return (0..<height).map { row in
                ScreenChange(y: row, x: 0, cells: Array(cells[(row * width)..<((row + 1) * width)]))
            }
        }
        var changes: [ScreenChange] = []
        for row in 0..<height {
            var column = 0
            let base = row * width
            while column < width {
                if cells[base + column] == old.cells[base + column] {
                    column += 1
                    continue
                }
                var start = column
                if cells[base + start].isContinuation && start > 0 { start -= 1 }
                var end = column
                while end + 1 < width && cells[base + end + 1] != old.cells[base + end + 1] { end += 1 }
                if end + 1 < width && cells[base + end + 1].isContinuation { end += 1 }
                if let last = changes.last, last.y == row, last.x + last.cells.count >= start {
                    let from = last.x + last.cells.count
                    if end >= from {
                        changes[changes.count - 1].cells += cells[(base + from)...(base + end)]
                    }
                } else {
                    changes.append(ScreenChange(y: row, x: start, cells: Array(cells[(base + start)...(base + end)])))
                }
                column = end + 1
            }
        }
        return changes
    }
}
