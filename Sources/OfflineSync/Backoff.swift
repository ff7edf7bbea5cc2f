import Foundation

/// Full-jitter exponential backoff: `random(0, min(cap, base · 2^attempt))` (AWS, "Exponential Backoff and Jitter").
public struct Backoff: Sendable, Equatable {
    /// The first step (1 s).
    public var base: TimeInterval
    /// The largest wait (5 min).
    public var cap: TimeInterval

    /// Creates a backoff policy.
    public init(base: TimeInterval = 1, cap: TimeInterval = 300) {
        self.base = base
        self.cap = cap
    }

    /// The upper bound for a retry after `attempt` earlier failures (0 for the first retry).
    public func ceiling(attempt: Int) -> TimeInterval {
        let exponent = Double(min(max(attempt, 0), 30))
        return min(cap, base * pow(2, exponent))
    }

    /// The wait before the next try, with `unit` a random number in `0..<1`.
    public func delay(attempt: Int, unit: Double) -> TimeInterval {
        ceiling(attempt: attempt) * min(max(unit, 0), 1)
    }
}
