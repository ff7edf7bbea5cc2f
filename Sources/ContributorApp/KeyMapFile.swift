import TerminalUI

/// Reads a user's `keys.toml` (only what differs from the built-in map) into an `AppKeyMap`:
/// errors carry `file:line`; binding keys that terminals or multiplexers own gives warnings.
public enum KeyMapFile {
    /// Keys better left unbound (flow control, signals, tmux/screen prefixes) and why.
    public static let discouraged: [Key: String] = [
        .control("q"): "XON/XOFF flow control", .control("z"): "suspend (job control)",
        .control("\\"): "SIGQUIT", .control("b"): "the tmux prefix", .control("a"): "the GNU screen prefix",
    ]

    /// The effective map and any warnings, or the first error as `file:line: message`.
    public static func load(text: String, file: String) throws(TOMLError) -> (map: AppKeyMap, warnings: [String]) {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text, file: file)
        } catch let error as TOMLError {
            throw error
        } catch {
            throw TOMLError(file: file, line: 1, message: "\(error)")
        }
        var overrides: [String: [String: [String]]] = [:]
        var lines: [String: Int] = [:]
        var warnings: [String] = []
        for (contextName, value) in document.root.entries {
            guard let table = value.table else {
                throw document.error("'\(contextName)' must be a table such as [global]", line: value.line)
            }
            lines[contextName] = table.line
            var actions: [String: [String]] = [:]
            for (action, keysValue) in table.entries {
                lines["\(contextName).\(action)"] = keysValue.line
                guard let array = keysValue.array else {
                    throw document.error("\(action) must be a list of key names, e.g. [\"q\"]", line: keysValue.line)
                }
                var names: [String] = []
                for element in array {
                    guard let name = element.string else {
                        throw document.error("key names are strings, got \(element.typeName)", line: element.line)
                    }
                    names.append(name)
                    if let first = KeyNotation.parse(name)?.first, let why = discouraged[first] {
                        warnings.append("\(file):\(element.line): \(name) is usually \(why); consider another key")
                    }
                }
                actions[action] = names
            }
            overrides[contextName] = actions
        }
        do {
            return (try AppKeyMap(overrides: overrides, lines: lines), warnings)
        } catch {
            throw TOMLError(file: file, line: error.line ?? 1, message: error.message)
        }
    }
}
