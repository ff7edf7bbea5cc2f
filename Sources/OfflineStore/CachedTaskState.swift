/// Where a stored task is: prefetched and unused, shown to the contributor, answered, or skipped.
public enum CachedTaskState: String, Codable, Sendable, CaseIterable {
    /// Prefetched and not yet handed to the contributor.
    case ready
    /// Handed to the contributor (on screen, or waiting behind a draft).
    case taken
    /// An answer for it is in the outbox (delivered or not).
    case answered
    /// To be nacked: the nack has not reached the server yet.
    case skipping
    /// Nacked, or dropped locally after it expired.
    case skipped
}
