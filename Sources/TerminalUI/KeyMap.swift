/// A generic key map: context name → action name → key sequences. The app defines the contexts,
/// actions and built-in bindings; this type validates them, overlays a user's TOML file on them
/// (`[]` unbinds), and answers "which action does this sequence mean here".
public struct KeyMap: Equatable, Sendable {
    /// context → action → sequences, in the order written.
    public private(set) var bindings: [String: [String: [[Key]]]]
    /// Where each user binding came from (context → action → line), for error messages.
    public private(set) var lines: [String: [String: Int]]
    /// The file the user bindings came from (`built-in` when none).
    public private(set) var file: String

    /// Creates a map from bindings (the built-in defaults); call `validate()` to check it.
    public init(bindings: [String: [String: [[Key]]]]) {
        self.bindings = bindings.mapValues { $0.mapValues { $0.map { $0.map(KeyNotation.normalized) } } }
        self.lines = [:]
        self.file = "built-in"
    }

    /// Creates a map from key names, e.g. `["ranking": ["move-up": ["k", "<Up>"]]]`.
    public init(names: [String: [String: [String]]]) throws(KeyNotation.Failure) {
        var bindings: [String: [String: [[Key]]]] = [:]
        for (context, actions) in names {
            for (action, sequences) in actions {
                var parsed: [[Key]] = []
                for sequence in sequences { parsed.append(try KeyNotation.parse(sequence)) }
                bindings[context, default: [:]][action] = parsed
            }
        }
        self.init(bindings: bindings)
    }

    /// The sequences bound to an action in a context (empty when unbound).
    public func sequences(for action: String, in context: String) -> [[Key]] {
        bindings[context]?[action] ?? []
    }

    /// The action an exact sequence triggers in one context.
    public func action(for sequence: [Key], in context: String) -> String? {
        let wanted = sequence.map(KeyNotation.normalized)
        for (action, sequences) in bindings[context] ?? [:] where sequences.contains(wanted) {
            return action
        }
        return nil
    }

    /// True when some binding in the context starts with `prefix` and is longer.
    public func hasLongerBinding(startingWith prefix: [Key], in context: String) -> Bool {
        let wanted = prefix.map(KeyNotation.normalized)
        for sequences in (bindings[context] ?? [:]).values {
            for sequence in sequences
            where sequence.count > wanted.count && Array(sequence.prefix(wanted.count)) == wanted {
                return true
            }
        }
        return false
    }

    private func line(_ context: String, _ action: String) -> Int? { lines[context]?[action] }

    /// Checks every context: one sequence bound to two actions, or a sequence that is a prefix of
    /// another (`g` against `gg`), is an error at the user's line when a user binding is involved.
    public func validate() throws(TOMLError) {
        for context in bindings.keys.sorted() {
            let actions = bindings[context] ?? [:]
            var all: [(sequence: [Key], action: String)] = []
            for action in actions.keys.sorted() {
                for sequence in actions[action] ?? [] { all.append((sequence, action)) }
            }
            for (index, first) in all.enumerated() {
                for second in all[(index + 1)...] {
                    let (short, long) =
                        first.sequence.count <= second.sequence.count ? (first, second) : (second, first)
                    guard Array(long.sequence.prefix(short.sequence.count)) == short.sequence else { continue }
                    if short.action == long.action && short.sequence == long.sequence { continue }
                    if short.sequence == long.sequence {
                        throw conflict(
                            "\(KeyNotation.name(short.sequence)) is bound to both \(context).\(short.action) and "
                                + "\(context).\(long.action)", context, short.action, long.action)
                    }
                    throw conflict(
                        "\(KeyNotation.name(short.sequence)) (\(context).\(short.action)) is a prefix of "
                            + "\(KeyNotation.name(long.sequence)) (\(context).\(long.action))", context, short.action,
                        long.action)
                }
            }
        }
    }

    private func conflict(_ message: String, _ context: String, _ first: String, _ second: String) -> TOMLError {
        let userLine = [line(context, first), line(context, second)].compactMap { $0 }.max()
        return TOMLError(file: userLine == nil ? "built-in" : file, line: userLine ?? 0, message: message)
    }

    /// Overlays a user's key-map TOML on this map. Tables are contexts, keys are actions, values are
    /// lists of key names (or one name); `[]` unbinds. Unknown contexts, actions or key names are
    /// errors with `file:line`; so are conflicts in the result. Bindings of `discouraged` keys
    /// (key name → reason, e.g. `<C-q>`: "flow control") come back as warnings.
    public func overlaying(
        toml text: String, file: String, known: [String: Set<String>], discouraged: [String: String] = [:]
    ) throws(TOMLError) -> (map: KeyMap, warnings: [TOMLError]) {
        let document: TOMLDocument
        do {
            document = try TOMLDocument(parsing: text, file: file)
        } catch let error as TOMLError {
            throw error
        } catch {
            throw TOMLError(file: file, line: 1, message: "\(error)")
        }
        var result = self
        result.file = file
        var warnings: [TOMLError] = []
        let discouragedKeys = discouraged.compactMap { name, reason -> ([Key], String)? in
            (try? KeyNotation.parse(name)).map { ($0, reason) }
        }
        for (context, value) in document.root.entries {
            guard let knownActions = known[context] else {
                throw document.error(
                    "unknown context [\(Sanitizer.plain(context))]; known: \(known.keys.sorted().joined(separator: ", "))",
                    line: value.table?.line ?? value.line)
            }
            guard let table = value.table else {
                throw document.error("\(Sanitizer.plain(context)) must be a table of actions", line: value.line)
            }
            for (action, keys) in table.entries {
                guard knownActions.contains(action) else {
                    throw document.error(
                        "unknown action '\(Sanitizer.plain(action))' in [\(context)]; known: "
                            + knownActions.sorted().joined(separator: ", "), line: keys.line)
                }
                let names: [TOMLValue]
                if let array = keys.array {
                    names = array
                } else if keys.string != nil {
                    names = [keys]
                } else {
                    throw document.error("\(context).\(action) must be a list of key names", line: keys.line)
                }
                var sequences: [[Key]] = []
                for name in names {
                    guard let text = name.string else {
                        throw document.error("key names are strings, found a \(name.typeName)", line: name.line)
                    }
                    do {
                        let sequence = try KeyNotation.parse(text)
                        sequences.append(sequence)
                        for (bad, reason) in discouragedKeys where bad == sequence {
                            warnings.append(
                                document.error(
                                    "\(KeyNotation.name(sequence)) for \(context).\(action) is best left unbound: \(reason)",
                                    line: name.line))
                        }
                    } catch {
                        throw document.error(Sanitizer.plain(error.description), line: name.line)
                    }
                }
                result.bindings[context, default: [:]][action] = sequences
                result.lines[context, default: [:]][action] = keys.line
            }
        }
        try result.validate()
        return (result, warnings)
    }
}
