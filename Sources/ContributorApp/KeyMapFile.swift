import TerminalUI

/// Reads a user's `keys.toml` (only what differs from the built-in map) through TerminalUI's
/// `KeyMap.overlaying`: errors carry `file:line`; keys that terminals or multiplexers own warn.
public enum KeyMapFile {
    /// Keys better left unbound (TERMINAL.md §1.2) and why.
    public static let discouraged: [String: String] = [
        "<C-q>": "XON/XOFF flow control", "<C-z>": "suspend (job control)", "<C-\\>": "SIGQUIT",
        "<C-b>": "the tmux prefix", "<C-a>": "the GNU screen prefix",
    ]

    /// The effective map and any warnings, or the first error as `file:line: message`.
    public static func load(
        text: String, file: String, base: AppKeyMap = .defaults
    ) throws(TOMLError) -> (map: AppKeyMap, warnings: [TOMLError]) {
        let (map, warnings) = try base.map.overlaying(
            toml: text, file: file, known: AppKeyMap.knownActions, discouraged: discouraged)
        return (AppKeyMap(map: map), warnings)
    }
}
