/// Counts for the status bar and `oasst queue list --count`.
public struct QueueCounts: Sendable, Equatable {
    /// Items waiting for a (re)try.
    public var pending: Int
    /// Items being sent now.
    public var sending: Int
    /// Items a person must look at.
    public var held: Int
    /// Items whose retries ran out.
    public var failed: Int
    /// Items the server confirmed (kept as history).
    public var delivered: Int
    /// Prefetched tasks ready to work on (not expired).
    public var readyTasks: Int
    /// Skipped tasks whose nack has not reached the server yet.
    public var nacksWaiting: Int

    /// Creates counts.
    public init(
        pending: Int = 0, sending: Int = 0, held: Int = 0, failed: Int = 0, delivered: Int = 0, readyTasks: Int = 0,
        nacksWaiting: Int = 0
    ) {
        self.pending = pending
        self.sending = sending
        self.held = held
        self.failed = failed
        self.delivered = delivered
        self.readyTasks = readyTasks
        self.nacksWaiting = nacksWaiting
    }

    /// Items not yet delivered and not stopped (what `oasst queue flush` waits for).
    public var undelivered: Int { pending + sending }
}
