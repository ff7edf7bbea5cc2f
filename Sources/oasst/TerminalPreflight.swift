import Foundation

/// Checks, before curses is touched, that the UI can run here: a terminal on stdin and stdout,
/// a usable `TERM`, and a UTF-8 locale. Each failure is one clear message, never ncurses' own exit.
enum TerminalPreflight {
    /// Throws a `FatalError` naming the first problem found.
    static func check(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw FatalError(
                "the interactive UI needs a terminal on stdin and stdout; "
                    + "for scripts use `oasst queue`, `oasst serve` or `oasst export`")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw FatalError(
                "TERM is \(term.isEmpty ? "not set" : "“dumb”"); set it to your terminal, e.g. TERM=xterm-256color")
        }
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw FatalError(
                "the locale's character set is \(codeset), not UTF-8; run with a UTF-8 locale, e.g. LANG=C.UTF-8")
        }
    }
}
