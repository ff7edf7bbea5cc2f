/// Whether the last network call reached the server.
public enum ConnectionStatus: Equatable, Sendable {
    /// Reached.
    case online
    /// Not reached since the given time (seconds, as the injected clock counts).
    case offline(since: Double)
    /// Sending queued work.
    case syncing
}
