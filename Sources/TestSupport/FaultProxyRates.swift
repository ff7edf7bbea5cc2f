/// Probabilities of the random faults `FaultProxy` injects, each in `0...1`, summing to at most 1;
/// the rest passes through. Draws come from the proxy's seeded generator, so the same seed and
/// the same sequence of requests give the same faults.
public struct FaultProxyRates: Sendable, Equatable, Hashable {
    /// Probability of `.drop`.
    public var drop: Double
    /// Probability of `.reset`.
    public var reset: Double
    /// Probability of `.delay` (the point is drawn with equal odds).
    public var delay: Double
    /// How long a drawn delay lasts, in seconds.
    public var delaySeconds: Double
    /// Probability of `.serverError`.
    public var serverError: Double
    /// Probability of `.truncate`.
    public var truncate: Double
    /// One draw per request or per connection.
    public var granularity: FaultProxyGranularity

    /// Creates rates; all zero by default (a transparent proxy).
    public init(
        drop: Double = 0, reset: Double = 0, delay: Double = 0, delaySeconds: Double = 0.2, serverError: Double = 0,
        truncate: Double = 0, granularity: FaultProxyGranularity = .perRequest
    ) {
        self.drop = drop
        self.reset = reset
        self.delay = delay
        self.delaySeconds = delaySeconds
        self.serverError = serverError
        self.truncate = truncate
        self.granularity = granularity
    }

    /// No faults at all.
    public static let none = FaultProxyRates()

    /// The same probability `rate` for each of the five faults.
    public static func uniform(_ rate: Double, delaySeconds: Double = 0.2) -> FaultProxyRates {
        FaultProxyRates(
            drop: rate, reset: rate, delay: rate, delaySeconds: delaySeconds, serverError: rate, truncate: rate)
    }

    /// The sum of the fault probabilities.
    public var total: Double {
        drop + reset + delay + serverError + truncate
    }

    /// The fault for one uniform draw `unit` in `0..<1`; `pointDraw` picks the delay point.
    func fault(forUnit unit: Double, pointDraw: Double) -> FaultProxyFault {
        var edge = drop
        if unit < edge { return .drop }
        edge += reset
        if unit < edge { return .reset }
        edge += delay
        if unit < edge {
            return .delay(seconds: delaySeconds, at: pointDraw < 0.5 ? .beforeForwarding : .beforeAnswering)
        }
        edge += serverError
        if unit < edge { return .serverError }
        edge += truncate
        if unit < edge { return .truncate }
        return .passThrough
    }
}
