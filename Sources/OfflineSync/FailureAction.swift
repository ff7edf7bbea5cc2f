/// What the sync engine does after a failed call; mirrors the client actions of PROTOCOL.md §7.
public enum FailureAction: Sendable, Equatable {
    /// Keep it queued and try again later with backoff (transport failures, 5xx, 429, transient codes).
    case retryLater
    /// The earlier try landed (2105): treat the submission as stored.
    case delivered
    /// Stop and show the contributor (expired, duplicate text, wrong identity, disabled account, ToS…).
    case holdForPerson
    /// Client bug or input to correct; never retried unchanged.
    case fixInput
    /// The task is unusable (gone, tree changed); the contributor needs another one.
    case requestAnotherTask
    /// The server does not know the user (4002): create it, then retry.
    case createUserThenRetry
    /// The interaction came before the ack (2104): send the ack with the same id, then retry.
    case sendAckThenRetry
}
