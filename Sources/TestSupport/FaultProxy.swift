import Foundation

/// A loopback TCP proxy for fault-injection tests: it listens on 127.0.0.1 (ephemeral port), relays
/// HTTP/1.1 exchanges to an upstream server on 127.0.0.1, and breaks chosen ones: drop before
/// forwarding, reset mid-response, delay, answer 500 itself, truncate the body. Each request's
/// fault comes from the script (`enqueue`), else the rule (`setRule`), else a draw from a seeded
/// generator at the configured rates, so a sequential client sees the same faults for the same
/// seed. Plain POSIX sockets, one accept thread and one thread per client connection. Counters and
/// an event log tell what it did. Call `stop()` when done (dropping it stops it too).
public final class FaultProxy: Sendable {
    private let core: FaultProxyCore
    /// The port it listens on.
    public let port: UInt16
    /// The upstream server's port on 127.0.0.1.
    public let upstreamPort: UInt16
    /// The seed of its fault generator.
    public let seed: UInt64

    /// Starts listening; requests go to 127.0.0.1:`upstreamPort`, with random faults at `rates`
    /// drawn from a generator seeded with `seed`.
    public init(upstreamPort: UInt16, rates: FaultProxyRates = .none, seed: UInt64 = 1) throws {
        let (listener, port) = try LoopbackHTTPSocket.bindLoopback(listen: true)
        self.port = port
        self.upstreamPort = upstreamPort
        self.seed = seed
        let core = FaultProxyCore(listener: listener, upstreamPort: upstreamPort, rates: rates, seed: seed)
        self.core = core
        let thread = Thread { core.acceptLoop() }
        thread.name = "fault-proxy-accept"
        thread.start()
    }

    deinit {
        core.stop()
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// The absolute URL of `path` (which starts with `/`) through the proxy.
    public func url(_ path: String) -> String {
        baseURL + path
    }

    /// Queues faults for the next requests, in order, ahead of the rule and the random draws.
    public func enqueue(_ faults: FaultProxyFault...) {
        core.enqueue(faults)
    }

    /// Queues faults for the next requests, in order, ahead of the rule and the random draws.
    public func enqueue(contentsOf faults: [FaultProxyFault]) {
        core.enqueue(faults)
    }

    /// Sets (or clears) a rule consulted for requests without a scripted fault; returning nil
    /// leaves the choice to the random draw.
    public func setRule(_ rule: (@Sendable (FaultProxyRequestInfo) -> FaultProxyFault?)?) {
        core.setRule(rule)
    }

    /// Replaces the random fault rates (the generator keeps its position).
    public func setRates(_ rates: FaultProxyRates) {
        core.setRates(rates)
    }

    /// What it did so far.
    public var counters: FaultProxyCounters {
        core.counters
    }

    /// Every request so far with the fault it got, in arrival order.
    public var events: [FaultProxyEvent] {
        core.events
    }

    /// Stops accepting, closes every connection and the listener. Safe to call twice.
    public func stop() {
        core.stop()
    }
}
