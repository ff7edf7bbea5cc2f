import TerminalUI

/// The effective key map: the built-in keys of the `Command` table plus a user's overrides.
/// Dispatch, the help overlay, the status-bar hints and the generated docs all read it.
public struct AppKeyMap: Equatable, Sendable {
    /// Key sequences per command (empty = unbound).
    public private(set) var bindings: [Command: [[Key]]]

    /// The built-in map.
    public static let defaults: AppKeyMap = {
        var bindings: [Command: [[Key]]] = [:]
        for command in Command.allCases {
            bindings[command] = command.defaultKeys.compactMap { KeyNotation.parse($0) }
        }
        return AppKeyMap(bindings: bindings)
    }()

    init(bindings: [Command: [[Key]]]) {
        self.bindings = bindings
    }

    /// The built-in map with `overrides` applied: context name → action name → key names, where
    /// `[]` unbinds. Unknown contexts, actions or key names, a key bound twice in one context and a
    /// prefix clash (`g` against `gg`) are errors. `lines` maps "context.action" to a file line.
    public init(overrides: [String: [String: [String]]], lines: [String: Int] = [:]) throws(KeyMapError) {
        var result = AppKeyMap.defaults.bindings
        for (contextName, actions) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let context = CommandContext(rawValue: contextName) else {
                throw KeyMapError("unknown context [\(contextName)]", line: lines[contextName])
            }
            for (actionName, keyNames) in actions.sorted(by: { $0.key < $1.key }) {
                let where_ = "\(contextName).\(actionName)"
                guard let command = Command(rawValue: actionName), command.context == context else {
                    throw KeyMapError("unknown action '\(actionName)' in [\(contextName)]", line: lines[where_])
                }
                var sequences: [[Key]] = []
                for keyName in keyNames {
                    guard let keys = KeyNotation.parse(keyName) else {
                        throw KeyMapError("unknown key name '\(keyName)' for \(where_)", line: lines[where_])
                    }
                    sequences.append(keys)
                }
                result[command] = sequences
            }
        }
        let map = AppKeyMap(bindings: result)
        if let (problem, commands) = map.clash() {
            let line = commands.compactMap { lines["\($0.context.rawValue).\($0.rawValue)"] }.max()
            throw KeyMapError(problem, line: line)
        }
        self = map
    }

    /// The first clash inside one context (same keys twice, or one sequence a prefix of another).
    public func conflict() -> String? { clash()?.message }

    /// The first clash and the two commands involved.
    func clash() -> (message: String, commands: [Command])? {
        for context in CommandContext.allCases {
            let entries = Command.allCases.filter { $0.context == context }.flatMap { command in
                (bindings[command] ?? []).map { (command, $0) }
            }
            for (i, a) in entries.enumerated() {
                for b in entries[(i + 1)...] {
                    let shorter = a.1.count <= b.1.count ? a.1 : b.1
                    let longer = a.1.count <= b.1.count ? b.1 : a.1
                    guard Array(longer.prefix(shorter.count)) == shorter else { continue }
                    if a.0 == b.0 && a.1 == b.1 { continue }
                    let what = shorter == longer ? "bound twice" : "a prefix of \(KeyNotation.name(longer))"
                    let message =
                        "[\(context.rawValue)] \(KeyNotation.name(shorter)) is \(what): "
                        + "\(a.0.rawValue) and \(b.0.rawValue)"
                    return (message, [a.0, b.0])
                }
            }
        }
        return nil
    }

    /// The key sequences of a command.
    public func keys(for command: Command) -> [[Key]] { bindings[command] ?? [] }

    /// The keys of a command as shown in help: `j <Down>`, or `unbound`.
    public func keyNames(for command: Command) -> String {
        let sequences = keys(for: command)
        return sequences.isEmpty ? "unbound" : sequences.map { KeyNotation.name($0) }.joined(separator: " ")
    }

    /// What a run of pending keys means in the given contexts, searched in order.
    public enum Resolution: Equatable, Sendable {
        /// A complete binding of a command.
        case command(Command)
        /// The start of a longer binding: wait for more keys.
        case prefix
        /// No binding.
        case none
    }

    /// Resolves `pending` against the contexts in order; `insideEditor` ignores bindings that start with a text key.
    public func resolve(_ pending: [Key], contexts: [CommandContext], insideEditor: Bool = false) -> Resolution {
        var isPrefix = false
        for context in contexts {
            for command in Command.allCases where command.context == context {
                for sequence in keys(for: command) {
                    if insideEditor, let first = sequence.first, KeyNotation.isTextKey(first) { continue }
                    if sequence == pending { return .command(command) }
                    if sequence.count > pending.count && Array(sequence.prefix(pending.count)) == pending {
                        isPrefix = true
                    }
                }
            }
        }
        return isPrefix ? .prefix : .none
    }
}
