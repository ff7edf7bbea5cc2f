/// Where a command acts: one table per context in the key map file, one group in the help overlay.
public enum CommandContext: String, CaseIterable, Hashable, Sendable {
    /// Everywhere (outside the editor only single-letter keys act; see `AppKeyMap.isTextKey`).
    case global
    /// The start screen: choosing a task kind.
    case start
    /// Reading a conversation: scrolling.
    case reading
    /// Writing a reply, in or outside the editor.
    case writing
    /// Reviewing an answer before it is submitted.
    case review
    /// Answering label widgets.
    case labelling
    /// Ordering replies.
    case ranking
    /// The queue (outbox) view.
    case queue
    /// The help overlay.
    case help

    /// The heading shown in help and in the generated key documentation.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .start: return "Start screen"
        case .reading: return "Reading"
        case .writing: return "Writing"
        case .review: return "Review"
        case .labelling: return "Labelling"
        case .ranking: return "Ranking"
        case .queue: return "Queue"
        case .help: return "Help"
        }
    }
}
