/// What a `FaultProxy` did so far.
public struct FaultProxyCounters: Sendable, Equatable {
    /// Client connections accepted.
    public var connections = 0
    /// Requests read from clients.
    public var requests = 0
    /// Requests written to the upstream server.
    public var forwarded = 0
    /// Requests per fault applied (`passThrough` included).
    public var faults: [FaultProxyFaultKind: Int] = [:]
    /// Exchanges that failed on the upstream side (refused, or closed without a full answer); the
    /// client's connection was closed.
    public var upstreamFailures = 0
    /// Exchanges the client abandoned before the answer was written (e.g. it timed out).
    public var clientsGone = 0

    /// Creates zero counters.
    public init() {}

    /// How many requests got `kind`.
    public func count(_ kind: FaultProxyFaultKind) -> Int {
        faults[kind, default: 0]
    }

    /// Requests that got any fault other than `passThrough`.
    public var injected: Int {
        faults.filter { $0.key != .passThrough }.values.reduce(0, +)
    }
}
