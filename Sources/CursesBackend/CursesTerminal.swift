import CNcursesw
import TerminalUI

/// The ncursesw terminal: the only place that writes to the screen.
public enum CursesTerminal {
    /// The ncurses version string, for `oasst --version`.
    public static var libraryVersion: String { String(cString: curses_version()) }
}
