import Foundation

/// The shared state of one `LoopbackHTTPServer`: scripted replies, the request log, counters
/// and open sockets. Captured by the server's threads (never the public object), so dropping the
/// server stops them.
final class LoopbackHTTPServerCore: @unchecked Sendable {
    private let lock = NSLock()
    private var scripted: [LoopbackHTTPReply] = []
    private var handler: @Sendable (LoopbackHTTPRequest) -> LoopbackHTTPReply
    private var recorded: [LoopbackHTTPRequest] = []
    private var accepted = 0
    private var open: [Int32: LoopbackHTTPSocket] = [:]
    private var stopped = false
    private let acceptLoopDone = DispatchSemaphore(value: 0)
    let listener: LoopbackHTTPSocket

    init(listener: LoopbackHTTPSocket, handler: @escaping @Sendable (LoopbackHTTPRequest) -> LoopbackHTTPReply) {
        self.listener = listener
        self.handler = handler
    }

    var isStopped: Bool { lock.withLock { stopped } }
    var requests: [LoopbackHTTPRequest] { lock.withLock { recorded } }
    var acceptedConnections: Int { lock.withLock { accepted } }

    func enqueue(_ replies: [LoopbackHTTPReply]) {
        lock.withLock { scripted.append(contentsOf: replies) }
    }

    func setHandler(_ newHandler: @escaping @Sendable (LoopbackHTTPRequest) -> LoopbackHTTPReply) {
        lock.withLock { handler = newHandler }
    }

    /// Records the request and picks its reply: the next scripted one, else the handler's.
    func reply(to request: LoopbackHTTPRequest) -> LoopbackHTTPReply {
        let choice: Result<LoopbackHTTPReply, Never>? = lock.withLock {
            recorded.append(request)
            return scripted.isEmpty ? nil : .success(scripted.removeFirst())
        }
        if case .success(let reply) = choice {
            return reply
        }
        let current = lock.withLock { handler }
        return current(request)
    }

    /// Runs on the accept thread until `stop()`.
    func acceptLoop() {
        defer { acceptLoopDone.signal() }
        while !isStopped {
            guard listener.waitReadable(milliseconds: 50), let client = listener.accept() else { continue }
            let index: Int? = lock.withLock {
                if stopped { return nil }
                open[client.descriptor] = client
                accepted += 1
                return accepted - 1
            }
            guard let index else {
                client.close()
                return
            }
            let connection = LoopbackHTTPConnection(socket: client, index: index, core: self)
            let thread = Thread { connection.run() }
            thread.name = "loopback-http-\(index)"
            thread.start()
        }
    }

    /// Forgets and closes a connection's socket (called by its own thread, exactly once).
    func finish(_ socket: LoopbackHTTPSocket) {
        lock.withLock { _ = open.removeValue(forKey: socket.descriptor) }
        socket.close()
    }

    /// Stops accepting, wakes every connection thread so it closes its socket, and closes the
    /// listener once the accept loop has left.
    func stop() {
        let sockets: [LoopbackHTTPSocket]? = lock.withLock {
            if stopped { return nil }
            stopped = true
            return Array(open.values)
        }
        guard let sockets else { return }
        for socket in sockets {
            socket.shutdownBoth()
        }
        _ = acceptLoopDone.wait(timeout: .now() + 5)
        listener.close()
    }
}
