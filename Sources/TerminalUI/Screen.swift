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

    /// Writes already-sanitised text at a position, clipped to `maxWidth` columns and the screen edge.
    /// A wide character that does not fit is replaced by a blank, never split. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, slot: ThemeSlot, maxWidth: Int? = nil) -> Int {
        put(text[...], x: x, y: y, slot: slot, maxWidth: maxWidth)
    }

    /// `put` for part of a string (the one implementation: concrete types rather than a generic
    /// `StringProtocol`, which callers in other modules would run unspecialised, through protocol witnesses).
    @discardableResult
    public mutating func put(_ text: Substring, x: Int, y: Int, slot: ThemeSlot, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        let rowStart = y * width
        let width = self.width
        var contiguous = text  // `withUTF8` is mutating: it may first make a bridged string contiguous
        return contiguous.withUTF8 { bytes in
            cells.withUnsafeMutableBufferPointer { cells in
                Screen.write(bytes, into: cells, rowStart: rowStart, width: width, x: x, limit: limit, slot: slot)
            }
        }
    }

    /// `put` on the row starting at cell `rowStart`, reading the text's UTF-8 directly: printable ASCII
    /// needs no width lookup, and the next scalars in the same run of widths (CJK, a rule of box-drawing
    /// lines) need none either.
    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, into cells: UnsafeMutableBufferPointer<Cell>, rowStart: Int,
        width: Int, x: Int, limit: Int, slot: ThemeSlot
    ) -> Int {
        var column = x
        var lastCell: Int?
        var lastRun: (range: ClosedRange<UInt32>, width: Int)?
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            if lead >= 0x20, lead < 0x7F {
                offset += 1
                guard column < limit else { break }
                if column >= 0 {
                    store(Cell(ascii: lead, slot: slot), at: column, in: cells, rowStart: rowStart, width: width)
                    lastCell = rowStart + column
                }
                column += 1
                continue
            }
            let start = offset
            let scalar = decodeScalar(bytes, at: &offset)
            let scalarWidth: Int
            if let lastRun, lastRun.range.contains(scalar.value) {
                scalarWidth = lastRun.width
            } else {
                let run = CellWidth.run(containing: scalar)
                lastRun = run
                scalarWidth = run.width
            }
            if scalarWidth <= 0 {
                guard scalarWidth == 0, let index = lastCell else { continue }
                if cells[index].scalarCount <= Screen.maxCombining {
                    cells[index].text.unicodeScalars.append(scalar)
                }
                continue
            }
            if column + scalarWidth > limit {
                if column < limit, column >= 0 {
                    store(Cell(ascii: 0x20, slot: slot), at: column, in: cells, rowStart: rowStart, width: width)
                    column += 1
                }
                break
            }
            if column >= 0 {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<offset])
                store(
                    Cell(utf8: utf8, width: scalarWidth, slot: slot), at: column, in: cells, rowStart: rowStart,
                    width: width)
                lastCell = rowStart + column
                if scalarWidth == 2 {
                    store(.continuation(slot), at: column + 1, in: cells, rowStart: rowStart, width: width)
                }
            }
            column += scalarWidth
        }
        return max(0, column - x)
    }

    /// The scalar whose UTF-8 starts at `offset` (Swift strings hold valid UTF-8), moving `offset` past it.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0x7F >> length)
        for next in (offset + 1)..<min(bytes.count, offset + length) {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
        }
        offset += length
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// Sets the cell at `column` of a row already known to be on screen (`put`, `fill`), blanking any wide
    /// character it cuts in half (a continuation is only stored right after its own wide character).
    private static func store(
        _ cell: Cell, at column: Int, in cells: UnsafeMutableBufferPointer<Cell>, rowStart: Int, width: Int
    ) {
        let index = rowStart + column
        let old = cells[index]
        if old.isContinuation, column > 0, !cell.isContinuation {
            cells[index - 1] = Cell(ascii: 0x20, slot: cells[index - 1].slot)
        }
        if old.width == 2, column + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(ascii: 0x20, slot: cells[index + 1].slot)
        }
        cells[index] = cell
    }

    /// True when `count` cells from `start` hold the same bytes in both grids, compared a word at a time
    /// (false when cells have padding, whose bytes say nothing).
    private static func sameBytes(
        _ cells: UnsafeBufferPointer<Cell>, _ old: UnsafeBufferPointer<Cell>, from start: Int, count: Int
    ) -> Bool {
        guard Cell.hasNoPadding, let new = cells.baseAddress, let previous = old.baseAddress else { return false }
        let words = count * MemoryLayout<Cell>.stride / MemoryLayout<UInt64>.stride
        return (new + start).withMemoryRebound(to: UInt64.self, capacity: words) { row in
            (previous + start).withMemoryRebound(to: UInt64.self, capacity: words) { oldRow in
                var difference: UInt64 = 0
                for word in 0..<words { difference |= row[word] ^ oldRow[word] }
                return difference == 0
            }
        }
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
        let width = self.width
        let rows = max(0, rect.y)..<min(height, rect.maxY)
        let columns = max(0, rect.x)..<min(width, rect.maxX)
        let blank = Cell(ascii: 0x20, slot: slot)
        cells.withUnsafeMutableBufferPointer { cells in
            for row in rows {
                for column in columns {
                    Screen.store(blank, at: column, in: cells, rowStart: row * width, width: width)
                }
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
        return cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { previous in
                Screen.changedRuns(new, from: previous, width: width, height: height)
            }
        }
    }

    /// `diff(from:)` over two grids of the same size, read without bounds checks: this runs on every cell
    /// of every frame.
    private static func changedRuns(
        _ cells: UnsafeBufferPointer<Cell>, from old: UnsafeBufferPointer<Cell>, width: Int, height: Int
    ) -> [ScreenChange] {
        var changes: [ScreenChange] = []
        for row in 0..<height {
            var column = 0
            let base = row * width
            if Screen.sameBytes(cells, old, from: base, count: width) { continue }
            while column < width {
                if cells[base + column] == old[base + column] {
                    column += 1
                    continue
                }
                var start = column
                if cells[base + start].isContinuation && start > 0 { start -= 1 }
                var end = column
                while end + 1 < width && cells[base + end + 1] != old[base + end + 1] { end += 1 }
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
