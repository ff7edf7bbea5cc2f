/// Word wrapping for styled text measured in terminal cells: breaks at spaces, breaks words
/// longer than a line, and never splits a wide character or a character from its combining marks.
public enum TextWrapper {
    /// Wraps one styled line to lines of at most `width` cells. An empty line stays one empty line.
    /// `maxLines` stops early once that many lines are made (for views that show only the top).
    public static func wrap(_ line: StyledLine, width: Int, maxLines: Int = .max) -> [StyledLine] {
        guard width > 0 else { return [line] }
        var result: [StyledLine] = []
        var current: [StyledSpan] = []
        var currentWidth = 0
        var word: [StyledSpan] = []
        var wordWidth = 0

        func append(_ text: String, _ slot: ThemeSlot, to spans: inout [StyledSpan]) {
            if let last = spans.last, last.slot == slot {
                spans[spans.count - 1].text += text
            } else {
                spans.append(StyledSpan(text, slot))
            }
        }
        func endLine() {
            while let last = current.last, last.text.hasSuffix(" ") {
                var trimmed = last.text
                while trimmed.hasSuffix(" ") { trimmed.removeLast() }
                if trimmed.isEmpty { current.removeLast() } else { current[current.count - 1].text = trimmed }
            }
            result.append(StyledLine(current))
            current = []
            currentWidth = 0
        }
        func placeWord() {
            if wordWidth == 0 { return }
            if currentWidth + wordWidth > width && currentWidth > 0 { endLine() }
            if wordWidth <= width - currentWidth {
                for span in word { append(span.text, span.slot, to: &current) }
                currentWidth += wordWidth
            } else {
                for span in word {
                    for character in span.text {
                        let characterWidth = CellWidth.of(String(character))
                        if currentWidth + characterWidth > width && currentWidth > 0 { endLine() }
                        append(String(character), span.slot, to: &current)
                        currentWidth += characterWidth
                    }
                }
            }
            word = []
            wordWidth = 0
        }

        spanLoop: for span in line.spans {
            for character in span.text {
                if result.count >= maxLines { break spanLoop }
                if character == " " {
                    placeWord()
                    if currentWidth > 0 && currentWidth < width {
                        append(" ", span.slot, to: &current)
                        currentWidth += 1
                    } else if currentWidth >= width {
                        endLine()
                    }
                } else {
                    append(String(character), span.slot, to: &word)
                    wordWidth += CellWidth.of(String(character))
                }
            }
        }
        if result.count < maxLines {
            placeWord()
            if !current.isEmpty || result.isEmpty { endLine() }
        }
        return Array(result.prefix(maxLines))
    }

    /// Wraps several lines, each independently, stopping after `maxLines` lines.
    public static func wrap(_ lines: [StyledLine], width: Int, maxLines: Int = .max) -> [StyledLine] {
        var result: [StyledLine] = []
        for line in lines {
            if result.count >= maxLines { break }
            result += wrap(line, width: width, maxLines: maxLines - result.count)
        }
        return result
    }
}
