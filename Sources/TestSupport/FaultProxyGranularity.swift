/// How often `FaultProxy` draws a random fault.
public enum FaultProxyGranularity: String, Sendable, Equatable, Hashable, CaseIterable {
    /// One draw per request.
    case perRequest
    /// One draw per accepted connection; the fault applies to every request on it (faults that end
    /// the connection, and `serverError` which closes after answering, hit only its first request).
    case perConnection
}
