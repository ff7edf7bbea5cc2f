import Testing

@testable import TerminalUI

/// Hostile strings (TERMINAL.md §7.2), each rendered through the real widget paths into a `Screen`.
/// No cell may hold ESC or a C1 control; several cases also check the literal lines shown.
@Suite struct SanitizerCorpusTests {
    static let esc = "\u{1B}"

    /// Name and raw text of every hostile case.
    static let corpus: [(name: String, text: String)] = [
        ("clear screen", esc + "[2J"),
        ("cursor home and moves", esc + "[H" + esc + "[10;20H" + esc + "[5A" + esc + "[3C"),
        ("OSC 0 title", esc + "]0;pwned\u{7}"),
        ("OSC 2 title with ST", esc + "]2;pwned" + esc + "\\"),
        ("OSC 8 hyperlink", esc + "]8;;https://evil.example" + esc + "\\x" + esc + "]8;;" + esc + "\\"),
        ("OSC 52 clipboard", esc + "]52;c;cm0gLXJmIH4=\u{7}"),
        ("status queries", esc + "[6n" + esc + "[c"),
        ("8-bit CSI", "\u{9B}2J"),
        ("8-bit OSC and ST", "\u{9D}0;title\u{9C}"),
        ("carriage return overwrite", "good\rEVIL"),
        ("backspaces", "abc\u{8}\u{8}\u{8}xyz"),
        ("SGR colour", esc + "[31mred" + esc + "[0m"),
        ("bidi override", "\u{202E}evil\u{202C}"),
        ("zero width", "pa\u{200B}ypal"),
        ("NUL", "a\u{0}b"),
        ("DEL", "a\u{7F}b"),
        ("BEL", "\u{7}ding"),
        ("invalid UTF-8", Sanitizer.decode([0x61, 0xFF, 0xFE, 0x62, 0xC3])),
        ("tag characters", "flag\u{E0041}\u{E007F}"),
        ("ESC with combining mark", esc + "\u{301}[2J"),
        ("keypad and charset switches", esc + "=" + esc + "(0lqk" + esc + "(B"),
        ("DCS and APC strings", esc + "P1$r" + esc + "\\" + esc + "_payload" + esc + "\\"),
        ("many clears", String(repeating: esc + "[2J", count: 100_000)),
        ("many combining marks", "e" + String(repeating: "\u{301}", count: 10_000) + "x"),
        ("paste end marker", "before" + esc + "[201~after\r\nnext" + esc + "[200~"),
        ("server error body", "{\"message\": \"" + esc + "[2J" + esc + "]0;owned\u{7}\"}"),
    ]

    /// True when a screen holds no ESC and no C1 control anywhere.
    static func isClean(_ screen: Screen) -> Bool {
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                for scalar in screen[x, y].text.unicodeScalars {
                    let value = scalar.value
                    if value == 0x1B || (0x80...0x9F).contains(value) || value < 0x20 || value == 0x7F {
                        return false
                    }
                }
            }
        }
        return true
    }

    /// Renders one string through every widget path that shows untrusted text.
    /// Paths that wrap or lay out the whole text; huge inputs skip them to keep debug test runs short.
    static let wholeTextPaths: Set<String> = ["scroll", "editor draft", "rank expanded", "dialog"]

    static func screens(for text: String) -> [String: Screen] {
        let huge = text.unicodeScalars.count > 50_000
        var out: [String: Screen] = [:]
        func draw(_ name: String, width: Int = 40, height: Int = 6, _ widget: @autoclosure () -> some Widget) {
            if huge && wholeTextPaths.contains(name) { return }
            var screen = Screen(width: width, height: height)
            widget().render(into: &screen, in: screen.bounds)
            out[name] = screen
        }
        draw("wrapped", WrappedText(text))
        draw("scroll", ScrollView(text: text))
        draw("editor draft", TextEditor(text: text, wrapWidth: 40, viewHeight: 5))
        draw(
            "editor paste",
            { () -> TextEditor in
                var pasted = TextEditor(wrapWidth: 40, viewHeight: 5)
                pasted.paste(text)
                return pasted
            }())
        draw("yes/no", height: 1, YesNoQuestion(question: text))
        draw("flag", height: 1, FlagToggle(label: text))
        draw("slider", height: 3, LikertSlider(title: text, zeroCaption: text, oneCaption: text))
        var ranks = RankList(items: [text, "plain", text])
        draw("rank preview", ranks)
        ranks.moveCursor(by: 2)
        ranks.toggleExpanded()
        draw("rank expanded", ranks)
        draw("dialog", width: 40, height: 10, ModalDialog.confirm(title: "Report", message: text))
        draw(
            "status bar", height: 1,
            StatusBar([.kept("RANK"), .kept(TextFit.preview(text), slot: .error), .hints("x")]))
        return out
    }

    @Test(arguments: corpus.indices) func noEscapeOrC1ReachesAnyCell(index: Int) {
        let (name, text) = Self.corpus[index]
        for (path, screen) in Self.screens(for: text) {
            #expect(Self.isClean(screen), "\(name) through \(path)")
        }
    }

    @Test func corpusHasTheRequiredCases() {
        #expect(Self.corpus.count >= 20)
    }

    private func wrappedLines(_ text: String, width: Int = 40, height: Int = 3) -> [String] {
        var screen = Screen(width: width, height: height)
        WrappedText(text).render(into: &screen, in: screen.bounds)
        return screen.lines
    }

    @Test func controlsShowAsCaretNotation() {
        let e = Self.esc
        #expect(wrappedLines(e + "[2J") == ["^[[2J", "", ""])
        #expect(wrappedLines(e + "]0;pwned\u{7}") == ["^[]0;pwned^G", "", ""])
        #expect(
            wrappedLines(e + "]8;;https://evil.example" + e + "\\x" + e + "]8;;" + e + "\\")
                == ["^[]8;;https://evil.example^[\\x^[]8;;^[\\", "", ""])
        #expect(wrappedLines("good\rEVIL") == ["good^MEVIL", "", ""])
        #expect(wrappedLines("abc\u{8}\u{8}\u{8}xyz") == ["abc^H^H^Hxyz", "", ""])
        #expect(wrappedLines("a\u{0}b a\u{7F}b \u{7}") == ["a^@b a^?b ^G", "", ""])
        #expect(wrappedLines(e + "[31mred" + e + "[0m") == ["^[[31mred^[[0m", "", ""])
    }

    @Test func invisibleTricksShowAsMarkers() {
        #expect(wrappedLines("\u{9B}2J") == ["⟨9B⟩2J", "", ""])
        #expect(wrappedLines("\u{202E}evil\u{202C}") == ["⟨RLO⟩evil⟨PDF⟩", "", ""])
        #expect(wrappedLines("pa\u{200B}ypal") == ["pa⟨ZWSP⟩ypal", "", ""])
        #expect(wrappedLines("flag\u{E0041}") == ["flag⟨TAG E0041⟩", "", ""])
        #expect(wrappedLines(Sanitizer.decode([0x61, 0xFF, 0xFE, 0x62])) == ["a\u{FFFD}\u{FFFD}b", "", ""])
    }

    @Test func escapesUseTheUntrustedControlSlot() {
        var screen = Screen(width: 20, height: 1)
        WrappedText("x\u{1B}[2J").render(into: &screen, in: screen.bounds)
        #expect(screen[0, 0].slot == .normal)
        #expect(screen[1, 0].slot == .untrustedControl)
        #expect(screen[2, 0].slot == .untrustedControl)
        #expect(screen[3, 0].slot == .normal)
    }

    @Test func repetitionStaysBoundedOnScreen() {
        let clears = String(repeating: Self.esc + "[2J", count: 100_000)
        let lines = wrappedLines(clears, width: 40, height: 2)
        #expect(lines == [String(repeating: "^[[2J", count: 8), String(repeating: "^[[2J", count: 8)])
        var screen = Screen(width: 10, height: 1)
        WrappedText("e" + String(repeating: "\u{301}", count: 10_000) + "x").render(into: &screen, in: screen.bounds)
        #expect(screen[0, 0].text.unicodeScalars.count == Screen.maxCombining + 1)
        #expect(screen[1, 0].text == "x")
    }

    @Test func pasteHoldingItsEndMarkerIsCleanedIntoOneStep() {
        var editor = TextEditor(text: "", wrapWidth: 30, viewHeight: 3)
        editor.paste("before" + Self.esc + "[201~after\r\nnext\u{9B}")
        #expect(editor.text == "before[201~after\nnext")
        #expect(editor.lastPasteRemoved == 2)
        var screen = Screen(width: 30, height: 4)
        editor.render(into: &screen, in: screen.bounds)
        #expect(screen.lines == ["before[201~after", "next", "", "2 control characte…  21 / 2000"])
        editor.apply(.control("_"))
        #expect(editor.text.isEmpty)
    }

    @Test func plainTextForStderrIsSanitised() {
        let body = "{\"message\": \"" + Self.esc + "[2J" + Self.esc + "]0;owned\u{7}\"}"
        #expect(Sanitizer.plain(body) == "{\"message\": \"^[[2J^[]0;owned^G\"}")
    }

    @Test func emojiZeroWidthJoinerStaysInsideEmojiSequences() {
        #expect(wrappedLines("👨‍👩‍👧 a\u{200D}b") == ["👨‍👩‍👧 a⟨ZWJ⟩b", "", ""])
    }
}
