/// Injected sources of ids and time, so that `update` stays deterministic in tests.
public struct AppEnvironment: Sendable, Equatable {
    /// A new unique id (lower-case UUID v4 string in production): ack ids, `user_message_id`s.
    public var makeID: @Sendable () -> String
    /// Seconds on a monotonic-enough clock (Unix time in production).
    public var now: @Sendable () -> Double

    /// Creates an environment.
    public init(makeID: @escaping @Sendable () -> String, now: @escaping @Sendable () -> Double) {
        self.makeID = makeID
        self.now = now
    }

    /// Environments never take part in state comparisons.
    public static func == (lhs: AppEnvironment, rhs: AppEnvironment) -> Bool { true }
}
