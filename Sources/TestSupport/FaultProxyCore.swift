import Foundation

/// The shared state of one `FaultProxy`: fault choice (script, rule, seeded draws), counters, the
/// event log and open sockets. Captured by the proxy's threads (never the public object), so
/// dropping the proxy stops them.
final class FaultProxyCore: @unchecked Sendable {
    private let lock = NSLock()
    private var random: FaultProxyRandom
    private var rates: FaultProxyRates
    private var scripted: [FaultProxyFault] = []
    private var rule: (@Sendable (FaultProxyRequestInfo) -> FaultProxyFault?)?
    private var tally = FaultProxyCounters()
    private var log: [FaultProxyEvent] = []
    private var open: [Int32: LoopbackHTTPSocket] = [:]
    private var stopped = false
    private let acceptLoopDone = DispatchSemaphore(value: 0)
    let listener: LoopbackHTTPSocket
    let upstreamPort: UInt16

    init(listener: LoopbackHTTPSocket, upstreamPort: UInt16, rates: FaultProxyRates, seed: UInt64) {
        self.listener = listener
        self.upstreamPort = upstreamPort
        self.rates = rates
        self.random = FaultProxyRandom(seed: seed)
    }

    var isStopped: Bool { lock.withLock { stopped } }
    var counters: FaultProxyCounters { lock.withLock { tally } }
    var events: [FaultProxyEvent] { lock.withLock { log } }

    func setRates(_ newRates: FaultProxyRates) {
        lock.withLock { rates = newRates }
    }

    func enqueue(_ faults: [FaultProxyFault]) {
        lock.withLock { scripted.append(contentsOf: faults) }
    }

    func setRule(_ newRule: (@Sendable (FaultProxyRequestInfo) -> FaultProxyFault?)?) {
        lock.withLock { rule = newRule }
    }

    /// Draws the fault of a new connection (used only under `.perConnection`).
    func connectionFault() -> FaultProxyFault? {
        lock.withLock {
            guard rates.granularity == .perConnection, rates.total > 0 else { return nil }
            return rates.fault(forUnit: random.unit(), pointDraw: random.unit())
        }
    }

    /// Records the upstream's status for request number `request`.
    func noteStatus(_ status: Int, request: Int) {
        lock.withLock {
            if request < log.count && log[request].request == request {
                log[request].upstreamStatus = status
            } else if let position = log.firstIndex(where: { $0.request == request }) {
                log[position].upstreamStatus = status
            }
        }
    }

    /// Numbers a request, picks its fault (script, then rule, then the connection's fault, then a
    /// per-request draw) and records it.
    func begin(
        connection: Int, requestOnConnection: Int, method: String, path: String, connectionFault: FaultProxyFault?
    ) -> (request: Int, fault: FaultProxyFault) {
        let (index, scriptedFault, currentRule) = lock.withLock {
            tally.requests += 1
            let next: FaultProxyFault? = scripted.isEmpty ? nil : scripted.removeFirst()
            return (tally.requests - 1, next, rule)
        }
        let info = FaultProxyRequestInfo(
            request: index, connection: connection, requestOnConnection: requestOnConnection, method: method,
            path: path)
        let ruled = scriptedFault == nil ? currentRule?(info) : nil
        return lock.withLock {
            var fault = scriptedFault ?? ruled ?? connectionFault
            if fault == nil {
                if rates.granularity == .perRequest && rates.total > 0 {
                    fault = rates.fault(forUnit: random.unit(), pointDraw: random.unit())
                }
            }
            let chosen = fault ?? .passThrough
            tally.faults[chosen.kind, default: 0] += 1
            log.append(
                FaultProxyEvent(request: index, connection: connection, method: method, path: path, fault: chosen))
            return (index, chosen)
        }
    }

    func noteForwarded() {
        lock.withLock { tally.forwarded += 1 }
    }

    func noteUpstreamFailure() {
        lock.withLock { tally.upstreamFailures += 1 }
    }

    func noteClientGone() {
        lock.withLock { tally.clientsGone += 1 }
    }

    /// Remembers an open socket so `stop()` can wake its thread; false when already stopped.
    func track(_ socket: LoopbackHTTPSocket) -> Bool {
        lock.withLock {
            if stopped { return false }
            open[socket.descriptor] = socket
            return true
        }
    }

    /// Forgets a socket before its owner closes it.
    func untrack(_ socket: LoopbackHTTPSocket) {
        lock.withLock { _ = open.removeValue(forKey: socket.descriptor) }
    }

    /// Sleeps `seconds` in short slices; false when the proxy stopped meanwhile.
    func sleep(seconds: Double) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(0, seconds) * 1000))
        while ContinuousClock.now < deadline {
            if isStopped { return false }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return !isStopped
    }

    /// Runs on the accept thread until `stop()`.
    func acceptLoop() {
        defer { acceptLoopDone.signal() }
        while !isStopped {
            guard listener.waitReadable(milliseconds: 50), let client = listener.accept() else { continue }
            guard track(client) else {
                client.close()
                return
            }
            let index: Int = lock.withLock {
                tally.connections += 1
                return tally.connections - 1
            }
            let connection = FaultProxyConnection(
                client: client, index: index, core: self, fault: connectionFault())
            let thread = Thread { connection.run() }
            thread.name = "fault-proxy-\(index)"
            thread.start()
        }
    }

    /// Stops accepting, wakes every connection thread and closes the listener.
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
