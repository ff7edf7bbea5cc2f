import Foundation

/// Whether the server is reachable, as learnt from real requests (never guessed).
public enum Connectivity: Sendable, Equatable {
    /// The last request got an HTTP answer.
    case online
    /// Requests fail in transport since this moment; a probe with backoff looks for the way back.
    case offline(since: Date)
    /// Sending queued items now; `remaining` are still to go in this pass.
    case syncing(remaining: Int)
}
