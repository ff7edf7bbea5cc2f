/// The kinds of `FaultProxyFault`, without parameters: the keys of the proxy's counters.
public enum FaultProxyFaultKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Relayed unchanged.
    case passThrough
    /// Connection closed before forwarding.
    case drop
    /// Connection reset mid-response.
    case reset
    /// Held for a while, then relayed.
    case delay
    /// Answered 500 by the proxy itself.
    case serverError
    /// Response body cut short.
    case truncate
}
