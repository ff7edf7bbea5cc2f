/// How one delivery attempt of an outbox item ended.
public enum DeliveryOutcome: Sendable, Equatable {
    /// The server stored it (200, or 2105 on a replay).
    case delivered
    /// Back to pending with a next-try time.
    case retryScheduled
    /// Held for the contributor, content kept.
    case held
    /// Retries ran out (attempt limit or deadline), content kept.
    case failed
    /// The network failed; the item waits and the engine is offline.
    case offline
    /// Another worker had claimed it (not pending any more); nothing was sent.
    case skipped
}
