/// One request as `FaultProxy` handled it, in arrival order.
public struct FaultProxyEvent: Sendable, Equatable {
    /// Index of the request among all requests (0 for the first).
    public var request: Int
    /// Index of the accepted connection that carried it (0 for the first).
    public var connection: Int
    /// The method token.
    public var method: String
    /// The request target without its query.
    public var path: String
    /// The fault applied.
    public var fault: FaultProxyFault
    /// The upstream's response status, once it answered (nil when the request was not forwarded or
    /// the upstream failed); whether the client got that answer depends on `fault`.
    public var upstreamStatus: Int?

    /// Creates an event (the proxy does this; tests may build expected values).
    public init(
        request: Int, connection: Int, method: String, path: String, fault: FaultProxyFault, upstreamStatus: Int? = nil
    ) {
        self.request = request
        self.connection = connection
        self.method = method
        self.path = path
        self.fault = fault
        self.upstreamStatus = upstreamStatus
    }
}
