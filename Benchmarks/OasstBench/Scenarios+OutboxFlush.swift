extension Scenarios {
    /// Delivering 10,000 queued submissions to `oasst serve` on loopback, exactly once.
    static let outboxFlush = Scenario(name: "outbox-flush", target: OutboxFlushRun.target) {
        try await OutboxFlushRun.run()
    }
}
