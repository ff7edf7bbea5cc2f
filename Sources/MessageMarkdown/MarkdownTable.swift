import TerminalUI

/// Lays out a GitHub table in terminal cells: columns as wide as their widest cell, shrunk (and
/// the cells wrapped) when the table is wider than the space, aligned as the delimiter row says.
enum MarkdownTable {
    /// The separator between columns.
    static let separator = " │ "

    /// Renders rows of single-line cells; padding uses the `base` slot.
    static func layout(
        cells: [[StyledLine]], alignments: [MarkdownBlock.Alignment], headerRows: Int, width: Int, base: ThemeSlot
    ) -> [StyledLine] {
        let columns = max(alignments.count, cells.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        var widths = [Int](repeating: 1, count: columns)
        for row in cells {
            for (index, cell) in row.enumerated() where index < columns {
                widths[index] = max(widths[index], CellWidth.of(cell.plainText))
            }
        }
        // Shrink the widest columns first: down to their longest word while that suffices, then further.
        var longestWord = [Int](repeating: 1, count: columns)
        for row in cells {
            for (index, cell) in row.enumerated() where index < columns {
                for word in cell.plainText.split(separator: " ") {
                    longestWord[index] = max(longestWord[index], CellWidth.of(word))
                }
            }
        }
        let available = max(columns, width - CellWidth.of(separator) * (columns - 1))
        var total = widths.reduce(0, +)
        for floors in [
            longestWord.indices.map { min(widths[$0], longestWord[$0]) }, Array(repeating: 1, count: columns),
        ] {
            while total > available {
                var widest = -1
                for index in widths.indices where widths[index] > floors[index] {
                    if widest < 0 || widths[index] > widths[widest] { widest = index }
                }
                guard widest >= 0 else { break }
                widths[widest] -= 1
                total -= 1
            }
        }

        var lines: [StyledLine] = []
        for (rowIndex, row) in cells.enumerated() {
            let wrappedCells = (0..<columns).map { column -> [StyledLine] in
                let cell = column < row.count ? row[column] : StyledLine()
                return TextWrapper.wrap(cell, width: widths[column])
            }
            let height = wrappedCells.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var spans: [StyledSpan] = []
                for column in 0..<columns {
                    if column > 0 { spans.append(StyledSpan(separator, .border)) }
                    let part = lineIndex < wrappedCells[column].count ? wrappedCells[column][lineIndex] : StyledLine()
                    let alignment = column < alignments.count ? alignments[column] : .none
                    spans += padded(part, to: widths[column], alignment: alignment, slot: base)
                }
                lines.append(trimmed(StyledLine(spans)))
            }
            if rowIndex + 1 == headerRows {
                let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")
                lines.append(StyledLine([StyledSpan(rule, .border)]))
            }
        }
        return lines
    }

    /// A cell's spans padded to `width` cells by its alignment.
    static func padded(
        _ line: StyledLine, to width: Int, alignment: MarkdownBlock.Alignment, slot: ThemeSlot
    ) -> [StyledSpan] {
        let free = max(0, width - CellWidth.of(line.plainText))
        let left: Int
        switch alignment {
        case .none, .left: left = 0
        case .center: left = free / 2
        case .right: left = free
        }
        var spans: [StyledSpan] = []
        if left > 0 { spans.append(StyledSpan(String(repeating: " ", count: left), slot)) }
        spans += line.spans
        if free - left > 0 { spans.append(StyledSpan(String(repeating: " ", count: free - left), slot)) }
        return spans
    }

    /// Drops trailing blanks (padding after the last column).
    static func trimmed(_ line: StyledLine) -> StyledLine {
        var spans = line.spans
        while let last = spans.last {
            var text = last.text
            while text.hasSuffix(" ") { text.removeLast() }
            if text.isEmpty {
                spans.removeLast()
            } else {
                spans[spans.count - 1].text = text
                break
            }
        }
        return StyledLine(spans)
    }
}
