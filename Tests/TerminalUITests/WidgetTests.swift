import Testing

@testable import TerminalUI

@Suite struct WrappedTextAndScrollViewTests {
    @Test func wrappedTextSanitisesAndWraps() {
        var screen = Screen(width: 12, height: 4)
        WrappedText("hello \u{1B}[2J world, 你好世界!").render(into: &screen, in: Rect(x: 1, y: 1, width: 10, height: 3))
        #expect(screen.lines == ["", " hello", " ^[[2J", " world,"])
        #expect(screen[1, 2].slot == .untrustedControl)
        #expect(WrappedText("a b c").height(width: 1) == 3)
    }

    @Test func scrollViewScrollsAndDrawsABar() {
        let text = (1...10).map { "line \($0)" }.joined(separator: "\n")
        var view = ScrollView(text: text)
        let rect = Rect(x: 0, y: 0, width: 8, height: 4)
        var screen = Screen(width: 8, height: 4)
        view.render(into: &screen, in: rect)
        #expect(screen.lines == ["line 1 █", "line 2 │", "line 3 │", "line 4 │"])
        view.scroll(.pageDown, in: rect)
        #expect(view.offset == 3)
        view.scroll(.bottom, in: rect)
        #expect(view.offset == 6)
        screen = Screen(width: 8, height: 4)
        view.render(into: &screen, in: rect)
        #expect(screen.lines == ["line 7 │", "line 8 │", "line 9 │", "line 10█"])
        view.scroll(.lineDown, in: rect)
        #expect(view.offset == 6)
        view.scroll(.lineUp, in: rect)
        view.scroll(.halfPageUp, in: rect)
        #expect(view.offset == 3)
        view.scroll(.top, in: rect)
        #expect(view.offset == 0)
        view.scroll(by: -5, in: rect)
        #expect(view.offset == 0)
    }

    @Test func shortContentHasNoBar() {
        var screen = Screen(width: 8, height: 3)
        ScrollView(text: "one\ntwo").render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["one", "two", ""])
    }

    @Test func thumbSpansTheTrack() {
        #expect(ScrollView.thumb(total: 100, visible: 10, offset: 0) == 0..<1)
        #expect(ScrollView.thumb(total: 100, visible: 10, offset: 90) == 9..<10)
        #expect(ScrollView.thumb(total: 20, visible: 10, offset: 5) == 3..<8)
    }
}

@Suite struct LabelWidgetTests {
    @Test func yesNoQuestion() {
        var question = YesNoQuestion(question: "Is it spam?", isFocused: true)
        var screen = Screen(width: 46, height: 1)
        question.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Is it spam?    [y] yes  [n] no  (unanswered)"])
        let changed = question.apply(.character("n"))
        #expect(changed)
        #expect(question.answer == false)
        screen = Screen(width: 46, height: 1)
        question.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Is it spam?                  [y] yes  [n] NO"])
        #expect(screen[40, 0].slot == .sliderValue)
        #expect(screen[39, 0].slot == .helpText)
        question.apply(.backspace)
        #expect(question.answer == nil)
    }

    /// Too narrow for the question and `[y] yes  [n] no  (unanswered)`: the choices shrink, the question stays.
    @Test func yesNoQuestionKeepsTheQuestionWhenNarrow() {
        var question = YesNoQuestion(question: "Is the message spam?", isFocused: true)
        var screen = Screen(width: 34, height: 1)
        question.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Is the message spam?     [y/n] ?"])
        question.apply(.character("y"))
        screen = Screen(width: 34, height: 1)
        question.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Is the message spam?     [y] YES"])
        #expect((27..<34).allSatisfy { screen[$0, 0].slot == .sliderValue })
        question.apply(.character("n"))
        screen = Screen(width: 34, height: 1)
        question.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Is the message spam?      [n] NO"])
        #expect((28..<34).allSatisfy { screen[$0, 0].slot == .sliderValue })
    }

    @Test func flagToggle() {
        var flag = FlagToggle(label: "Not appropriate\nfor a\u{7} reply")
        flag.apply(.space)
        var screen = Screen(width: 30, height: 1)
        flag.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["  [x] Not appropriate for a^G…"])
        flag.apply(.space)
        #expect(!flag.isOn)
    }

    @Test func likertStopsValuesAndInversion() {
        var slider = LikertSlider(title: "Quality", zeroCaption: "low quality", oneCaption: "high quality")
        #expect(slider.value == nil)
        slider.apply(.right)
        #expect(slider.stop == 2)
        slider.apply(.character("4"))
        #expect(slider.value == 0.75)
        slider.apply(.character("l"))
        slider.apply(.right)
        #expect(slider.value == 1)
        slider.apply(.delete)
        #expect(slider.stop == nil)

        var toxicity = LikertSlider(
            title: "Toxicity", zeroCaption: "harmless", oneCaption: "toxic", inverted: true)
        #expect(toxicity.leftCaption == "toxic" && toxicity.rightCaption == "harmless")
        toxicity.choose(5)
        #expect(toxicity.drawnValue == 1)
        #expect(toxicity.value == 0)
        toxicity.choose(2)
        #expect(toxicity.value == 0.75)
        toxicity.apply(.character("h"))
        #expect(toxicity.value == 1)
        toxicity.apply(.left)
        #expect(toxicity.stop == 0)
    }

    @Test func likertDrawing() {
        var slider = LikertSlider(
            title: "Helpfulness", zeroCaption: "unhelpful", oneCaption: "helpful", isFocused: true)
        var screen = Screen(width: 23, height: 3)
        slider.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["› Helpfulne… unanswered", "  ○────○────○────○────○", "  unhelpful     helpful"])
        slider.choose(4)
        screen = Screen(width: 23, height: 3)
        slider.render(into: &screen, in: screen.bounds)
        #expect(screen.lines[0] == "› Helpfulness    4 of 5")
        #expect(screen.lines[1] == "  ○━━━━○━━━━○━━━━●────○")
        #expect(screen[3, 1].slot == .sliderFilled)
        #expect(screen[17, 1].slot == .sliderValue)
        #expect(screen[19, 1].slot == .sliderEmpty)
    }
}

@Suite struct RankListTests {
    let replies = ["First reply", "Second reply\nwith two lines", "Third, 你好", "Fourth"]

    @Test func pickMoveDropAndRanking() {
        var list = RankList(items: replies)
        list.moveCursor(by: 2)
        list.pickUp()
        #expect(list.isHolding)
        list.moveCursor(by: -2)
        list.drop()
        #expect(list.ranking == [2, 0, 1, 3])
        #expect(list.cursor == 0)
        list.moveCursor(by: 1)
        #expect(list.currentItem == 0)
    }

    @Test func escapeRestoresTheOrder() {
        var list = RankList(items: replies)
        list.moveCursor(by: 1)
        list.toggleHold()
        list.moveCursor(by: 2)
        #expect(list.ranking == [0, 2, 3, 1])
        list.cancel()
        #expect(list.ranking == [0, 1, 2, 3])
        #expect(list.cursor == 1)
        #expect(!list.isHolding)
    }

    @Test func moveWithoutPickupAndPutAtRank() {
        var list = RankList(items: replies)
        list.moveItem(by: 1)
        #expect(list.ranking == [1, 0, 2, 3])
        #expect(list.cursor == 1)
        list.moveCursor(by: 2)
        list.put(atRank: 1)
        #expect(list.ranking == [3, 1, 0, 2])
        #expect(list.cursor == 0)
        list.put(atRank: 9)
        #expect(list.ranking == [3, 1, 0, 2])
        list.moveItem(by: -3)
        #expect(list.ranking == [3, 1, 0, 2])
    }

    @Test func drawsPreviewsHeldItemAndExpandedText() {
        var list = RankList(items: replies)
        list.moveCursor(by: 1)
        list.toggleExpanded()
        var screen = Screen(width: 24, height: 6)
        list.render(into: &screen, in: screen.bounds)
        #expect(
            screen.lines == [
                "  1. First reply", "› 2. Second reply", "     with two lines", "  3. Third, 你好", "  4. Fourth", "",
            ])
        list.toggleExpanded()
        list.pickUp()
        list.moveCursor(by: 1)
        screen = Screen(width: 24, height: 6)
        list.render(into: &screen, in: screen.bounds)
        #expect(
            screen.lines == [
                "  1. First reply", "  2. Third, 你好", "⇅ 3. Second re… (moving)", "  4. Fourth", "", "",
            ])
        #expect(screen[5, 2].slot == .rankMoving)
        #expect(screen.lines[2].contains("…"))
    }

    @Test func mouseRowsMapToRankPositions() {
        var list = RankList(items: replies)
        list.moveCursor(by: 1)
        list.toggleExpanded()
        let rect = Rect(x: 0, y: 2, width: 24, height: 5)
        #expect(list.position(atRow: 2, in: rect) == 0)
        #expect(list.position(atRow: 3, in: rect) == 1)
        #expect(list.position(atRow: 4, in: rect) == 1)
        #expect(list.position(atRow: 5, in: rect) == 2)
        #expect(list.position(atRow: 1, in: rect) == nil)
        list.toggleExpanded()
        list.pickUp()
        list.moveCursor(to: 3)
        list.drop()
        #expect(list.ranking == [0, 2, 3, 1])
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var list = RankList(items: (1...10).map { "reply \($0)" })
        list.moveCursor(by: 8)
        var screen = Screen(width: 20, height: 3)
        list.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["  7.  reply 7", "  8.  reply 8", "› 9.  reply 9"])
    }
}

@Suite struct ChromeWidgetTests {
    @Test func statusBarDropsHintsThenPosition() {
        let bar = StatusBar([
            .kept("REPLY"), .position("3/8"), .kept("offline 4m", slot: .statusOffline),
            .kept("⇡2 queued · 1 held", slot: .statusHeld), .hints("C-s review  Esc leave"), .kept("F1 help"),
        ])
        var screen = Screen(width: 90, height: 1)
        bar.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["REPLY │ 3/8 │ offline 4m │ ⇡2 queued · 1 held │ C-s review  Esc leave │ F1 help"])
        screen = Screen(width: 60, height: 1)
        bar.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["REPLY │ 3/8 │ offline 4m │ ⇡2 queued · 1 held │ F1 help"])
        screen = Screen(width: 50, height: 1)
        bar.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["REPLY │ offline 4m │ ⇡2 queued · 1 held │ F1 help"])
        #expect(screen[49, 0].slot == .statusBar)
        #expect(screen[8, 0].slot == .statusOffline)
    }

    @Test func confirmDialogIsCentredWithABorder() {
        var screen = Screen(width: 30, height: 9)
        ModalDialog.confirm(title: "Skip", message: "Discard your draft?").render(into: &screen, in: screen.bounds)
        #expect(
            screen.lines == [
                "", "",
                "┌─ Skip ─────────────────────┐",
                "│ Discard your draft?        │",
                "│                            │",
                "│ [y] yes   [n] no / Esc     │",
                "└────────────────────────────┘",
                "", "",
            ])
    }

    @Test func promptDialogShowsItsEditorAndCursor() {
        var dialog = ModalDialog.prompt(title: "Report", message: "Why?", limit: 100)
        dialog.input?.apply(.character("x"))
        var screen = Screen(width: 30, height: 10)
        dialog.render(into: &screen, in: screen.bounds)
        #expect(
            screen.lines == [
                "┌─ Report ───────────────────┐",
                "│ Why?                       │",
                "│                            │",
                "│ x                          │",
                "│                            │",
                "│                    1 / 100 │",
                "│                            │",
                "│ Enter ok   Esc cancel      │",
                "└────────────────────────────┘",
                "",
            ])
        #expect(screen.cursor?.x == 3 && screen.cursor?.y == 3)
    }

    @Test func helpOverlayGroupsAndScrolls() {
        var help = HelpOverlay(groups: [
            HelpOverlay.Group(
                title: "writing",
                entries: [
                    .init(keys: "C-s M-Enter", description: "review the reply"),
                    .init(keys: "<C-x><C-e>", description: "open the external editor"),
                ]),
            HelpOverlay.Group(title: "global", entries: [.init(keys: "q", description: "quit")]),
        ])
        let rect = Rect(x: 0, y: 0, width: 34, height: 6)
        var screen = Screen(width: 34, height: 6)
        help.render(into: &screen, in: rect)
        #expect(
            screen.lines == [
                "┌─ Help — ? F1 Esc q close ──────┐",
                "│writing                        █│",
                "│  C-s M-Enter  review the reply█│",
                "│  <C-x><C-e>   open the        ││",
                "│               external editor ││",
                "└────────────────────────────────┘",
            ])
        help.scroll(.bottom, in: rect)
        screen = Screen(width: 34, height: 6)
        help.render(into: &screen, in: rect)
        #expect(screen.lines[1] == "│               external editor ││")
        #expect(screen.lines[3] == "│global                         █│")
        #expect(screen.lines[4] == "│  q            quit            █│")
    }

    @Test func helpOverlayFilters() {
        var help = HelpOverlay(groups: [
            HelpOverlay.Group(
                title: "global",
                entries: [.init(keys: "q", description: "quit"), .init(keys: "Q", description: "queue view")]),
            HelpOverlay.Group(title: "ranking", entries: [.init(keys: "o", description: "full text")]),
        ])
        help.filter = "que"
        #expect(help.visibleGroups.map(\.entries.count) == [1])
        var screen = Screen(width: 30, height: 4)
        help.render(into: &screen, in: screen.bounds)
        #expect(
            screen.lines == [
                "┌─ Help /que ────────────────┐", "│global                      │", "│  Q  queue view             │",
                "└────────────────────────────┘",
            ])
        help.filter = "zzz"
        #expect(help.lines(width: 20).map(\.plainText) == ["no key matches"])
    }

    @Test func spinnerFrameFollowsTheTick() {
        #expect(Spinner(tick: 0).frame == "⠋")
        #expect(Spinner(tick: 11).frame == "⠙")
        #expect(Spinner(tick: -1).frame == "⠏")
        var screen = Screen(width: 12, height: 1)
        Spinner(tick: 2, label: "saving…").render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["⠹ saving…"])
    }
}
