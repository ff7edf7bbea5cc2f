import Glibc
import TerminalUI
import Testing

@testable import CursesBackend

/// Runs the real ncurses backend on a pseudo-terminal inside the test process. ncurses keeps
/// global state, so every test that touches it is in this one serialized suite.
@Suite(.serialized) struct CursesTerminalTests {
    /// A theme with attributes and colours, so pairs and attribute bits can be read back.
    static let theme = Theme(
        name: "test",
        styles: [
            .title: CellStyle(bold: true),
            .error: CellStyle(foreground: .indexed(1), bold: true),
            .selection: CellStyle(reverse: true),
            .statusOnline: CellStyle(foreground: .indexed(2), background: .indexed(0)),
            .markdownLink: CellStyle(foreground: .rgb(red: 0x5F, green: 0xD7, blue: 0x5F), underline: true),
            .markdownEmphasis: CellStyle(foreground: .indexed(1), italic: true),
        ])

    /// Starts a terminal on a fresh pty; the caller stops it.
    static func makeTerminal(
        width: Int = 40, height: Int = 10, mouse: Bool = false
    ) throws -> (
        PseudoTerminal, CursesTerminal
    ) {
        unsetenv("LINES")
        unsetenv("COLUMNS")
        let pty = try #require(PseudoTerminal(width: width, height: height))
        let terminal = CursesTerminal(
            input: pty.slave, output: pty.slave, term: "xterm-256color",
            options: CursesOptions(mouse: mouse, color: .always, handleSignals: false))
        try terminal.start()
        terminal.setTheme(theme)
        pty.drain()
        return (pty, terminal)
    }

    /// A screen with attributes, colours, CJK, emoji and a combining mark.
    static func sampleScreen(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.put("Title", x: 0, y: 0, slot: .title)
        screen.put("你好世界", x: 6, y: 0, slot: .normal)
        screen.put("😀 ok", x: 0, y: 1, slot: .error)
        screen.put("cafe\u{301}", x: 6, y: 1, slot: .selection)
        screen.put("link", x: 0, y: 2, slot: .markdownLink)
        screen.put("online", x: 0, y: 3, slot: .statusOnline)
        screen.put("end", x: width - 3, y: height - 1, slot: .normal)
        return screen
    }

    @Test func drawsCharactersAttributesAndColoursThatReadBack() throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        #expect(terminal.colorDepth == .palette256)
        var screen = Self.sampleScreen(width: 40, height: 10)
        screen.cursor = (x: 3, y: 4)
        terminal.draw(screen)
        let output = pty.drain()
        #expect(!output.isEmpty)
        // Synchronized output wraps the update.
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("\u{1B}[?2026h"))
        #expect(text.hasSuffix("\u{1B}[?2026l"))

        #expect(terminal.rowOnTerminal(0) == "Title 你好世界" + String(repeating: " ", count: 26))
        #expect(terminal.rowOnTerminal(1)?.hasPrefix("😀 ok cafe\u{301} ") == true)

        let bold = UInt32(truncatingIfNeeded: A_BOLD_value)
        let title = try #require(terminal.cellOnTerminal(x: 0, y: 0))
        #expect(title.text == "T")
        #expect(title.attributes & bold != 0)
        #expect(title.pair == 0)

        let cjk = try #require(terminal.cellOnTerminal(x: 6, y: 0))
        #expect(cjk.text == "你")
        #expect(cjk.attributes & bold == 0)

        let emoji = try #require(terminal.cellOnTerminal(x: 0, y: 1))
        #expect(emoji.text == "😀")
        #expect(emoji.attributes & bold != 0)
        let errorPair = terminal.look(of: .error).pair
        #expect(errorPair != 0)
        #expect(emoji.pair == errorPair)
        #expect(terminal.pairColours(errorPair)?.foreground == 1)
        #expect(terminal.pairColours(errorPair)?.background == -1)
        // The emphasis slot uses the same colours, so it shares the pair.
        #expect(terminal.look(of: .markdownEmphasis).pair == errorPair)

        let accent = try #require(terminal.cellOnTerminal(x: 9, y: 1))
        #expect(accent.text == "e\u{301}")
        #expect(accent.attributes & UInt32(truncatingIfNeeded: A_REVERSE_value) != 0)

        let link = try #require(terminal.cellOnTerminal(x: 0, y: 2))
        #expect(link.attributes & UInt32(truncatingIfNeeded: A_UNDERLINE_value) != 0)
        #expect(terminal.pairColours(link.pair)?.foreground == 77)

        let online = try #require(terminal.cellOnTerminal(x: 0, y: 3))
        #expect(terminal.pairColours(online.pair)?.foreground == 2)
        #expect(terminal.pairColours(online.pair)?.background == 0)

        #expect(terminal.rowOnTerminal(9)?.hasSuffix("end") == true)
    }

    @Test func redrawWritesOnlyTheDifference() throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        var screen = Self.sampleScreen(width: 40, height: 10)
        terminal.draw(screen)
        let full = pty.drain().count
        terminal.draw(screen)
        let unchanged = String(decoding: pty.drain(), as: UTF8.self)
        #expect(unchanged == "\u{1B}[?2026h\u{1B}[?2026l")
        screen.put("X", x: 20, y: 5, slot: .normal)
        terminal.draw(screen)
        let small = pty.drain()
        #expect(String(decoding: small, as: UTF8.self).contains("X"))
        #expect(small.count < 60)
        #expect(small.count < full / 4)
        #expect(terminal.rowOnTerminal(5)?.hasPrefix(String(repeating: " ", count: 20) + "X") == true)
    }

    @Test func resizingAThousandTimesKeepsRenderingCorrectly() throws {
        let (pty, terminal) = try Self.makeTerminal(width: 80, height: 24)
        defer { terminal.stop() }
        for round in 0..<1000 {
            for (width, height) in [(20, 5), (80, 24)] {
                pty.resize(width: width, height: height)
                // Test threads may block signals; the process-directed signal reaches some thread,
                // and the handler's pipe byte wakes this one.
                _ = kill(getpid(), SIGWINCH)
                var event: InputEvent?
                for _ in 0..<20 where event == nil { event = try terminal.readEvent(timeout: 100) }
                #expect(event == .resize(width: width, height: height))
                if event != .resize(width: width, height: height) { return }
                #expect(terminal.size.width == width && terminal.size.height == height)
                var screen = Screen(width: width, height: height)
                screen.put("r\(round) \(width)x\(height) 你好", x: 0, y: 0, slot: .title)
                screen.put("bottom", x: 0, y: height - 1, slot: .error)
                terminal.draw(screen)
                pty.drain()
                let top = terminal.rowOnTerminal(0) ?? ""
                let expected = "r\(round) \(width)x\(height) 你好"
                #expect(top.hasPrefix(expected), "round \(round) \(width)x\(height): \(top)")
                #expect(terminal.rowOnTerminal(height - 1)?.hasPrefix("bottom") == true)
                if top.hasPrefix(expected) == false { return }
            }
        }
    }

    @Test(arguments: [
        ("q", InputEvent.key(.character("q"))),
        ("你", .key(.character("你"))),
        ("😀", .key(.character("😀"))),
        ("\u{1B}OA", .key(.up)),
        ("\u{1B}OB", .key(.down)),
        ("\u{1B}[5~", .key(.pageUp)),
        ("\u{1B}[3~", .key(.delete)),
        ("\u{1B}OP", .key(.function(1))),
        ("\u{1B}[15~", .key(.function(5))),
        ("\u{1B}[1;2A", .key(.shiftUp)),
        ("\u{1B}[1;2B", .key(.shiftDown)),
        ("\u{1B}[1;5D", .key(.controlLeft)),
        ("\u{1B}[1;5C", .key(.controlRight)),
        ("\u{1B}[Z", .key(.backTab)),
        ("\u{7F}", .key(.backspace)),
        ("\u{08}", .key(.backspace)),
        ("\r", .key(.enter)),
        ("\t", .key(.tab)),
        (" ", .key(.space)),
        ("\u{13}", .key(.control("s"))),
        ("\u{03}", .key(.control("c"))),
        ("\u{1A}", .key(.control("z"))),
        ("\u{1F}", .key(.control("_"))),
        ("\u{1B}", .key(.escape)),
        ("\u{1B}x", .key(.alt("x"))),
        ("\u{1B}\r", .key(.altEnter)),
        ("\u{1B}\u{7F}", .key(.altBackspace)),
        ("\u{1B}[200~two\rlines \u{1B} ok\u{1B}[201~", .paste("two\rlines \u{1B} ok")),
    ])
    func decodesKeys(bytes: String, expected: InputEvent) throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        pty.type(bytes)
        var event: InputEvent?
        for _ in 0..<10 where event == nil { event = try terminal.readEvent(timeout: 100) }
        #expect(event == expected)
        #expect(try terminal.readEvent(timeout: 0) == nil)
    }

    @Test func decodesAKeyAfterAPasteAndKeepsOrder() throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        pty.type("a\u{1B}[200~x\ny\u{1B}[201~b")
        var events: [InputEvent] = []
        for _ in 0..<10 {
            if let event = try terminal.readEvent(timeout: 100) { events.append(event) }
            if events.count == 3 { break }
        }
        #expect(events == [.key(.character("a")), .paste("x\ny"), .key(.character("b"))])
    }

    @Test func decodesMousePressDragReleaseAndWheel() throws {
        let (pty, terminal) = try Self.makeTerminal(mouse: true)
        defer { terminal.stop() }
        // One report at a time, as a hand produces them.
        let reports = ["\u{1B}[<0;5;3M", "\u{1B}[<32;7;4M", "\u{1B}[<0;7;4m", "\u{1B}[<64;2;2M", "\u{1B}[<65;2;2M"]
        var events: [InputEvent] = []
        for report in reports {
            pty.type(report)
            var event: InputEvent?
            for _ in 0..<10 where event == nil { event = try terminal.readEvent(timeout: 100) }
            if let event { events.append(event) }
        }
        #expect(
            events == [
                .mouse(MouseEvent(kind: .press, x: 4, y: 2)),
                .mouse(MouseEvent(kind: .drag, x: 6, y: 3)),
                .mouse(MouseEvent(kind: .release, x: 6, y: 3)),
                .mouse(MouseEvent(kind: .wheelUp, x: 1, y: 1)),
                .mouse(MouseEvent(kind: .wheelDown, x: 1, y: 1)),
            ])
    }

    @Test func mouseModeAsksForMotionWhileAButtonIsDown() throws {
        let pty = try #require(PseudoTerminal(width: 40, height: 10))
        let terminal = CursesTerminal(
            input: pty.slave, output: pty.slave, term: "xterm-256color",
            options: CursesOptions(mouse: true, color: .always, handleSignals: false))
        try terminal.start()
        defer { terminal.stop() }
        terminal.draw(Self.sampleScreen(width: 40, height: 10))
        // Mode 1002 must come after ncurses' own mouse mode (a later 1000 would switch motion off).
        func motionModeIsLast(_ output: String) -> Bool {
            guard let motion = output.range(of: "\u{1B}[?1002h", options: .backwards) else { return false }
            guard let plain = output.range(of: "1000h", options: .backwards) else { return true }
            return plain.lowerBound < motion.lowerBound
        }
        #expect(motionModeIsLast(String(decoding: pty.drain(), as: UTF8.self)))
        terminal.suspend()
        let suspended = String(decoding: pty.drain(), as: UTF8.self)
        #expect(suspended.contains("\u{1B}[?1002l"))
        terminal.resume()
        terminal.draw(Self.sampleScreen(width: 40, height: 10))
        #expect(motionModeIsLast(String(decoding: pty.drain(), as: UTF8.self)))
    }

    @Test func wakeInterruptsABlockedRead() throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        _ = pty
        let waker = terminal.waker
        let thread = try #require(
            ThreadRunner {
                usleep(20_000)
                waker.wake()
            })
        let event = try terminal.readEvent(timeout: nil)
        thread.join()
        #expect(event == nil)
    }

    @Test func suspendTurnsPasteOffAndResumeRepaintsEverything() throws {
        let (pty, terminal) = try Self.makeTerminal()
        defer { terminal.stop() }
        let screen = Self.sampleScreen(width: 40, height: 10)
        terminal.draw(screen)
        pty.drain()
        terminal.suspend()
        #expect(terminal.isSuspended)
        let suspended = String(decoding: pty.drain(), as: UTF8.self)
        #expect(suspended.contains("\u{1B}[?2004l"))
        #expect(throws: CursesError.notRunning) { try terminal.readEvent(timeout: 0) }
        terminal.resume()
        terminal.draw(screen)
        let resumed = String(decoding: pty.drain(), as: UTF8.self)
        #expect(resumed.contains("\u{1B}[?2004h"))
        #expect(resumed.contains("Title"))
        #expect(resumed.contains("你好世界"))
    }

    @Test func stopRestoresPasteModeAndIsIdempotent() throws {
        let (pty, terminal) = try Self.makeTerminal(mouse: true)
        terminal.draw(Self.sampleScreen(width: 40, height: 10))
        pty.drain()
        terminal.stop()
        let restored = String(decoding: pty.drain(), as: UTF8.self)
        #expect(restored.contains("\u{1B}[?2004l"))
        #expect(!terminal.isRunning)
        terminal.stop()
        #expect(throws: CursesError.notRunning) { try terminal.readEvent(timeout: 0) }
    }

    @Test func signalRestoreWritesTheResetSequencesAndCookedModes() throws {
        let pty = try #require(PseudoTerminal(width: 40, height: 10))
        let terminal = CursesTerminal(
            input: pty.slave, output: pty.slave, term: "xterm-256color",
            options: CursesOptions(mouse: true, handleSignals: true))
        try terminal.start()
        defer { terminal.stop() }
        terminal.draw(Self.sampleScreen(width: 40, height: 10))
        pty.drain()
        var modes = termios()
        #expect(tcgetattr(pty.slave, &modes) == 0)
        #expect(modes.c_lflag & tcflag_t(ICANON) == 0)

        // What the SIGINT/SIGTERM/SIGHUP handler runs before re-raising the signal.
        CursesSignalRestore.restoreTerminal()
        let restored = String(decoding: pty.drain(), as: UTF8.self)
        #expect(restored.hasPrefix("\u{1B}[?2026l\u{1B}[?2004l\u{1B}[?1006l"))
        #expect(restored.contains("\u{1B}[?1049l"))
        #expect(restored.contains("\u{1B}[?25h"))
        #expect(tcgetattr(pty.slave, &modes) == 0)
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0)
        // A second signal finds nothing left to restore.
        CursesSignalRestore.restoreTerminal()
        #expect(pty.drain().isEmpty)
    }

    struct Boom: Error {}

    @Test func runStopsTheTerminalWhenTheBodyThrows() throws {
        let pty = try #require(PseudoTerminal(width: 40, height: 10))
        let terminal = CursesTerminal(
            input: pty.slave, output: pty.slave, term: "xterm-256color", options: CursesOptions(handleSignals: false))
        #expect(throws: Boom.self) {
            try terminal.run { running in
                running.draw(Self.sampleScreen(width: 40, height: 10))
                #expect(running.isRunning)
                throw Boom()
            }
        }
        #expect(!terminal.isRunning)
        #expect(String(decoding: pty.drain(), as: UTF8.self).contains("\u{1B}[?2004l"))
    }

    @Test func refusesAMissingOrUnusableTerminalWithoutExiting() throws {
        let pty = try #require(PseudoTerminal(width: 40, height: 10))
        let cases: [(String?, CursesError)] = [
            (nil, .termUnset),
            ("", .termUnset),
            ("no-such-terminal-oasst", .termUnknown("no-such-terminal-oasst")),
            ("dumb", .termUnusable("dumb")),
        ]
        for (term, expected) in cases {
            let terminal = CursesTerminal(
                input: pty.slave, output: pty.slave, term: term, options: CursesOptions(handleSignals: false))
            #expect(throws: expected) { try terminal.start() }
            #expect(!terminal.isRunning)
        }
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        let piped = CursesTerminal(
            input: fds[0], output: fds[1], term: "xterm-256color", options: CursesOptions(handleSignals: false))
        #expect(throws: CursesError.notATerminal(stream: "standard input")) { try piped.start() }
    }

    @Test func monochromeWhenColourIsRefused() throws {
        let pty = try #require(PseudoTerminal(width: 40, height: 10))
        let terminal = CursesTerminal(
            input: pty.slave, output: pty.slave, term: "xterm-256color",
            options: CursesOptions(color: .never, handleSignals: false))
        try terminal.start()
        defer { terminal.stop() }
        terminal.setTheme(Self.theme)
        #expect(terminal.colorDepth == .monochrome)
        #expect(terminal.look(of: .error).pair == 0)
        #expect(terminal.look(of: .error).attributes & UInt32(truncatingIfNeeded: A_BOLD_value) != 0)
    }

    @Test func reportsItsLibraryVersion() {
        #expect(CursesTerminal.libraryVersion.hasPrefix("ncurses"))
    }
}
