import Foundation

/// One request as `LoopbackHTTPServer` received it, recorded before any reply is sent.
public struct LoopbackHTTPRequest: Sendable {
    /// The method token, e.g. `GET`.
    public var method: String
    /// The request target as sent: a path with query, or an absolute URL when sent to a proxy.
    public var target: String
    /// The protocol version from the request line, e.g. `HTTP/1.1`.
    public var version: String
    /// Header fields in arrival order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body (de-chunked when it came chunked).
    public var body: Data
    /// Which accepted connection carried it (0 for the first one).
    public var connection: Int

    /// Creates a record (the server does this; tests may build expected values).
    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = [],
        body: Data = Data(), connection: Int = 0
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.connection = connection
    }

    /// The target without its query string.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Whether the client asked to close the connection after this request.
    var wantsClose: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        return connection.contains("close") || (version == "HTTP/1.0" && !connection.contains("keep-alive"))
    }
}
