/// Where a `FaultProxyFault.delay` holds the exchange.
public enum FaultProxyDelayPoint: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Before the request goes upstream: a client that gave up meanwhile may see the request
    /// arrive late, after its own retry.
    case beforeForwarding
    /// After the upstream answered, before the response goes back: the request is handled but the
    /// client may time out and retry it.
    case beforeAnswering
}
