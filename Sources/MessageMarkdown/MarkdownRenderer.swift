import TerminalUI

/// Turns message markdown into styled terminal lines (cmark-gfm underneath). Every piece of text
/// goes through `Sanitizer`; prose is wrapped with `TextWrapper`; code blocks are framed and cut,
/// never reflowed; links show their URL as text (never an OSC 8 hyperlink).
public enum MarkdownRenderer {
    /// The cmark-gfm library version, for `oasst --version`.
    public static var libraryVersion: String { MarkdownParser.version }

    /// Bullets for nesting levels 1, 2, 3 (then repeating).
    static let bullets = ["•", "◦", "▪"]

    /// Renders `markdown` to lines of at most `width` cells; plain text uses the `base` slot.
    /// Malformed markdown renders as text; nothing here can fail.
    public static func render(_ markdown: String, width: Int, base: ThemeSlot) -> [StyledLine] {
        let width = max(1, width)
        guard let blocks = MarkdownParser.parse(markdown) else {
            return TextWrapper.wrap(Sanitizer.lines(markdown, slot: base), width: width).map { clip($0, width) }
        }
        let lines = render(blocks, width: width, base: base, tight: false, listLevel: 0)
        return lines.map { clip($0, width) }
    }

    // MARK: - Blocks

    /// Renders blocks one after another; a blank line separates them unless `tight`.
    static func render(
        _ blocks: [MarkdownBlock], width: Int, base: ThemeSlot, tight: Bool, listLevel: Int
    ) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 && !tight { lines.append(StyledLine()) }
            lines += render(block, width: width, base: base, listLevel: listLevel)
        }
        return lines
    }

    /// Renders one block.
    static func render(_ block: MarkdownBlock, width: Int, base: ThemeSlot, listLevel: Int) -> [StyledLine] {
        switch block {
        case .paragraph(let inlines):
            return wrapped(logicalLines(inlines, slot: base), width: width)
        case .heading(let level, let inlines):
            return heading(level: level, inlines, width: width)
        case .codeBlock(let info, let text):
            return codeBlock(info: info, text: text, width: width)
        case .html(let text):
            var lines = Sanitizer.lines(text, slot: base)
            if lines.last?.spans.isEmpty == true { lines.removeLast() }
            return TextWrapper.wrap(lines, width: width)
        case .thematicBreak:
            return [StyledLine([StyledSpan(String(repeating: "─", count: width), .markdownRule)])]
        case .blockQuote(let blocks):
            let inner = render(blocks, width: max(1, width - 2), base: .markdownQuote, tight: false, listLevel: 0)
            if inner.isEmpty { return [StyledLine([StyledSpan("│", .markdownQuote)])] }
            return inner.map { StyledLine([StyledSpan("│ ", .markdownQuote)] + $0.spans) }
        case .list(let ordered, let start, let tight, let items):
            return list(
                ordered: ordered, start: start, tight: tight, items: items, width: width, base: base, level: listLevel)
        case .table(let alignments, let rows, let headerRows):
            let cells = rows.enumerated().map { rowIndex, row in
                row.map { cell in
                    singleLine(cell, slot: rowIndex < headerRows ? .markdownStrong : base)
                }
            }
            return MarkdownTable.layout(
                cells: cells, alignments: alignments, headerRows: headerRows, width: width, base: base)
        }
    }

    /// A heading: levels 1 and 2 underlined, deeper levels keep their `###` marker.
    static func heading(level: Int, _ inlines: [MarkdownInline], width: Int) -> [StyledLine] {
        var logical = logicalLines(inlines, slot: .markdownHeading)
        if level >= 3, !logical.isEmpty {
            logical[0].spans.insert(StyledSpan(String(repeating: "#", count: level) + " ", .markdownHeading), at: 0)
        }
        var lines = wrapped(logical, width: width)
        if level <= 2 {
            let textWidth = lines.map { CellWidth.of($0.plainText) }.max() ?? 0
            let rule = level == 1 ? "═" : "─"
            lines.append(
                StyledLine([StyledSpan(String(repeating: rule, count: max(1, min(width, textWidth))), .markdownHeading)]
                ))
        }
        return lines
    }

    /// A fenced or indented code block: a frame with the language, lines cut (marked `…`) at the edge.
    static func codeBlock(info: String, text: String, width: Int) -> [StyledLine] {
        var content = Sanitizer.lines(text, slot: .markdownCodeBlock)
        if content.last?.spans.isEmpty == true { content.removeLast() }
        guard width >= 4 else { return content.map { cut($0, width) } }
        let language = Sanitizer.spans(info.split(separator: " ").first.map(String.init) ?? "", slot: .border)
        var top: [StyledSpan] = [StyledSpan("┌─", .border)]
        var used = 2
        if !language.isEmpty {
            let label = cut(
                StyledLine([StyledSpan(" ", .border)] + language + [StyledSpan(" ", .border)]), width - used)
            top += label.spans
            used += CellWidth.of(label.plainText)
        }
        top.append(StyledSpan(String(repeating: "─", count: max(0, width - used)), .border))
        var lines = [StyledLine(top)]
        for line in content {
            lines.append(StyledLine([StyledSpan("│ ", .border)] + cut(line, width - 2).spans))
        }
        lines.append(StyledLine([StyledSpan("└" + String(repeating: "─", count: width - 1), .border)]))
        return lines
    }

    /// A list: bullets by level (or right-aligned numbers), `[ ]`/`[x]` for task items.
    static func list(
        ordered: Bool, start: Int, tight: Bool, items: [MarkdownBlock.ListItem], width: Int, base: ThemeSlot,
        level: Int
    ) -> [StyledLine] {
        let lastNumber = start + max(0, items.count - 1)
        let numberWidth = "\(lastNumber)".count + 1
        var lines: [StyledLine] = []
        for (index, item) in items.enumerated() {
            var marker: String
            if ordered {
                let number = "\(start + index)."
                marker = String(repeating: " ", count: max(0, numberWidth - number.count)) + number
                if let checked = item.task { marker += checked ? " [x]" : " [ ]" }
            } else if let checked = item.task {
                marker = checked ? "[x]" : "[ ]"
            } else {
                marker = bullets[level % bullets.count]
            }
            let prefixWidth = CellWidth.of(marker) + 1
            var content = render(
                item.blocks, width: max(1, width - prefixWidth), base: base, tight: tight, listLevel: level + 1)
            if content.isEmpty { content = [StyledLine()] }
            let markerSlot: ThemeSlot = item.task == true ? .markdownStrong : base
            for (lineIndex, line) in content.enumerated() {
                if lineIndex == 0 {
                    lines.append(StyledLine([StyledSpan(marker + " ", markerSlot)] + line.spans))
                } else if line.spans.isEmpty {
                    lines.append(line)
                } else {
                    lines.append(
                        StyledLine([StyledSpan(String(repeating: " ", count: prefixWidth), base)] + line.spans))
                }
            }
            if !tight && index < items.count - 1 { lines.append(StyledLine()) }
        }
        return lines
    }

    // MARK: - Inlines

    /// Inline content as logical lines (split at hard breaks), every text sanitised.
    static func logicalLines(_ inlines: [MarkdownInline], slot: ThemeSlot) -> [StyledLine] {
        var builder = InlineBuilder()
        append(inlines, slot: slot, to: &builder)
        return builder.lines.map { StyledLine($0) }
    }

    /// Inline content on one line (hard breaks become spaces), for table cells.
    static func singleLine(_ inlines: [MarkdownInline], slot: ThemeSlot) -> StyledLine {
        let lines = logicalLines(inlines, slot: slot)
        var spans: [StyledSpan] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { spans.append(StyledSpan(" ", slot)) }
            spans += line.spans
        }
        return StyledLine(spans)
    }

    /// Collects spans and line breaks.
    struct InlineBuilder {
        var lines: [[StyledSpan]] = [[]]

        mutating func add(_ spans: [StyledSpan]) {
            for span in spans where !span.text.isEmpty {
                if let last = lines[lines.count - 1].last, last.slot == span.slot {
                    lines[lines.count - 1][lines[lines.count - 1].count - 1].text += span.text
                } else {
                    lines[lines.count - 1].append(span)
                }
            }
        }

        mutating func add(_ text: String, _ slot: ThemeSlot) {
            add(Sanitizer.spans(text, slot: slot))
        }

        mutating func breakLine() { lines.append([]) }
    }

    /// Appends inline nodes in `slot`; nested styles take the innermost slot.
    static func append(_ inlines: [MarkdownInline], slot: ThemeSlot, to builder: inout InlineBuilder) {
        for inline in inlines {
            switch inline {
            case .text(let text), .html(let text):
                builder.add(text, slot)
            case .code(let text):
                builder.add(text, .markdownCode)
            case .softBreak:
                builder.add(" ", slot)
            case .lineBreak:
                builder.breakLine()
            case .emphasis(let children):
                append(children, slot: .markdownEmphasis, to: &builder)
            case .strong(let children):
                append(children, slot: .markdownStrong, to: &builder)
            case .strikethrough(let children):
                builder.add("~~", slot)
                append(children, slot: slot, to: &builder)
                builder.add("~~", slot)
            case .link(let url, let title, let children):
                append(children, slot: .markdownLink, to: &builder)
                appendTarget(url: url, title: title, shown: plainText(children), to: &builder)
            case .image(let url, let title, let children):
                builder.add("[image: ", .markdownLink)
                append(children, slot: .markdownLink, to: &builder)
                builder.add("]", .markdownLink)
                appendTarget(url: url, title: title, shown: "", to: &builder)
            }
        }
    }

    /// ` <url "title">` after a link's text, unless the text already is the URL (autolinks).
    static func appendTarget(url: String, title: String, shown: String, to builder: inout InlineBuilder) {
        let sameAsText = url.isEmpty || url == shown || url == "mailto:" + shown || url == "http://" + shown
        if sameAsText && title.isEmpty { return }
        var target = sameAsText ? "" : url
        if !title.isEmpty { target += (target.isEmpty ? "" : " ") + "\"" + title + "\"" }
        builder.add(" <" + target + ">", .markdownLink)
    }

    /// The raw text of inline nodes (for comparing a link's text with its URL).
    static func plainText(_ inlines: [MarkdownInline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let value), .code(let value), .html(let value): text += value
            case .softBreak, .lineBreak: text += " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                text += plainText(children)
            case .link(_, _, let children), .image(_, _, let children): text += plainText(children)
            }
        }
        return text
    }

    // MARK: - Measuring

    /// Wraps logical lines as prose.
    static func wrapped(_ lines: [StyledLine], width: Int) -> [StyledLine] {
        TextWrapper.wrap(lines, width: width)
    }

    /// Cuts a line to `width` cells, marking a cut with `…` (never splits a wide character).
    static func cut(_ line: StyledLine, _ width: Int) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        if fits(line, width) { return line }
        var kept = take(line, width - 1)
        let keptWidth = CellWidth.of(kept.plainText)
        kept.spans.append(StyledSpan(String(repeating: " ", count: max(0, width - 1 - keptWidth)) + "…", .border))
        return kept
    }

    /// Cuts a line to at most `width` cells without a marker (the final guarantee on every line).
    static func clip(_ line: StyledLine, _ width: Int) -> StyledLine {
        fits(line, width) ? line : take(line, width)
    }

    /// True when a line is at most `width` cells. Fast path: no scalar takes more cells than its
    /// UTF-8 bytes (wide characters need three or four), so a line with few bytes fits.
    static func fits(_ line: StyledLine, _ width: Int) -> Bool {
        var bytes = 0
        for span in line.spans { bytes += span.text.utf8.count }
        if bytes <= width { return true }
        var cells = 0
        for span in line.spans {
            for scalar in span.text.unicodeScalars {
                cells += cellWidth(scalar)
                if cells > width { return false }
            }
        }
        return true
    }

    /// `CellWidth.of` (negative counted as 0), with a shortcut for the ranges rendered markdown is
    /// mostly made of: Latin text below U+0300 and box drawing U+2500–U+25FC are one cell each.
    /// A test checks the shortcut against `CellWidth` for every scalar it covers.
    @inline(__always)
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if (0x20..<0x7F).contains(value) || (0xA0..<0x300).contains(value) || (0x2500..<0x25FD).contains(value) {
            return 1
        }
        return max(0, CellWidth.of(scalar))
    }

    /// The longest prefix of a line that fits in `width` cells; combining marks stay with their base.
    static func take(_ line: StyledLine, _ width: Int) -> StyledLine {
        var spans: [StyledSpan] = []
        var used = 0
        for span in line.spans {
            var text = ""
            var full = false
            for scalar in span.text.unicodeScalars {
                let scalarWidth = cellWidth(scalar)
                if used + scalarWidth > width {
                    full = true
                    break
                }
                text.unicodeScalars.append(scalar)
                used += scalarWidth
            }
            if !text.isEmpty { spans.append(StyledSpan(text, span.slot)) }
            if full { break }
        }
        return StyledLine(spans)
    }
}
