import TerminalUI

/// A modal question over the current screen.
public enum AppDialog: Equatable, Sendable {
    /// Skip: an optional reason (Enter sends, Esc cancels); `discards` when something was entered.
    case skip(TextEditor, discards: Bool)
    /// Report the message: a reason (required).
    case report(TextEditor)
    /// The ranking order was not changed: `y` submits anyway.
    case confirmUnchangedRanking
    /// Discard a queue item for good: `y` discards.
    case confirmDiscard(id: String)
}
