import Foundation

/// What `LoopbackHTTPServer` does with one request: answer it, stall, cut it short or hang up.
public struct LoopbackHTTPReply: Sendable {
    /// Response body bytes; `repeating` streams a large body without holding it in memory.
    public enum Body: Sendable {
        /// These exact bytes.
        case bytes(Data)
        /// `count` copies of one byte.
        case repeating(UInt8, count: Int)

        /// The body length in bytes.
        public var count: Int {
            switch self {
            case .bytes(let data): return data.count
            case .repeating(_, let count): return count
            }
        }
    }

    /// How the reply goes on the wire.
    public enum Behaviour: Sendable {
        /// A complete response.
        case respond
        /// Close the connection without writing anything.
        case closeWithoutAnswer
        /// Announce the full body length but send only this many body bytes, then close.
        case truncated(sendingBodyBytes: Int)
        /// Write these bytes verbatim instead of a built response (keeps the connection open
        /// unless `closeConnection` is set).
        case raw(Data)
    }

    /// The status code.
    public var status: Int
    /// The reason phrase; a standard one is used when nil.
    public var reason: String?
    /// Extra header fields, sent in this order before the ones the server adds.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Body
    /// How long to wait before writing anything.
    public var delay: Duration
    /// How the reply goes on the wire.
    public var behaviour: Behaviour
    /// Close the connection after this reply (adds `Connection: close`).
    public var closeConnection: Bool
    /// Send the body with `Transfer-Encoding: chunked` instead of `Content-Length`.
    public var chunked: Bool

    /// Creates a complete response.
    public init(
        status: Int = 200, reason: String? = nil, headers: [(name: String, value: String)] = [],
        body: Body = .bytes(Data()),
        delay: Duration = .zero, behaviour: Behaviour = .respond, closeConnection: Bool = false, chunked: Bool = false
    ) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.delay = delay
        self.behaviour = behaviour
        self.closeConnection = closeConnection
        self.chunked = chunked
    }

    /// A JSON response (`Content-Type: application/json`).
    public static func json(_ text: String, status: Int = 200) -> LoopbackHTTPReply {
        LoopbackHTTPReply(
            status: status, headers: [("Content-Type", "application/json")], body: .bytes(Data(text.utf8)))
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> LoopbackHTTPReply {
        LoopbackHTTPReply(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Data(text.utf8)))
    }

    /// Hang up without answering.
    public static var closeWithoutAnswer: LoopbackHTTPReply {
        LoopbackHTTPReply(behaviour: .closeWithoutAnswer)
    }

    /// Announce `announcing` body bytes, send `sending` of them, then close.
    public static func truncated(announcing: Int, sending: Int) -> LoopbackHTTPReply {
        LoopbackHTTPReply(
            body: .repeating(UInt8(ascii: "x"), count: announcing), behaviour: .truncated(sendingBodyBytes: sending))
    }

    /// A body of `bytes` bytes (streamed), optionally chunked so no length is announced.
    public static func huge(bytes: Int, chunked: Bool = false) -> LoopbackHTTPReply {
        LoopbackHTTPReply(body: .repeating(UInt8(ascii: "a"), count: bytes), chunked: chunked)
    }

    /// The same reply after waiting `delay`.
    public func delayed(by delay: Duration) -> LoopbackHTTPReply {
        var copy = self
        copy.delay = delay
        return copy
    }

    /// The same reply, closing the connection afterwards.
    public func closingConnection() -> LoopbackHTTPReply {
        var copy = self
        copy.closeConnection = true
        return copy
    }

    /// A standard reason phrase for the common codes.
    static func standardReason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status"
        }
    }
}
