/// Why the curses terminal could not start; each message says what to do instead.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe or a file).
    case notATerminal(stream: String)
    /// `TERM` is unset or empty.
    case termUnset
    /// No terminfo entry exists for `TERM`.
    case termUnknown(String)
    /// The terminfo entry cannot drive a full-screen program (e.g. `dumb`: no cursor addressing).
    case termUnusable(String)
    /// `newterm` failed after the checks passed.
    case newtermFailed(String)
    /// The terminal was already stopped, or never started.
    case notRunning
    /// The terminal's input has closed (hang-up).
    case inputClosed

    /// A one-line explanation with a hint.
    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; run oasst in a terminal, or use a subcommand such as `oasst queue`"
        case .termUnset:
            return "TERM is not set; set it to your terminal's type, e.g. TERM=xterm-256color"
        case .termUnknown(let name):
            return "unknown terminal type TERM=\(name); install its terminfo entry or use TERM=xterm-256color"
        case .termUnusable(let name):
            return
                "terminal type TERM=\(name) cannot position the cursor; a full-screen UI needs e.g. TERM=xterm-256color"
        case .newtermFailed(let name):
            return "could not start curses on TERM=\(name)"
        case .notRunning:
            return "the terminal is not running"
        case .inputClosed:
            return "the terminal has closed"
        }
    }
}
