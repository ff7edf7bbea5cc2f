/// A keyboard-sortable list of replies to rank: a cursor, pick up / move / drop / cancel (Esc puts
/// the item back), moving without picking up, putting the current item at rank N, and a one-line
/// preview per item that can expand to the full wrapped text. It remembers each item's delivered
/// index, so `ranking` is what the protocol wants: delivered indices, best first.
public struct RankList: Widget, Equatable, Sendable {
    /// The items' texts in delivered order (untrusted, sanitised when drawn).
    public let items: [String]
    /// Delivered indices in the current rank order (rank 1 first).
    public private(set) var order: [Int]
    /// Row of the cursor in rank order.
    public private(set) var cursor: Int
    /// The order before the held item was picked up; nil when nothing is held.
    public private(set) var heldFrom: [Int]?
    /// Delivered indices whose full text is shown.
    public private(set) var expanded: Set<Int>

    /// Creates a list in delivered order with the cursor on the first item.
    public init(items: [String]) {
        self.items = items
        self.order = Array(items.indices)
        self.cursor = 0
        self.heldFrom = nil
        self.expanded = []
    }

    /// True while an item is picked up.
    public var isHolding: Bool { heldFrom != nil }

    /// Delivered indices, best first: the ranking to send.
    public var ranking: [Int] { order }

    /// The delivered index under the cursor, if any.
    public var currentItem: Int? { order.indices.contains(cursor) ? order[cursor] : nil }

    /// Moves the cursor; while holding, moves the held item with it.
    public mutating func moveCursor(by delta: Int) {
        guard !order.isEmpty else { return }
        if isHolding {
            moveItem(by: delta)
        } else {
            cursor = min(max(0, cursor + delta), order.count - 1)
        }
    }

    /// Moves the item under the cursor one or more places without picking it up; the cursor follows.
    public mutating func moveItem(by delta: Int) {
        guard !order.isEmpty else { return }
        let target = min(max(0, cursor + delta), order.count - 1)
        let item = order.remove(at: cursor)
        order.insert(item, at: target)
        cursor = target
    }

    /// Picks up the item under the cursor (remembering the order, for `cancel`).
    public mutating func pickUp() {
        guard !order.isEmpty, !isHolding else { return }
        heldFrom = order
    }

    /// Drops the held item where it is.
    public mutating func drop() { heldFrom = nil }

    /// Sets the whole order (a saved draft's); refused, returning false, unless it is a permutation of the items.
    public mutating func restore(order newOrder: [Int]) -> Bool {
        guard newOrder.sorted() == order.sorted() else { return false }
        order = newOrder
        heldFrom = nil
        return true
    }

    /// Puts the held item back: the order and cursor from before the pick-up.
    public mutating func cancel() {
        guard let saved = heldFrom else { return }
        let item = order[cursor]
        order = saved
        cursor = saved.firstIndex(of: item) ?? cursor
        heldFrom = nil
    }

    /// Space: picks up, or drops what is held.
    public mutating func toggleHold() {
        if isHolding { drop() } else { pickUp() }
    }

    /// Puts the item under the cursor at rank `rank` (1-based); the others shift to make room.
    public mutating func put(atRank rank: Int) {
        guard (1...max(1, order.count)).contains(rank), !order.isEmpty else { return }
        moveItem(by: rank - 1 - cursor)
    }

    /// Shows or hides the full text of the item under the cursor.
    public mutating func toggleExpanded() {
        guard let item = currentItem else { return }
        if expanded.contains(item) { expanded.remove(item) } else { expanded.insert(item) }
    }

    /// One item's rows: a rank number, the cursor or held marker, and a preview or the wrapped text.
    private func rows(for position: Int, width: Int) -> [StyledLine] {
        let item = order[position]
        let isCursor = position == cursor
        let held = isCursor && isHolding
        let marker = held ? "⇅ " : (isCursor ? "› " : "  ")
        let number = "\(position + 1)."
        let numberWidth = max(3, String(order.count).count + 2)
        let prefix = [
            StyledSpan(marker, isCursor ? .selection : .normal),
            StyledSpan(number + String(repeating: " ", count: max(0, numberWidth - number.count)), .rankNumber),
        ]
        let indent = 2 + numberWidth
        let textWidth = max(1, width - indent)
        let suffix = held ? " (moving)" : ""
        guard expanded.contains(item) else {
            let preview = TextFit.truncate(TextFit.preview(items[item]), width: textWidth - CellWidth.of(suffix))
            return [StyledLine(prefix + [StyledSpan(preview + suffix)])]
        }
        let body = TextWrapper.wrap(Sanitizer.lines(items[item]), width: textWidth)
        var lines: [StyledLine] = []
        for (index, line) in body.enumerated() {
            let lead = index == 0 ? prefix : [StyledSpan(String(repeating: " ", count: indent))]
            lines.append(StyledLine(lead + line.spans))
        }
        if held { lines.append(StyledLine([StyledSpan(String(repeating: " ", count: indent) + "(moving)")])) }
        return lines
    }

    /// The rows drawn in `rect`: each row's line and the rank position it belongs to, scrolled so
    /// that the cursor's item is visible.
    public func visibleRows(in rect: Rect) -> [(line: StyledLine, position: Int)] {
        guard !rect.isEmpty, !order.isEmpty else { return [] }
        var all: [(line: StyledLine, position: Int)] = []
        for position in order.indices {
            for line in rows(for: position, width: rect.width) { all.append((line, position)) }
        }
        let first = all.firstIndex { $0.position == cursor } ?? 0
        let last = all.lastIndex { $0.position == cursor } ?? 0
        var top = 0
        if last >= rect.height { top = last - rect.height + 1 }
        if first < top { top = first }
        return Array(all.dropFirst(top).prefix(rect.height))
    }

    /// The rank position (0-based) drawn at screen row `y` of `rect`, for mouse clicks and drags.
    public func position(atRow y: Int, in rect: Rect) -> Int? {
        let rows = visibleRows(in: rect)
        let index = y - rect.y
        return rows.indices.contains(index) ? rows[index].position : nil
    }

    /// Moves the cursor to a rank position (for a mouse click); while holding, moves the held item there.
    public mutating func moveCursor(to position: Int) {
        guard !order.isEmpty else { return }
        moveCursor(by: min(max(0, position), order.count - 1) - cursor)
    }

    /// Draws the items in rank order, scrolled so that the cursor's item is visible; the held item
    /// is drawn in the `rank.moving` style and says "(moving)".
    public func render(into screen: inout Screen, in rect: Rect) {
        for (index, row) in visibleRows(in: rect).enumerated() {
            let y = rect.y + index
            screen.put(row.line, x: rect.x, y: y, maxWidth: rect.width)
            if row.position == cursor && isHolding {
                screen.restyle(Rect(x: rect.x + 2, y: y, width: rect.width - 2, height: 1), slot: .rankMoving)
            }
        }
    }
}
