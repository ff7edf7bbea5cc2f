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

    @Test func aRunOfWidthsHoldsItsScalarAndOneWidthThroughout() {
        let samples = Array(stride(from: 0, through: 0x10FFFF, by: 97)) + [0, 0x7F, 0xA0, 0x3220, 0xA48C, 0x10FFFF]
        for value in samples {
            guard let scalar = Unicode.Scalar(UInt32(value)), !(0x20..<0x7F).contains(value) else { continue }
            let run = CellWidth.run(containing: scalar)
            #expect(run.range.contains(scalar.value), "U+\(String(value, radix: 16))")
            #expect(run.width == CellWidth.of(scalar), "U+\(String(value, radix: 16))")
            for end in [run.range.lowerBound, run.range.upperBound] {
                guard let edge = Unicode.Scalar(end), !(0x20..<0x7F).contains(end) else { continue }
                #expect(CellWidth.of(edge) == run.width, "U+\(String(value, radix: 16)) at U+\(String(end, radix: 16))")
            }
        }
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

    @Test func diffComparesCellsNotTheWayTheyWereWritten() {
        #expect(Cell.hasNoPadding)
        var old = Screen(width: 6, height: 3)
        old.put("ab", x: 0, y: 0, slot: .normal)
        old.put("e\u{301}", x: 0, y: 1, slot: .normal)
        var same = Screen(width: 6, height: 3)
        same.put("xb", x: 0, y: 0, slot: .normal)
        same.put("a", x: 0, y: 0, slot: .normal)
        same.put("e", x: 0, y: 1, slot: .normal)
        same.put("\u{301}", x: 1, y: 1, slot: .normal)  // a lone mark has no cell to join: dropped
        #expect(same.diff(from: old).count == 1)
        same.put("e\u{301}", x: 0, y: 1, slot: .normal)
        #expect(same.diff(from: old).isEmpty)
        same.restyle(Rect(x: 1, y: 0, width: 1, height: 1), slot: .title)
        let changes = same.diff(from: old)
        #expect(changes == [ScreenChange(y: 0, x: 1, cells: [Cell(text: "b", width: 1, slot: .title)])])
    }

    @Test func plainTextOverAWideCharacterBlanksItsOtherHalf() {
        var screen = Screen(width: 6, height: 3)
        screen.put("你好", x: 0, y: 0, slot: .normal)
        screen.put("ab", x: 1, y: 0, slot: .title)  // right half of 你, left half of 好
        #expect(screen.lines[0] == " ab")
        #expect(screen[0, 0].width == 1 && screen[3, 0].width == 1)
        screen.put("e\u{301}xyz", x: 0, y: 1, slot: .normal, maxWidth: 3)
        #expect(screen.lines[1] == "e\u{301}xy")
        #expect(screen[0, 1].text == "e\u{301}")
        screen.put("你好", x: 0, y: 2, slot: .normal)
        screen.put("好", x: 0, y: 2, slot: .normal)  // a wide character over a wide one stays whole
        #expect(screen.lines[2] == "好好")
        #expect(screen[0, 2].width == 2 && screen[1, 2].isContinuation)
        screen.put("é😀ß", x: 0, y: 2, slot: .normal)  // two-, four- and two-byte UTF-8
        #expect(screen.lines[2] == "é😀ß")  // the emoji cut the second 好, whose right half went blank
        #expect(screen[1, 2].text == "😀" && screen[3, 2].text == "ß")
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
