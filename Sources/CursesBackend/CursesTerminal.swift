import CNcursesw
import Glibc
import TerminalUI

/// The ncursesw terminal: the only place that writes to the screen or reads keys. One thread owns
/// an instance (start, draw, readEvent, suspend, stop); other threads may only call `waker.wake()`.
/// All pointer code for curses lives in this file.
public final class CursesTerminal {
    /// ncurses' `WINDOW*` as this build imports it.
    typealias WindowPointer = UnsafeMutablePointer<WINDOW>

    /// The ncurses version string, for `oasst --version`.
    public static var libraryVersion: String { String(cString: curses_version()) }

    /// Key code we assign to the bracketed-paste start marker `ESC[200~`.
    static let pasteStartCode: Int32 = 0x3F00
    /// Key code we assign to the bracketed-paste end marker `ESC[201~`.
    static let pasteEndCode: Int32 = 0x3F01

    /// The options given at creation.
    public let options: CursesOptions
    /// What the terminal can show, known after `start()`; the app picks a monochrome theme for `.monochrome`.
    public private(set) var colorDepth: CursesPalette.Depth = .monochrome
    /// True between `start()` and `stop()`.
    public private(set) var isRunning = false
    /// True between `suspend()` and `resume()`.
    public private(set) var isSuspended = false
    /// A thread-safe handle that interrupts a blocked `readEvent`.
    public let waker: CursesWaker

    private let inputFD: Int32
    private let outputFD: Int32
    private let termName: String?
    private let wakeReadFD: Int32
    private var inFile: UnsafeMutablePointer<FILE>?
    private var outFile: UnsafeMutablePointer<FILE>?
    private var screenPointer: OpaquePointer?
    private var window: WindowPointer?
    private var previous: Screen?
    private var theme = Theme(name: "plain", styles: [:])
    private var looks: [ThemeSlot: (attributes: attr_t, pair: Int16)] = [:]
    private var cursorVisibility: Int32 = -1
    private var controlLeftCode: Int32 = -1
    private var controlRightCode: Int32 = -1
    private var mouseButtonDown = false
    /// Set when curses mode (re)starts: the next `doupdate` re-sends terminfo's mouse mode, so mode
    /// 1002 has to be asked for again after it.
    private var motionModePending = false
    private var characterBuffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    /// A terminal on standard input and output, typed by `TERM`.
    public convenience init(options: CursesOptions = CursesOptions()) {
        let term = getenv("TERM").map { String(cString: $0) }
        self.init(input: STDIN_FILENO, output: STDOUT_FILENO, term: term, options: options)
    }

    /// A terminal on explicit descriptors (tests use a pseudo-terminal); `term` is the terminfo name.
    public init(input: Int32, output: Int32, term: String?, options: CursesOptions = CursesOptions()) {
        self.inputFD = input
        self.outputFD = output
        self.termName = term
        self.options = options
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        self.wakeReadFD = fds[0]
        self.waker = CursesWaker(descriptor: fds[1])
    }

    deinit {
        if isRunning { stop() }
        if wakeReadFD >= 0 { close(wakeReadFD) }
        if waker.descriptor >= 0 { close(waker.descriptor) }
    }

    // MARK: - Start and stop

    /// Checks the terminal, then starts curses: raw mode, keypad, bracketed paste, mouse (if asked)
    /// and colours. Throws a `CursesError` instead of letting ncurses print and exit.
    public func start() throws {
        guard !isRunning else { return }
        setlocale(LC_ALL, "")
        if options.requireTTY {
            guard isatty(inputFD) == 1 else { throw CursesError.notATerminal(stream: "standard input") }
            guard isatty(outputFD) == 1 else { throw CursesError.notATerminal(stream: "standard output") }
        }
        guard let term = termName, !term.isEmpty else { throw CursesError.termUnset }
        try Self.checkTerminfo(term, descriptor: outputFD)

        CursesSignalRestore.saveModes(of: outputFD)
        if options.handleSignals { CursesSignalRestore.install() }
        // Our SIGWINCH handler goes in before newterm, so ncurses leaves the signal to us.
        CursesSignalRestore.installResizeHandler(wakeDescriptor: waker.descriptor)

        let outDup = dup(outputFD)
        let inDup = dup(inputFD)
        outFile = fdopen(outDup, "w")
        inFile = fdopen(inDup, "r")
        guard let outFile, let inFile, let screen = newterm(term, outFile, inFile) else {
            closeFiles()
            CursesSignalRestore.uninstallResizeHandler()
            if options.handleSignals { CursesSignalRestore.uninstall() }
            throw CursesError.newtermFailed(term)
        }
        screenPointer = screen
        _ = set_term(screen)
        guard let window = oasst_stdscr() else {
            endwin()
            delscreen(screen)
            screenPointer = nil
            closeFiles()
            throw CursesError.newtermFailed(term)
        }
        self.window = window
        isRunning = true

        raw()
        noecho()
        nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = leaveok(window, false)
        _ = set_escdelay(25)
        wtimeout(window, 0)
        _ = define_key("\u{1B}[200~", Self.pasteStartCode)
        _ = define_key("\u{1B}[201~", Self.pasteEndCode)
        controlLeftCode = Self.keyCode(capability: "kLFT5")
        controlRightCode = Self.keyCode(capability: "kRIT5")

        setUpColours()
        applyTheme()
        enableModes()
        if options.handleSignals { CursesSignalRestore.arm(descriptor: outputFD, sequence: restoreSequence()) }
        previous = nil
    }

    /// Starts the terminal, runs `body`, and stops it again whether `body` returns or throws.
    public func run<Result>(_ body: (CursesTerminal) throws -> Result) throws -> Result {
        try start()
        defer { stop() }
        return try body(self)
    }

    /// Restores the terminal: paste and mouse modes off, `endwin`. Safe to call more than once.
    public func stop() {
        guard isRunning else { return }
        if options.handleSignals { CursesSignalRestore.uninstall() }
        CursesSignalRestore.uninstallResizeHandler()
        if !isSuspended {
            disableModes()
            endwin()
        }
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
        window = nil
        closeFiles()
        isRunning = false
        isSuspended = false
        previous = nil
    }

    /// Leaves curses mode for an external editor or job control: modes off, `endwin`.
    public func suspend() {
        guard isRunning, !isSuspended else { return }
        disableModes()
        def_prog_mode()
        endwin()
        isSuspended = true
    }

    /// Returns to curses mode after `suspend()` and schedules a full redraw.
    public func resume() {
        guard isRunning, isSuspended, let window else { return }
        reset_prog_mode()
        isSuspended = false
        enableModes()
        _ = clearok(window, true)
        previous = nil
        cursorVisibility = -1
    }

    /// C-z under `raw()`: suspends, stops the process (SIGSTOP, which ncurses does not intercept),
    /// and resumes when the shell continues it.
    public func suspendForJobControl() {
        suspend()
        raise(SIGSTOP)
        resume()
    }

    /// Forgets what is on the terminal, so the next `draw` repaints everything (C-l).
    public func invalidate() {
        guard let window else { return }
        _ = clearok(window, true)
        previous = nil
    }

    /// The terminal's current size in cells.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        oasst_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Interrupts a `readEvent` blocked on another thread (same as `waker.wake()`).
    public func wake() { waker.wake() }

    // MARK: - Colours

    /// Chooses the colour depth and starts colour support.
    private func setUpColours() {
        let noColor = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        let wanted: Bool
        switch options.color {
        case .always: wanted = true
        case .never: wanted = false
        case .auto: wanted = !noColor
        }
        guard wanted, has_colors() else {
            colorDepth = .monochrome
            return
        }
        start_color()
        _ = use_default_colors()
        let rgb = tigetflag("RGB") > 0
        colorDepth = CursesPalette.depth(colors: Int(oasst_COLORS()), hasColors: true, direct: rgb)
    }

    /// Uses `theme` from the next draw on; colour pairs are built once here, one per distinct fg/bg.
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        if isRunning { applyTheme() }
    }

    /// Builds the slot → (attributes, pair) table for the current theme.
    private func applyTheme() {
        var pairs: [PairKey: Int16] = [:]
        var looks: [ThemeSlot: (attributes: attr_t, pair: Int16)] = [:]
        let maxPairs = Int(oasst_COLOR_PAIRS())
        for slot in ThemeSlot.allCases {
            let style = theme[slot]
            var attributes = oasst_A_NORMAL()
            if style.bold { attributes |= oasst_A_BOLD() }
            if style.dim { attributes |= oasst_A_DIM() }
            if style.underline { attributes |= oasst_A_UNDERLINE() }
            if style.reverse { attributes |= oasst_A_REVERSE() }
            if style.italic { attributes |= oasst_A_ITALIC() }
            var pair: Int16 = 0
            if colorDepth != .monochrome {
                let key = PairKey(
                    foreground: CursesPalette.number(for: style.foreground, depth: colorDepth),
                    background: CursesPalette.number(for: style.background, depth: colorDepth))
                if key.foreground != -1 || key.background != -1 {
                    if let existing = pairs[key] {
                        pair = existing
                    } else if pairs.count + 1 < min(maxPairs, Int(Int16.max)) {
                        let number = Int16(pairs.count + 1)
                        if init_extended_pair(Int32(number), key.foreground, key.background) == OK {
                            pairs[key] = number
                            pair = number
                        }
                    }
                }
            }
            looks[slot] = (attributes, pair)
        }
        self.looks = looks
        previous = nil
    }

    /// The pair number and attributes `draw` uses for a slot (for tests and diagnostics).
    public func look(of slot: ThemeSlot) -> (attributes: UInt32, pair: Int) {
        let look = looks[slot] ?? (oasst_A_NORMAL(), 0)
        return (UInt32(truncatingIfNeeded: look.attributes), Int(look.pair))
    }

    /// The foreground and background colour numbers of a pair (for tests and diagnostics).
    public func pairColours(_ pair: Int) -> (foreground: Int, background: Int)? {
        guard isRunning else { return nil }
        var foreground: Int32 = 0
        var background: Int32 = 0
        guard extended_pair_content(Int32(pair), &foreground, &background) == OK else { return nil }
        return (Int(foreground), Int(background))
    }

    // MARK: - Drawing

    /// Writes the difference between `screen` and the last drawn screen, then one `doupdate`,
    /// inside synchronized output; positions or hides the cursor from `screen.cursor`.
    public func draw(_ screen: Screen) {
        guard isRunning, !isSuspended, let window else { return }
        var rows: Int32 = 0
        var columns: Int32 = 0
        oasst_getmaxyx(window, &rows, &columns)
        let changes: [ScreenChange]
        if let previous, previous.width == screen.width, previous.height == screen.height {
            changes = screen.diff(from: previous)
        } else {
            _ = werase(window)
            changes = screen.diff(from: Screen(width: 0, height: 0))
        }
        var cell = cchar_t()
        for change in changes where change.y < Int(rows) {
            var x = change.x
            for item in change.cells {
                defer { x += 1 }
                if item.isContinuation || x >= Int(columns) { continue }
                let look = looks[item.slot] ?? (oasst_A_NORMAL(), 0)
                var text = item.text
                if item.width == 2 && x + 1 >= Int(columns) { text = " " }
                fill(&cell, text: text, look: look)
                _ = mvwadd_wch(window, Int32(change.y), Int32(x), &cell)
            }
        }
        var wantVisible: Int32 = 0
        if let cursor = screen.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < Int(columns), cursor.y < Int(rows) {
            wantVisible = 1
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            _ = leaveok(window, false)
        } else {
            _ = leaveok(window, true)
        }
        if wantVisible != cursorVisibility {
            _ = curs_set(wantVisible)
            cursorVisibility = wantVisible
        }
        _ = wnoutrefresh(window)
        // ncurses flushes its own buffer at the end of each call that writes (curs_set, doupdate),
        // so these raw writes land in order around the update.
        writeRaw("\u{1B}[?2026h")
        _ = doupdate()
        if motionModePending {
            writeRaw("\u{1B}[?1002h")
            motionModePending = false
        }
        writeRaw("\u{1B}[?2026l")
        previous = screen
    }

    /// Fills a `cchar_t` with one cell's text (one spacing scalar plus up to four combining ones).
    private func fill(_ cell: inout cchar_t, text: String, look: (attributes: attr_t, pair: Int16)) {
        var count = 0
        for scalar in text.unicodeScalars where count < characterBuffer.count - 1 {
            characterBuffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 {
            characterBuffer[0] = 0x20
            count = 1
        }
        characterBuffer[count] = 0
        _ = setcchar(&cell, characterBuffer, look.attributes, look.pair, nil)
    }

    /// What curses holds at a cell of the virtual screen: the text, its attributes (colour bits
    /// removed) and its pair. For tests that read the drawing back.
    public func cellOnTerminal(x: Int, y: Int) -> (text: String, attributes: UInt32, pair: Int)? {
        guard isRunning, let window else { return nil }
        var cell = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &cell) == OK else { return nil }
        var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        guard getcchar(&cell, &buffer, &attributes, &pair, nil) != ERR else { return nil }
        var text = ""
        for value in buffer {
            if value == 0 { break }
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
        }
        let pairNumber = Int(oasst_cchar_pair(&cell))
        let attributeBits = UInt32(truncatingIfNeeded: attributes & oasst_A_ATTRIBUTES())
        let colourBits = UInt32(truncatingIfNeeded: COLOR_PAIR(Int32(pairNumber & 0xFF)))
        return (text, attributeBits & ~colourBits, pairNumber)
    }

    /// One row of the virtual screen as text, read with `mvwin_wchnstr` (continuation cells skipped).
    public func rowOnTerminal(_ y: Int) -> String? {
        guard isRunning, let window else { return nil }
        let columns = size.width
        var cells = [cchar_t](repeating: cchar_t(), count: columns + 1)
        guard mvwin_wchnstr(window, Int32(y), 0, &cells, Int32(columns)) != ERR else { return nil }
        var text = ""
        var buffer = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        // ncurses copies whole characters and leaves out the continuation halves of wide ones.
        for index in 0..<columns {
            guard getcchar(&cells[index], &buffer, &attributes, &pair, nil) != ERR else { return nil }
            if buffer[0] == 0 { break }
            for value in buffer {
                if value == 0 { break }
                if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { text.unicodeScalars.append(scalar) }
            }
        }
        return text
    }

    // MARK: - Input

    /// Waits up to `timeout` milliseconds (nil: forever) for input or a `wake()`, and returns the
    /// next event; nil after a timeout or a wake-up. Throws `CursesError.notRunning` when stopped,
    /// and `CursesError.inputClosed` when the terminal has gone away.
    public func readEvent(timeout: Int? = nil) throws -> InputEvent? {
        guard isRunning, !isSuspended else { throw CursesError.notRunning }
        if let event = nextEvent() { return event }
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeReadFD, events: Int16(POLLIN), revents: 0),
        ]
        let result = poll(&fds, 2, Int32(clamping: timeout ?? -1))
        if result < 0 {
            // A signal interrupted poll: SIGWINCH on this thread, most likely.
            return errno == EINTR ? (checkResize() ?? nextEvent()) : nil
        }
        if fds[1].revents != 0 {
            drainWakePipe()
            if let resize = checkResize() { return resize }
        }
        if fds[0].revents & Int16(POLLIN) != 0 { return nextEvent() }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { throw CursesError.inputClosed }
        return nil
    }

    /// Reads what is already available without waiting (beyond ncurses' escape-sequence delay).
    private func nextEvent() -> InputEvent? {
        guard let window else { return nil }
        for _ in 0..<64 {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { return nil }
            let event: InputEvent?
            if status == KEY_CODE_YES {
                event = mapKeyCode(Int32(bitPattern: character))
            } else {
                event = mapCharacter(character)
            }
            if let event { return event }
        }
        return nil
    }

    /// Maps a character (status OK) to an event; ESC looks for an Alt combination.
    private func mapCharacter(_ character: wint_t) -> InputEvent? {
        if character == 0x1B {
            guard let window else { return .key(.escape) }
            var next: wint_t = 0
            let status = wget_wch(window, &next)
            if status == ERR { return .key(.escape) }
            if status == KEY_CODE_YES {
                let code = Int32(bitPattern: next)
                if code == KEY_BACKSPACE { return .key(.altBackspace) }
                if code == KEY_ENTER { return .key(.altEnter) }
                _ = ungetch(code)
                return .key(.escape)
            }
            switch next {
            case 0x0D, 0x0A: return .key(.altEnter)
            case 0x7F, 0x08: return .key(.altBackspace)
            case 0x1B: return .key(.escape)
            default:
                if next < 0x20 { return .key(.escape) }
                guard let scalar = Unicode.Scalar(next) else { return .key(.escape) }
                return .key(.alt(Character(scalar)))
            }
        }
        return Self.key(forCharacter: character).map { .key($0) }
    }

    /// The key for a plain character code (no ESC prefix).
    static func key(forCharacter character: wint_t) -> Key? {
        switch character {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x20: return .space
        case 0x1B: return .escape
        case 0x00: return .control("@")
        case 0x01...0x1A:
            guard let scalar = Unicode.Scalar(character + 0x60) else { return nil }
            return .control(Character(scalar))
        case 0x1C: return .control("\\")
        case 0x1D: return .control("]")
        case 0x1E: return .control("^")
        case 0x1F: return .control("_")
        default:
            if (0x80...0x9F).contains(character) { return nil }
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Maps a function-key code (status KEY_CODE_YES) to an event.
    private func mapKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            let size = self.size
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            return readMouse()
        case Self.pasteStartCode:
            return .paste(readPaste())
        case Self.pasteEndCode:
            return nil
        case controlLeftCode where code >= 0:
            return .key(.controlLeft)
        case controlRightCode where code >= 0:
            return .key(.controlRight)
        default:
            for number in 1...12 where oasst_KEY_F(Int32(number)) == code {
                return .key(.function(number))
            }
            return Self.key(forKeyCode: code).map { .key($0) }
        }
    }

    /// The key for a fixed ncurses key code.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SR: return .shiftUp
        case KEY_SF: return .shiftDown
        default: return nil
        }
    }

    /// Reads a bracketed paste up to its end marker (or until input stops for a second).
    private func readPaste() -> String {
        guard let window else { return "" }
        var text = ""
        wtimeout(window, 1000)
        defer { wtimeout(window, 0) }
        while true {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == Self.pasteEndCode { break }
                if code == KEY_ENTER { text += "\n" }
                continue
            }
            if let scalar = Unicode.Scalar(character) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// Turns the pending mouse report into an event (motion without a button is ignored).
    private func readMouse() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let x = Int(event.x)
        let y = Int(event.y)
        if state & oasst_BUTTON4_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if state & oasst_BUTTON5_PRESSED() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if state & oasst_BUTTON1_PRESSED() != 0 {
            mouseButtonDown = true
            return .mouse(MouseEvent(kind: .press, x: x, y: y))
        }
        if state & (oasst_BUTTON1_RELEASED() | oasst_BUTTON1_CLICKED()) != 0 {
            mouseButtonDown = false
            return .mouse(MouseEvent(kind: .release, x: x, y: y))
        }
        if state & oasst_REPORT_MOUSE_POSITION() != 0, mouseButtonDown {
            return .mouse(MouseEvent(kind: .drag, x: x, y: y))
        }
        return nil
    }

    /// After SIGWINCH (which only wakes the pipe): compares the tty's size with curses' and, when it
    /// changed, resizes curses (`resize_term`, which queues no second KEY_RESIZE).
    private func checkResize() -> InputEvent? {
        var windowSize = winsize()
        guard ioctl(outputFD, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_row > 0, windowSize.ws_col > 0
        else { return nil }
        let width = Int(windowSize.ws_col)
        let height = Int(windowSize.ws_row)
        let current = size
        guard current.width != width || current.height != height else { return nil }
        _ = resize_term(Int32(height), Int32(width))
        previous = nil
        return .resize(width: width, height: height)
    }

    /// Empties the wake-up pipe.
    private func drainWakePipe() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakeReadFD, &bytes, bytes.count) > 0 {}
    }

    // MARK: - Terminal modes

    /// Bracketed paste on; mouse reporting on when asked, including motion while a button is down
    /// (xterm mode 1002: terminfo's `XM` only asks for presses and releases, so no drags otherwise).
    private func enableModes() {
        writeRaw("\u{1B}[?2004h")
        if options.mouse {
            _ = mousemask(oasst_ALL_MOUSE_EVENTS() | oasst_REPORT_MOUSE_POSITION(), nil)
            _ = mouseinterval(0)
            writeRaw("\u{1B}[?1002h")
            motionModePending = true
        }
    }

    /// Bracketed paste and mouse reporting off.
    private func disableModes() {
        if options.mouse {
            writeRaw("\u{1B}[?1002l")
            _ = mousemask(0, nil)
        }
        writeRaw("\u{1B}[?2004l")
    }

    /// The bytes the signal handler writes: our modes off, then terminfo's own reset strings.
    private func restoreSequence() -> [UInt8] {
        var bytes = Array("\u{1B}[?2026l\u{1B}[?2004l".utf8)
        if options.mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = Self.stringCapability(capability) { bytes += Array(value.utf8) }
        }
        return bytes
    }

    /// Writes bytes straight to the terminal, after anything ncurses has already flushed.
    private func writeRaw(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(outputFD, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        bytes.removeAll()
    }

    private func closeFiles() {
        if let outFile { fclose(outFile) }
        if let inFile { fclose(inFile) }
        outFile = nil
        inFile = nil
    }

    // MARK: - terminfo

    /// Fails unless terminfo knows `term` and it can address the cursor; never prints or exits.
    static func checkTerminfo(_ term: String, descriptor: Int32) throws {
        var status: Int32 = 0
        guard setupterm(term, descriptor, &status) == OK else { throw CursesError.termUnknown(term) }
        let usable = stringCapability("cup") != nil
        if let old = set_curterm(nil) { _ = del_curterm(old) }
        if !usable { throw CursesError.termUnusable(term) }
    }

    /// A terminfo string capability of the current terminal, or nil when absent.
    static func stringCapability(_ name: String) -> String? {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
        return String(cString: value)
    }

    /// The key code ncurses assigned to an extended key capability (e.g. `kLFT5`), or -1.
    static func keyCode(capability name: String) -> Int32 {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return -1 }
        let code = key_defined(value)
        return code > 0 ? code : -1
    }
}

/// A colour pair's two colour numbers, the key that keeps pairs distinct.
private struct PairKey: Hashable {
    var foreground: Int32
    var background: Int32
}
