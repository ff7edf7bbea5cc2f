/// Where an outbox item is in its life: `pending → sending → delivered`, or stopped in `held` / `failed`.
public enum OutboxState: String, Codable, Sendable, CaseIterable {
    /// Waiting for its next try (`next_try_at`).
    case pending
    /// A deliverer is sending it now; at open, a leftover `sending` becomes `pending` again.
    case sending
    /// The server stored it (200 `task_done`, or 2105 on a replay).
    case delivered
    /// The server refused it for a reason a person must look at (`hold_reason`); the content is kept.
    case held
    /// Retries ran out (attempt limit or the task's deadline passed); the content is kept.
    case failed
}
