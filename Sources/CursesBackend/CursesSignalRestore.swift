import CNcursesw
import Glibc

/// What the SIGINT/SIGTERM/SIGHUP handler needs, prepared in normal context before the handler
/// is installed: the terminal's descriptor, its termios from before curses, and the bytes that
/// undo our modes. The handler only reads these.
///
/// Choice: the handler restores the terminal itself and re-raises the signal, rather than setting a
/// flag for the loop. Under `raw()` C-c is a key, so these signals come from `kill`, a closed
/// terminal (SIGHUP) or a shutdown; the loop may be blocked or gone, and the user's work is already
/// durable (drafts and the outbox are SQLite transactions). `write(2)`, `tcsetattr(3)`, `signal(2)`
/// and `raise(3)` are async-signal-safe; `endwin` is not, so the handler writes the restore
/// sequences (paste, mouse and synchronized output off, cursor visible, attributes reset, leave the
/// alternate screen, keypad off) captured from terminfo at start, resets the tty modes, and
/// re-raises with the default action so the exit status is 128+N.
enum CursesSignalRestore {
    /// The terminal's output descriptor, or -1 when nothing needs restoring.
    nonisolated(unsafe) static var descriptor: Int32 = -1
    /// Restore bytes (fixed allocation, never freed).
    nonisolated(unsafe) static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
    /// How many bytes of `buffer` are valid.
    nonisolated(unsafe) static var count = 0
    /// The tty modes from before curses started.
    nonisolated(unsafe) static let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// True when `savedModes` holds a valid value.
    nonisolated(unsafe) static var haveModes = false

    /// The wake-up pipe's write end for SIGWINCH, or -1.
    nonisolated(unsafe) static var resizeWakeDescriptor: Int32 = -1
    /// The byte SIGWINCH writes.
    nonisolated(unsafe) static let resizeByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    /// The signals whose default action would leave the terminal in raw mode.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Saves the tty modes of `fd` as they are before curses changes them.
    static func saveModes(of fd: Int32) {
        haveModes = tcgetattr(fd, savedModes) == 0
    }

    /// Arms the handler: from now on a signal writes `sequence` to `fd` (normal context).
    static func arm(descriptor fd: Int32, sequence: [UInt8]) {
        let length = min(sequence.count, 512)
        for index in 0..<length { buffer[index] = sequence[index] }
        count = length
        descriptor = fd
    }

    /// Installs the handler for every signal in `signals`.
    static func install() {
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signalNumber in
                CursesSignalRestore.handle(signalNumber)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
    }

    /// SIGWINCH only writes a byte into the loop's wake-up pipe: whichever thread the kernel picks,
    /// the loop's `poll` wakes and compares sizes (ncurses' own handler would only set a flag that
    /// a thread blocked in `poll` never sees).
    static func installResizeHandler(wakeDescriptor: Int32) {
        resizeByte.pointee = 2
        resizeWakeDescriptor = wakeDescriptor
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            let fd = CursesSignalRestore.resizeWakeDescriptor
            if fd >= 0 {
                let savedErrno = errno
                _ = write(fd, CursesSignalRestore.resizeByte, 1)
                errno = savedErrno
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGWINCH, &action, nil)
    }

    /// Forgets the wake-up pipe and restores the default SIGWINCH action.
    static func uninstallResizeHandler() {
        resizeWakeDescriptor = -1
        signal(SIGWINCH, SIG_DFL)
    }

    /// Puts the default dispositions back and forgets the descriptor (normal context).
    static func uninstall() {
        descriptor = -1
        for number in signals { signal(number, SIG_DFL) }
    }

    /// The handler body: async-signal-safe calls only.
    static func handle(_ signalNumber: Int32) {
        restoreTerminal()
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }

    /// Writes the restore bytes and puts the saved tty modes back, once (async-signal-safe).
    static func restoreTerminal() {
        let fd = descriptor
        guard fd >= 0 else { return }
        descriptor = -1
        _ = write(fd, buffer, count)
        if haveModes { _ = tcsetattr(fd, TCSADRAIN, savedModes) }
    }
}
