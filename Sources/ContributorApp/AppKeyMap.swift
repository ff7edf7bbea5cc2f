import TerminalUI

/// The effective key map: the built-in keys of the `Command` table plus a user's overrides, held
/// in TerminalUI's generic `KeyMap` (contexts and actions by name). Dispatch, the help overlay,
/// the status-bar hints and the generated docs all read it.
public struct AppKeyMap: Equatable, Sendable {
    /// The generic map underneath (context name → action name → sequences).
    public private(set) var map: KeyMap

    /// The built-in map, from `Command.defaultKeys`.
    public static let defaults: AppKeyMap = {
        var bindings: [String: [String: [[Key]]]] = [:]
        for command in Command.allCases {
            bindings[command.context.rawValue, default: [:]][command.rawValue] = command.defaultKeys.compactMap {
                try? KeyName.parse($0)
            }
        }
        return AppKeyMap(map: KeyMap(bindings: bindings))
    }()

    /// Wraps a generic map (use `defaults` or `KeyMapFile.load`).
    public init(map: KeyMap) {
        self.map = map
    }

    /// Context name → its action names, for validating user files.
    public static var knownActions: [String: Set<String>] {
        var known: [String: Set<String>] = [:]
        for command in Command.allCases { known[command.context.rawValue, default: []].insert(command.rawValue) }
        return known
    }

    /// The first clash inside one context (same keys twice, or a prefix), as `file:line: message`.
    public func conflict() -> String? {
        do {
            try map.validate()
            return nil
        } catch {
            return error.description
        }
    }

    /// The key sequences of a command.
    public func keys(for command: Command) -> [[Key]] {
        map.sequences(for: command.rawValue, in: command.context.rawValue)
    }

    /// The keys of a command in key-name notation: `j <Down>`, or `unbound`.
    public func keyNames(for command: Command) -> String { KeyName.describe(keys(for: command)) }

    /// What a run of pending keys means in the given contexts, searched in order.
    public enum Resolution: Equatable, Sendable {
        /// A complete binding of a command.
        case command(Command)
        /// The start of a longer binding: wait for more keys.
        case prefix
        /// No binding.
        case none
    }

    /// Resolves `pending` against the contexts in order; `insideEditor` ignores bindings that start
    /// with a key the editor uses for text or movement, so typing is never stolen.
    public func resolve(_ pending: [Key], contexts: [CommandContext], insideEditor: Bool = false) -> Resolution {
        let pending = pending.map { KeyName.normalized($0) }
        var isPrefix = false
        for context in contexts {
            for command in Command.allCases where command.context == context {
                for sequence in keys(for: command) {
                    if insideEditor, let first = sequence.first, AppKeyMap.isTextKey(first) { continue }
                    if sequence == pending { return .command(command) }
                    if sequence.count > pending.count && Array(sequence.prefix(pending.count)) == pending {
                        isPrefix = true
                    }
                }
            }
        }
        return isPrefix ? .prefix : .none
    }

    /// Keys that type text or move inside the editor; bindings that start with one act only outside it.
    public static func isTextKey(_ key: Key) -> Bool {
        switch key {
        case .character, .space, .enter, .tab, .backspace, .altBackspace, .delete, .left, .right, .up, .down, .home,
            .end, .controlLeft, .controlRight:
            return true
        case .control(let character):
            return TextEditor.consumes(.control(character))
        case .alt(let character):
            return TextEditor.consumes(.alt(character))
        case .altEnter, .escape, .backTab, .insert, .shiftUp, .shiftDown, .pageUp, .pageDown, .function:
            return false
        }
    }
}
