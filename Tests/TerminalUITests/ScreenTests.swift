import Testing

@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.put("a你好", x: 0, y: 0, slot: .normal)
        #expect(used == 5)
        #expect(screen.lines == ["a你好"])
        var narrow = Screen(width: 4, height: 1)
        narrow.put("a你好", x: 0, y: 0, slot: .normal)
        #expect(narrow.lines == ["a你"])
        #expect(narrow[3, 0].text == " ")
    }

    @Test func cellWidthMatchesNcursesForKnownCases() {
        #expect(CellWidth.of("你好世界") == 8)
        #expect(CellWidth.of("😀") == 2)
        #expect(CellWidth.of("👨‍👩‍👧") == 6)
        #expect(CellWidth.of("👍🏽") == 4)
        #expect(CellWidth.of("❤️") == 1)
        #expect(CellWidth.of("🇯🇵") == 2)
        #expect(CellWidth.of("e\u{301}") == 1)
    }

    @Test func diffReportsOnlyChangedRuns() {
        var old = Screen(width: 10, height: 2)
        old.put("hello", x: 0, y: 0, slot: .normal)
        var new = old
        new.put("J", x: 0, y: 0, slot: .normal)
        new.put("x", x: 9, y: 1, slot: .title)
        let changes = new.diff(from: old)
        #expect(changes.count == 2)
        #expect(changes[0] == ScreenChange(y: 0, x: 0, cells: [Cell(text: "J", width: 1, slot: .normal)]))
        #expect(changes[1].x == 9 && changes[1].y == 1)
    }
}

@Suite struct TextWrapperTests {
    @Test func wrapsAtSpacesAndBreaksLongWords() {
        let lines = TextWrapper.wrap(StyledLine([StyledSpan("the quick brown fox abcdefghijkl")]), width: 10)
        #expect(lines.map(\.plainText) == ["the quick", "brown fox", "abcdefghij", "kl"])
    }

    @Test func neverSplitsWideCharacters() {
        let lines = TextWrapper.wrap(StyledLine([StyledSpan("你好世界你好")]), width: 5)
        #expect(lines.map(\.plainText) == ["你好", "世界", "你好"])
    }

    @Test func keepsStylesAcrossBreaks() {
        let line = StyledLine([StyledSpan("plain "), StyledSpan("bold words here", .markdownStrong)])
        let lines = TextWrapper.wrap(line, width: 11)
        #expect(lines.map(\.plainText) == ["plain bold", "words here"])
        #expect(lines[1].spans == [StyledSpan("words here", .markdownStrong)])
    }
}
