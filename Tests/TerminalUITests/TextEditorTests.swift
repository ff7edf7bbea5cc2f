import Testing

@testable import TerminalUI

@Suite struct TextEditorTests {
    private func type(_ text: String, into editor: inout TextEditor) {
        for character in text {
            editor.apply(character == " " ? .space : (character == "\n" ? .enter : .character(character)))
        }
    }

    @Test func typingInsertsAtTheCursorAndReportsChange() {
        var editor = TextEditor()
        let changed1 = editor.apply(.character("a"))
        #expect(changed1)
        let changed2 = editor.apply(.character("你"))
        #expect(changed2)
        let changed3 = editor.apply(.left)
        #expect(!changed3)
        let changed4 = editor.apply(.character("b"))
        #expect(changed4)
        #expect(editor.text == "ab你")
        #expect(editor.cursor == 2)
    }

    @Test func cursorStepsOverWholeGraphemes() {
        var editor = TextEditor(text: "a👨‍👩‍👧e\u{301}🇯🇵")
        #expect(editor.characters.count == 4)
        editor.apply(.left)
        editor.apply(.backspace)
        #expect(editor.text == "a👨‍👩‍👧🇯🇵")
        editor.apply(.control("b"))
        #expect(editor.cursor == 1)
        editor.apply(.control("d"))
        #expect(editor.text == "a🇯🇵")
    }

    @Test func readlineLineAndWordMotions() {
        var editor = TextEditor(text: "one two-three four\nsecond line")
        editor.apply(.up)
        editor.apply(.control("a"))
        #expect(editor.cursor == 0)
        editor.apply(.alt("f"))
        #expect(editor.cursor == 3)
        editor.apply(.alt("f"))
        #expect(editor.cursor == 7)
        editor.apply(.controlRight)
        #expect(editor.cursor == 13)
        editor.apply(.alt("b"))
        #expect(editor.cursor == 8)
        editor.apply(.control("e"))
        #expect(editor.cursor == 18)
        editor.apply(.right)
        #expect(editor.cursor == 19)
        editor.apply(.end)
        #expect(editor.cursor == 30)
        editor.apply(.home)
        #expect(editor.cursor == 19)
    }

    @Test func killsAndYank() {
        var editor = TextEditor(text: "alpha beta gamma")
        editor.apply(.control("w"))
        #expect(editor.text == "alpha beta ")
        #expect(editor.killBuffer == "gamma")
        editor.apply(.control("w"))
        #expect(editor.text == "alpha ")
        #expect(editor.killBuffer == "beta gamma")
        editor.apply(.control("a"))
        editor.apply(.control("y"))
        #expect(editor.text == "beta gammaalpha ")
        editor.apply(.control("k"))
        #expect(editor.text == "beta gamma")
        #expect(editor.killBuffer == "alpha ")
        editor.apply(.control("u"))
        #expect(editor.text == "")
        editor.replaceText("foo.bar baz")
        editor.apply(.altBackspace)
        #expect(editor.text == "foo.bar ")
        editor.apply(.altBackspace)
        #expect(editor.text == "foo.")
        editor.apply(.home)
        editor.apply(.alt("d"))
        #expect(editor.text == ".")
    }

    @Test func controlKAtLineEndJoinsLines() {
        var editor = TextEditor(text: "ab\ncd")
        editor.apply(.up)
        editor.apply(.end)
        editor.apply(.control("k"))
        #expect(editor.text == "abcd")
    }

    @Test func typingUndoesWordByWordAndRedoes() {
        var editor = TextEditor()
        type("hello big world", into: &editor)
        editor.apply(.control("_"))
        #expect(editor.text == "hello big ")
        editor.apply(.control("_"))
        #expect(editor.text == "hello ")
        editor.apply(.alt("_"))
        #expect(editor.text == "hello big ")
        editor.apply(.control("_"))
        editor.apply(.control("_"))
        #expect(editor.text == "")
        #expect(!editor.canUndo)
        editor.apply(.alt("_"))
        editor.apply(.alt("_"))
        editor.apply(.alt("_"))
        #expect(editor.text == "hello big world")
        #expect(editor.cursor == 15)
    }

    @Test func undoKeepsTheLastHundredStepsOnly() {
        var editor = TextEditor()
        for word in 1...(TextEditor.undoLimit + 20) {
            type("w\(word) ", into: &editor)
            editor.apply(.backspace)  // a new kind of edit: one more undo step per word
            type(" ", into: &editor)
        }
        var undone = 0
        while editor.canUndo {
            editor.apply(.control("_"))
            undone += 1
        }
        #expect(undone == TextEditor.undoLimit)
        #expect(editor.text.hasPrefix("w1 w2 "))
        #expect(!editor.text.isEmpty)
    }

    @Test func undoAndRedoWalkThroughEveryKindOfEdit() {
        var editor = TextEditor(text: "start ")
        var before: [(text: String, cursor: Int)] = []
        var after: [String] = []
        func record(_ edit: (inout TextEditor) -> Void) {
            before.append((editor.text, editor.cursor))
            edit(&editor)
            after.append(editor.text)
        }
        record { $0.paste("alpha beta") }
        record { $0.apply(.control("w")) }
        editor.apply(.control("a"))
        record { $0.apply(.control("y")) }
        record { type("e\u{301}x", into: &$0) }  // one typing group; the mark joins the "e" before it
        record { $0.apply(.backspace) }
        record { $0.replaceText("new\ntext") }
        record { $0.apply(.control("u")) }
        #expect(editor.text == "new\n")
        let final = (editor.text, editor.cursor)
        for step in before.indices.reversed() {
            editor.apply(.control("_"))
            #expect(editor.text == before[step].text)
            #expect(editor.cursor == before[step].cursor)
        }
        #expect(!editor.canUndo)
        for step in after.indices {
            editor.apply(.alt("_"))
            #expect(editor.text == after[step])
        }
        #expect(!editor.canRedo)
        #expect(editor.text == final.0 && editor.cursor == final.1)
    }

    @Test(arguments: [1, 7, 42])
    func rowsWrappedAgainFromAnEditMatchAWholeWrap(seed: UInt64) {
        var editor = TextEditor(text: "a few words\nto start with", wrapWidth: 7, viewHeight: 3)
        let keys: [Key] = [
            .character("x"), .character("你"), .character("\u{301}"), .space, .space, .tab, .enter, .backspace,
            .delete, .left, .right, .up, .down, .home, .end, .control("w"), .control("k"), .control("y"),
            .control("_"), .alt("_"), .alt("d"),
        ]
        var random = seed
        for step in 0..<3_000 {
            // A linear congruential generator: the same keys on every run.
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = keys[Int(random >> 33) % keys.count]
            if key == .enter && editor.characters.count > 300 {
                editor.replaceText(String(editor.text.prefix(40)))
            } else {
                editor.apply(key)
            }
            let rows = editor.rows(width: 7)
            #expect(rows == editor.visualRows(width: 7), "seed \(seed), step \(step), \(key)")
            for row in rows where row.styled != nil {
                #expect(row.styled == editor.line(row), "seed \(seed), step \(step), \(key)")
            }
        }
    }

    @Test func typingBesideACombiningMarkJoinsItsGrapheme() {
        var editor = TextEditor(text: "cafe!")
        editor.apply(.left)
        editor.apply(.character("\u{301}"))
        #expect(editor.text == "caf\u{E9}!")
        #expect(editor.characters.count == 5)
        #expect(editor.cursor == 4)
        editor.apply(.character("x"))
        #expect(editor.text == "caf\u{E9}x!")
    }

    @Test func newEditClearsRedo() {
        var editor = TextEditor()
        type("one two", into: &editor)
        editor.apply(.control("_"))
        type("x", into: &editor)
        #expect(editor.text == "one x")
        #expect(!editor.canRedo)
    }

    @Test func pasteIsOneUndoStepAndCountsRemovedControls() {
        var editor = TextEditor(text: "say: ")
        let changed = editor.paste("line one\r\nline\u{1B}[31m two\u{7}\rend\u{9B}")
        #expect(changed)
        #expect(editor.text == "say: line one\nline[31m two\nend")
        #expect(editor.lastPasteRemoved == 3)
        #expect(editor.statusText.left == "3 control characters removed")
        editor.apply(.control("_"))
        #expect(editor.text == "say: ")
        let changed5 = editor.paste("\u{1B}\u{7}")
        #expect(!changed5)
        #expect(editor.lastPasteRemoved == 2)
    }

    @Test func countUsesScalarsOfStrippedTextAndChangesStyle() {
        var editor = TextEditor(text: "  e\u{301}👍🏽 \n", limit: 10)
        #expect(editor.characterCount == 4)
        #expect(editor.countLevel == .normal)
        editor.replaceText("123456789")
        #expect(editor.countLevel == .nearLimit)
        #expect(editor.statusText.slot == .warning)
        editor.replaceText("12345678901")
        #expect(editor.countLevel == .overLimit)
        #expect(editor.statusText == ("", "too long 11 / 10", .error))
    }

    @Test func softWrapsAtSpacesAndPlacesTheCursor() {
        var editor = TextEditor(text: "the quick brown fox 你好世界", wrapWidth: 10, viewHeight: 3)
        var screen = Screen(width: 10, height: 4)
        editor.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["the quick", "brown fox", "你好世界", " 24 / 2000"])
        #expect(screen.cursor?.x == 8 && screen.cursor?.y == 2)
        editor.apply(.up)
        #expect(editor.cursor == 18)
        editor.apply(.up)
        #expect(editor.cursor == 8)
        editor.apply(.down)
        editor.apply(.down)
        #expect(editor.cursor == 24)
    }

    @Test func upAndDownKeepTheGoalColumnAcrossWideCharacters() {
        var editor = TextEditor(text: "abcdef\n你好\nabcdef", wrapWidth: 20)
        editor.apply(.up)
        #expect(editor.cursor == 9)
        editor.apply(.up)
        #expect(editor.cursor == 6)
        editor.apply(.home)
        editor.apply(.right)
        editor.apply(.right)
        editor.apply(.right)
        editor.apply(.down)
        #expect(editor.cursor == 8)
        editor.apply(.down)
        #expect(editor.cursor == 13)
    }

    @Test func fullRowGivesTheEndCursorANewRow() {
        let editor = TextEditor(text: "abcd", wrapWidth: 4)
        #expect(editor.cursorPosition(width: 4) == (1, 0))
        #expect(editor.visualRows(width: 4).count == 2)
    }

    @Test func keepsTheCursorVisibleWhenTextIsTaller() {
        var editor = TextEditor(text: "1\n2\n3\n4\n5", wrapWidth: 6, viewHeight: 2)
        var screen = Screen(width: 6, height: 3)
        editor.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["4", "5", "     9"])
        editor.apply(.up)
        editor.apply(.up)
        editor.apply(.up)
        screen = Screen(width: 6, height: 3)
        editor.render(into: &screen, in: screen.bounds)
        #expect(screen.lines.prefix(2) == ["2", "3"])
        #expect(screen.cursor?.y == 0)
    }

    @Test func controlCharactersInLoadedTextShowEscaped() {
        var screen = Screen(width: 20, height: 2)
        TextEditor(text: "a\u{1B}[2Jb").render(into: &screen, in: screen.bounds)
        #expect(screen.lines[0] == "a^[[2Jb")
        #expect(screen[1, 0].slot == .untrustedControl)
    }
}
