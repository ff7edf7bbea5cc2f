import Foundation

/// One HTTP request as the client builds it; the transport sends it unchanged.
public struct HTTPRequest: Sendable, Equatable {
    /// `GET` or `POST`.
    public var method: String
    /// Absolute URL, including any query string.
    public var url: String
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body, if any (JSON for every call of this protocol).
    public var body: Data?

    /// Creates a request.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, its name compared without regard to ASCII case (field names are ASCII tokens;
    /// Foundation's locale-aware comparison was a twentieth of the client's time per request).
    public func header(_ name: String) -> String? {
        headers.first { Self.sameFieldName($0.name, name) }?.value
    }

    /// Whether two field names are equal ignoring the case of ASCII letters.
    static func sameFieldName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
        }
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name.lowercased()):\($0.value)" }
                == rhs.headers.map { "\($0.name.lowercased()):\($0.value)" }
    }
}

/// One HTTP response as the transport received it.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The body bytes (empty for a 204).
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a request got no HTTP response; every case means "the network, not the server, failed".
public enum TransportError: Error, Equatable, Sendable {
    /// Nothing listens at the address (curl 7).
    case connectionRefused(String)
    /// The name did not resolve (curl 6).
    case hostNotFound(String)
    /// Connect or total timeout ran out (curl 28).
    case timedOut(String)
    /// TLS failed, including certificate verification.
    case tls(String)
    /// The body grew past the configured cap; the transfer was aborted.
    case responseTooLarge(limit: Int)
    /// The connection closed before the announced body arrived.
    case truncated(String)
    /// Any other transport failure, with curl's code when there is one.
    case other(code: Int, message: String)
}

/// Sends HTTP requests; `CurlTransport` implements it over libcurl, tests with fakes.
public protocol HTTPTransport: Sendable {
    /// Performs one request and returns the response, or throws `TransportError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
