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
