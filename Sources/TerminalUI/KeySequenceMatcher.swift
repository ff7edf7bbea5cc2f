/// Turns keys into actions through a `KeyMap`, one key at a time, holding a pending prefix for
/// multi-key sequences (`gg`, `<C-x><C-e>`). Contexts are searched in priority order.
public struct KeySequenceMatcher: Equatable, Sendable {
    /// What one key did.
    public enum Result: Equatable, Sendable {
        /// A complete sequence: the action and the context that bound it.
        case matched(action: String, context: String)
        /// The keys so far start a longer sequence; wait for more.
        case pending([Key])
        /// Nothing is bound; the keys are the caller's (for example text for an editor).
        case noMatch([Key])
    }

    /// Keys typed so far that start a sequence.
    public private(set) var pending: [Key] = []

    /// Creates a matcher with nothing pending.
    public init() {}

    /// Forgets the pending prefix (for example when the context changes or Esc is pressed).
    public mutating func reset() { pending = [] }

    /// Feeds one key. The first context (in `contexts` order) that binds the sequence exactly, or
    /// holds a longer sequence starting with it, decides. When a pending prefix leads nowhere, the
    /// new key is tried again on its own, so `g` then `j` still moves down.
    public mutating func feed(_ key: Key, contexts: [String], in map: KeyMap) -> Result {
        let candidate = pending + [KeyNotation.normalized(key)]
        if let result = match(candidate, contexts: contexts, in: map) { return result }
        let dropped = pending
        pending = []
        if !dropped.isEmpty, let result = match([KeyNotation.normalized(key)], contexts: contexts, in: map) {
            return result
        }
        return .noMatch(candidate)
    }

    private mutating func match(_ sequence: [Key], contexts: [String], in map: KeyMap) -> Result? {
        for context in contexts {
            if let action = map.action(for: sequence, in: context) {
                pending = []
                return .matched(action: action, context: context)
            }
            if map.hasLongerBinding(startingWith: sequence, in: context) {
                pending = sequence
                return .pending(sequence)
            }
        }
        return nil
    }
}
