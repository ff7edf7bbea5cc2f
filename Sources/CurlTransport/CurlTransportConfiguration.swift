/// Limits for one `CurlTransport` lane; TLS verification is deliberately not configurable.
public struct CurlTransportConfiguration: Sendable, Equatable {
    /// How long establishing a connection (DNS, TCP, TLS) may take.
    public var connectTimeout: Duration
    /// How long a whole request may take, connect included.
    public var totalTimeout: Duration
    /// The largest response body accepted; a larger one aborts with `TransportError.responseTooLarge`.
    public var maxResponseBytes: Int
    /// The `User-Agent` sent unless the request carries its own.
    public var userAgent: String

    /// Creates a configuration; the defaults suit the interactive client (5 s / 30 s / 8 MiB).
    public init(
        connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 8 * 1024 * 1024, userAgent: String = "oasst-tui"
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }

    /// Whole milliseconds of a duration, at least 1 (libcurl reads 0 as "no timeout").
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        if total.overflow { return Int.max }
        return max(1, Int(total.partialValue) + Int(attoseconds / 1_000_000_000_000_000))
    }
}
