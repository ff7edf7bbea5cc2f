import TerminalUI

/// `docs/keybindings.md`, generated from the `Command` table and a key map (a test keeps it fresh).
public enum KeyBindingsDocument {
    /// The document as Markdown.
    public static func markdown(keyMap: AppKeyMap = .defaults) -> String {
        var out = """
            # Key bindings

            Generated from the `Command` table in `Sources/ContributorApp/Command.swift`; do not edit by hand.
            Regenerate with `UPDATE_KEYBINDINGS_DOC=1 swift test --filter KeyBindingsDocTests`.

            Override keys in `$XDG_CONFIG_HOME/oasst/keys.toml`: one table per context, each action a list of
            key names (`[]` unbinds it). Only the differences from this table are needed:

            ```toml
            [global]
            queue = ["o", "<F4>"]
            [ranking]
            move-up = ["K", "<S-Up>"]
            ```

            Inside the reply editor only bindings that start with a non-text key act (`F1`, `Esc`, `C-s`,
            `M-Enter`, `C-x C-e`, `C-c`); everything else is typed or handled by the readline keys.

            The mouse (on unless `--no-mouse` or `mouse = false` in the config): the wheel scrolls the
            conversation, a click picks a row of the start screen or the queue, and a reply being ranked can
            be dragged: press on it, move over the other rows (it moves as you go), release to drop it there.
            Releasing outside the list or pressing `Esc` puts it back; `undo` takes back the whole move.

            """
        for context in CommandContext.allCases {
            out += "\n## \(context.title) (`[\(context.rawValue)]`)\n\n"
            out += "| action | keys | what it does |\n|---|---|---|\n"
            for command in Command.allCases where command.context == context {
                let keys = keyMap.keys(for: command).map { "`" + KeyName.name($0).replacingPipes + "`" }
                out += "| `\(command.rawValue)` | \(keys.isEmpty ? "unbound" : keys.joined(separator: " ")) | "
                out += command.helpText.replacingPipes + " |\n"
            }
        }
        return out
    }
}

extension String {
    /// Escapes `|` for a Markdown table cell.
    var replacingPipes: String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
