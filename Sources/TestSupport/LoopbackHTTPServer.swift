import Foundation

/// A small scriptable HTTP/1.1 server on 127.0.0.1 (ephemeral port) for transport tests: plain
/// POSIX sockets, one thread accepting and one per connection, TCP_NODELAY, keep-alive. Each
/// request gets the next scripted reply (`enqueue`), else the handler's answer. It records every
/// request and counts accepted connections. Call `stop()` when done (dropping it stops it too).
public final class LoopbackHTTPServer: Sendable {
    private let core: LoopbackHTTPServerCore
    /// The port it listens on.
    public let port: UInt16

    /// Starts listening. `handler` answers requests that have no scripted reply (default: an
    /// empty 200).
    public init(
        handler: @escaping @Sendable (LoopbackHTTPRequest) -> LoopbackHTTPReply = { _ in LoopbackHTTPReply() }
    ) throws {
        let (listener, port) = try LoopbackHTTPSocket.bindLoopback(listen: true)
        self.port = port
        let core = LoopbackHTTPServerCore(listener: listener, handler: handler)
        self.core = core
        let thread = Thread { core.acceptLoop() }
        thread.name = "loopback-http-accept"
        thread.start()
    }

    deinit {
        core.stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// The absolute URL of `path` (which starts with `/`).
    public func url(_ path: String) -> String {
        baseURL + path
    }

    /// Queues replies for the next requests, in order, ahead of the handler.
    public func enqueue(_ replies: LoopbackHTTPReply...) {
        core.enqueue(replies)
    }

    /// Replaces the handler for requests without a scripted reply.
    public func setHandler(_ handler: @escaping @Sendable (LoopbackHTTPRequest) -> LoopbackHTTPReply) {
        core.setHandler(handler)
    }

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackHTTPRequest] {
        core.requests
    }

    /// How many TCP connections were accepted so far.
    public var acceptedConnections: Int {
        core.acceptedConnections
    }

    /// Stops accepting, closes every connection and the listener. Safe to call twice.
    public func stop() {
        core.stop()
    }
}
