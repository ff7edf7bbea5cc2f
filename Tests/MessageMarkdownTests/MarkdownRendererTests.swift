import TerminalUI
import Testing

@testable import MessageMarkdown

@Suite struct MarkdownRendererTests {
    static func render(_ text: String, width: Int = 40) -> [StyledLine] {
        MarkdownRenderer.render(text, width: width, base: .messageAssistant)
    }

    static func plain(_ text: String, width: Int = 40) -> [String] {
        render(text, width: width).map(\.plainText)
    }

    /// The slot of the first span containing `needle`.
    static func slot(of needle: String, in lines: [StyledLine]) -> ThemeSlot? {
        lines.lazy.flatMap(\.spans).first { $0.text.contains(needle) }?.slot
    }

    @Test func reportsItsLibraryVersion() {
        #expect(MarkdownRenderer.libraryVersion.hasPrefix("0.29"))
    }

    @Test func widthShortcutAgreesWithCellWidth() {
        for value in Array(0x20..<0x7F) + Array(0xA0..<0x300) + Array(0x2500..<0x25FD) {
            let scalar = try! #require(Unicode.Scalar(UInt32(value)))
            #expect(MarkdownRenderer.cellWidth(scalar) == max(0, CellWidth.of(scalar)), "U+\(String(value, radix: 16))")
        }
    }

    @Test func emptyInputRendersNothing() {
        #expect(Self.render("").isEmpty)
        #expect(Self.render("   \n\n").isEmpty)
    }

    @Test func paragraphsWrapAndStylesNest() {
        let lines = Self.render("Plain *emphasis* and **strong with `code`** end.", width: 20)
        #expect(lines.map(\.plainText) == ["Plain emphasis and", "strong with code", "end."])
        #expect(Self.slot(of: "Plain", in: lines) == .messageAssistant)
        #expect(Self.slot(of: "emphasis", in: lines) == .markdownEmphasis)
        #expect(Self.slot(of: "strong", in: lines) == .markdownStrong)
        #expect(Self.slot(of: "code", in: lines) == .markdownCode)
    }

    @Test func headingsAreUnderlinedOrMarked() {
        #expect(Self.plain("# Title") == ["Title", "═════"])
        #expect(Self.plain("Sub\n---") == ["Sub", "───"])
        #expect(Self.plain("#### Deep") == ["#### Deep"])
        #expect(Self.slot(of: "Title", in: Self.render("# Title")) == .markdownHeading)
    }

    @Test func codeBlocksAreFramedAndCutNotWrapped() {
        let source = "```python\nprint('short')\n" + String(repeating: "x", count: 60) + "\n```"
        let lines = Self.plain(source, width: 30)
        #expect(
            lines == [
                "┌─ python " + String(repeating: "─", count: 20),
                "│ print('short')",
                "│ " + String(repeating: "x", count: 27) + "…",
                "└" + String(repeating: "─", count: 29),
            ])
        let rendered = Self.render(source, width: 30)
        #expect(Self.slot(of: "print", in: rendered) == .markdownCodeBlock)
    }

    @Test func codeBlockCutNeverSplitsAWideCharacter() {
        let lines = Self.plain("```\n" + String(repeating: "漢", count: 20) + "\n```", width: 12)
        #expect(lines[1] == "│ 漢漢漢漢 …")
        #expect(CellWidth.of(lines[1]) == 12)
    }

    @Test func listsNestNumberAndCheck() {
        let source = """
            - one
              - inner
                - deepest
            - two

            8. eight
            9. nine
            10. ten

            - [x] done
            - [ ] open
            """
        #expect(
            Self.plain(source) == [
                "• one", "  ◦ inner", "    ▪ deepest", "• two", "", " 8. eight", " 9. nine", "10. ten", "",
                "[x] done", "[ ] open",
            ])
    }

    @Test func listItemTextWrapsUnderItsMarker() {
        #expect(
            Self.plain("1. a long item that needs to wrap here", width: 16) == [
                "1. a long item", "   that needs to", "   wrap here",
            ])
    }

    @Test func blockQuotesGetABar() {
        let lines = Self.render("> quoted words that wrap around", width: 16)
        #expect(lines.map(\.plainText) == ["│ quoted words", "│ that wrap", "│ around"])
        #expect(lines.allSatisfy { $0.spans.first?.slot == .markdownQuote })
    }

    @Test func linksShowTheirURLAsTextInTheLinkSlot() {
        let lines = Self.render("[docs](https://example.org/d \"Docs\") and https://example.com", width: 80)
        #expect(lines.map(\.plainText) == ["docs <https://example.org/d \"Docs\"> and https://example.com"])
        #expect(Self.slot(of: "https://example.org/d", in: lines) == .markdownLink)
        #expect(Self.slot(of: "https://example.com", in: lines) == .markdownLink)
        #expect(!lines.map(\.plainText).joined().contains("\u{1B}"))
    }

    @Test func tablesAlignColumnsByCellWidth() {
        let source = """
            | Name | 数 | Note |
            |:-----|---:|:----:|
            | 日本 | 1 | ok |
            | Alice | 200 | x |
            """
        #expect(
            Self.plain(source) == [
                "Name  │  数 │ Note",
                "──────┼─────┼─────",
                "日本  │   1 │  ok",
                "Alice │ 200 │  x",
            ])
        #expect(Self.slot(of: "Name", in: Self.render(source)) == .markdownStrong)
    }

    @Test func wideTablesShrinkAndWrapTheirCells() {
        let source = "| a | b |\n|---|---|\n| " + String(repeating: "word ", count: 12) + "| short |"
        let lines = Self.plain(source, width: 30)
        #expect(lines.allSatisfy { CellWidth.of($0) <= 30 })
        #expect(lines.count > 3)
        #expect(lines[0].hasPrefix("a "))
    }

    @Test func thematicBreakFillsTheWidth() {
        #expect(Self.plain("a\n\n***\n\nb", width: 10) == ["a", "", "──────────", "", "b"])
    }

    @Test func rawHTMLIsShownAsText() {
        #expect(Self.plain("<div>\n<b>hi</b>\n</div>") == ["<div>", "<b>hi</b>", "</div>"])
        #expect(Self.plain("an <em>inline</em> tag") == ["an <em>inline</em> tag"])
    }

    @Test func controlCharactersNeverReachTheOutput() {
        for (_, text) in MarkdownCorpus.all {
            for width in [80, 40, 12] {
                for span in Self.render(text, width: width).flatMap(\.spans) {
                    let bad = span.text.unicodeScalars.contains { scalar in
                        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    }
                    #expect(!bad, "control in \(span.text.debugDescription)")
                }
            }
        }
        let lines = Self.render(MarkdownCorpus.hostile, width: 80)
        #expect(Self.slot(of: "^[", in: lines) == .untrustedControl)
        #expect(lines.flatMap(\.spans).contains { $0.text == "⟨RLO⟩" && $0.slot == .untrustedControl })
    }

    @Test(arguments: [80, 40, 20, 7, 1])
    func everyLineFitsTheWidth(width: Int) {
        for (name, text) in MarkdownCorpus.all {
            for line in Self.render(text, width: width) {
                #expect(CellWidth.of(line.plainText) <= width, "\(name) at \(width): \(line.plainText)")
            }
        }
    }

    @Test func malformedMarkdownRendersAsText() {
        #expect(
            Self.plain("```\nunterminated fence") == [
                "┌─" + String(repeating: "─", count: 38), "│ unterminated fence",
                "└" + String(repeating: "─", count: 39),
            ])
        #expect(Self.plain("| not | a table\n|--") == ["| not | a table |--"])
        #expect(Self.plain("**unclosed *mixed _marks") == ["**unclosed *mixed _marks"])
        #expect(Self.plain("[dangling](") == ["[dangling]("])
    }

    @Test(arguments: [
        String(repeating: ">", count: 20000) + " deep",
        String(repeating: "- ", count: 5000) + "deep",
        String(repeating: "*", count: 20000) + "x" + String(repeating: "*", count: 20000),
        String(repeating: "[", count: 20000) + "x",
        String(repeating: "*a **b ", count: 3000),
        String(repeating: "\u{1B}[2J", count: 100_000),
        "e" + String(repeating: "\u{301}", count: 10000),
    ])
    func hostileNestingAndRepetitionRenderWithoutCrashing(text: String) {
        let lines = Self.render(text, width: 40)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { CellWidth.of($0.plainText) <= 40 })
    }

    @Test func deepNestingKeepsItsText() {
        let text = Self.plain(String(repeating: ">", count: 500) + " deepest words", width: 200).joined()
        #expect(text.contains("deepest words"))
    }
}
