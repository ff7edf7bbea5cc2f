import Foundation

/// Time as the sync engine sees it; injected so tests never really sleep.
public protocol SyncClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Sleeps for `seconds`; throws `CancellationError` when the sleeping task is cancelled (a wake-up).
    func sleep(for seconds: TimeInterval) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemSyncClock: SyncClock {
    /// Creates the real clock.
    public init() {}

    /// The current time.
    public func now() -> Date { Date() }

    /// Sleeps on the continuous clock.
    public func sleep(for seconds: TimeInterval) async throws {
        try await Task.sleep(for: .milliseconds(Int64(max(0, seconds) * 1000)))
    }
}
