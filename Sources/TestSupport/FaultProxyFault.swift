/// What `FaultProxy` does with one request: pass it on, or break the exchange in one of the ways
/// a real network breaks it.
public enum FaultProxyFault: Sendable, Equatable, Hashable {
    /// Forward the request and relay the whole response.
    case passThrough
    /// Close the client's connection before forwarding anything: the upstream never sees the request.
    case drop
    /// Forward the request, relay only part of the response, then reset the connection
    /// (`SO_LINGER` 0 + close, so the client gets a TCP RST): the upstream has handled the request.
    case reset
    /// Hold the exchange for `seconds` at `point`, then carry on as `passThrough`.
    case delay(seconds: Double, at: FaultProxyDelayPoint)
    /// Answer `500 {"message":"INTERNAL_SERVER_ERROR","error_code":0}` without forwarding: the
    /// upstream never sees the request.
    case serverError
    /// Forward the request, relay the response head with its full `Content-Length` but fewer body
    /// bytes (for an empty body: only part of the head), then close: the upstream has handled it.
    case truncate

    /// The fault without its parameters, for counting.
    public var kind: FaultProxyFaultKind {
        switch self {
        case .passThrough: return .passThrough
        case .drop: return .drop
        case .reset: return .reset
        case .delay: return .delay
        case .serverError: return .serverError
        case .truncate: return .truncate
        }
    }

    /// Whether the upstream server receives the request under this fault.
    public var reachesUpstream: Bool {
        switch self {
        case .passThrough, .reset, .delay, .truncate: return true
        case .drop, .serverError: return false
        }
    }
}
