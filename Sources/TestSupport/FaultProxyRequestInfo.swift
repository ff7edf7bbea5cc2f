/// What a `FaultProxy` rule sees of a request when choosing its fault.
public struct FaultProxyRequestInfo: Sendable, Equatable {
    /// Index of the request among all requests.
    public var request: Int
    /// Index of the connection carrying it.
    public var connection: Int
    /// Index of the request on its connection (0 for the first).
    public var requestOnConnection: Int
    /// The method token.
    public var method: String
    /// The request target without its query.
    public var path: String

    /// Creates a request description.
    public init(request: Int, connection: Int, requestOnConnection: Int, method: String, path: String) {
        self.request = request
        self.connection = connection
        self.requestOnConnection = requestOnConnection
        self.method = method
        self.path = path
    }
}
