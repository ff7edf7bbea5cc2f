/// What a complete manual flush did (`SyncEngine.flushUntilSettled()`): items that ended delivered, held or failed.
public struct FlushTally: Sendable, Equatable {
    /// Items the server stored.
    public var delivered = 0
    /// Items held for a person.
    public var held = 0
    /// Items whose retries ran out.
    public var failed = 0

    /// An empty tally.
    public init() {}
}
