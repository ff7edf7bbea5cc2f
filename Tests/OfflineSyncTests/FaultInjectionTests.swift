import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import Synchronization
import TestSupport
import Testing

@testable import OfflineSync

/// The whole delivery stack (SyncEngine → OasstClient → CurlTransport → real loopback HTTP) against a small
/// backend that keeps the protocol's idempotency rules, with faults injected on a fixed pseudo-random plan:
/// requests lost before the server sees them, responses lost after it applied them, and 503s.
@Suite struct FaultInjectionTests {
    /// The backend's state: ack bindings and stored answers, per task.
    final class MiniBackend: Sendable {
        struct State {
            var boundAck: [String: String] = [:]  // task id → ack id
            var stored: [String: Int] = [:]  // ack id → times stored
            var replays = 0  // interactions answered 2105
            var seed: UInt64 = 0x2545_F491_4F6C_DD1D
            var faults: [String: Int] = [:]
        }
        let state = Mutex(State())

        /// The next fault from a fixed linear congruential sequence (same plan on every run).
        private func nextFault() -> Int {
            state.withLock { state in
                state.seed = state.seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state.seed >> 33) % 6)
            }
        }

        private func count(_ name: String) { state.withLock { $0.faults[name, default: 0] += 1 } }

        private static func json(_ status: Int, _ text: String) -> LoopbackHTTPReply {
            LoopbackHTTPReply(
                status: status, headers: [("Content-Type", "application/json")], body: .bytes(Data(text.utf8)))
        }

        private static func error(_ code: Int, _ message: String, status: Int = 400) -> LoopbackHTTPReply {
            json(status, #"{"error_code":\#(code),"message":"\#(message)"}"#)
        }

        func handle(_ request: LoopbackHTTPRequest) -> LoopbackHTTPReply {
            if request.path.hasSuffix("/admin/backend_settings/public") { return Self.json(200, "{}") }
            let fault = nextFault()
            if fault == 0 {  // lost on the way in: nothing applied
                count("request lost")
                return LoopbackHTTPReply(behaviour: .closeWithoutAnswer, closeConnection: true)
            }
            if fault == 1 {
                count("503")
                return Self.error(4, "DATABASE_MAX_RETRIES_EXHAUSTED", status: 503)
            }
            let reply = apply(request)
            if fault == 2 {  // applied, answer lost on the way back
                count("response lost")
                return LoopbackHTTPReply(behaviour: .closeWithoutAnswer, closeConnection: true)
            }
            return reply
        }

        private func apply(_ request: LoopbackHTTPRequest) -> LoopbackHTTPReply {
            let object = (try? JSONSerialization.jsonObject(with: request.body)) as? [String: Any] ?? [:]
            let parts = request.path.split(separator: "/")
            if request.path.hasSuffix("/ack"), parts.count >= 2 {
                let taskId = String(parts[parts.count - 2])
                guard let ackId = object["message_id"] as? String else { return Self.error(2000, "empty") }
                return state.withLock { state in
                    if let bound = state.boundAck[taskId], bound != ackId { return Self.error(2103, "other ack id") }
                    state.boundAck[taskId] = ackId
                    return LoopbackHTTPReply(status: 204, headers: [("Content-Type", "application/json")])
                }
            }
            if request.path.hasSuffix("/tasks/interaction") {
                guard let ackId = object["message_id"] as? String else { return Self.error(2000, "empty") }
                return state.withLock { state in
                    guard state.boundAck.values.contains(ackId) else { return Self.error(2100, "Task not found") }
                    if state.stored[ackId] != nil {
                        state.replays += 1
                        return Self.error(2105, "Task already done.")
                    }
                    state.stored[ackId] = 1
                    return Self.json(200, #"{"id":"\#(UUID().uuidString.lowercased())","type":"task_done"}"#)
                }
            }
            return Self.error(0, "unexpected call", status: 500)
        }
    }

    @Test func everyAnswerLandsExactlyOnceThroughLostRequestsLostResponsesAnd503s() async throws {
        let backend = MiniBackend()
        let server = try LoopbackHTTPServer { backend.handle($0) }
        defer { server.stop() }
        let store = try OfflineStore.inMemory()
        var items: [OutboxItem] = []
        for _ in 0..<20 {
            items.append(try SyncFixture.submit(store, UUID().uuidString.lowercased()))
        }
        let transport = CurlTransport(
            configuration: CurlTransportConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(5)))
        let client = OasstClient(
            configuration: OasstClientConfiguration(baseURL: server.baseURL, apiKey: "key", user: SyncFixture.alice),
            transport: transport)
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncEngine(
            store: store, service: OasstClientService(client: client), clock: clock, random: { 0.5 })

        var rounds = 0
        while try store.counts(now: clock.now()).undelivered > 0, rounds < 100 {
            rounds += 1
            await engine.step()
            clock.advance(400)  // past any backoff (cap 300 s), far inside the 2-day deadline
        }

        let faults = backend.state.withLock { $0.faults }
        #expect((faults["request lost"] ?? 0) > 0)
        #expect((faults["response lost"] ?? 0) > 0)
        #expect((faults["503"] ?? 0) > 0)
        let counts = try store.counts(now: clock.now())
        #expect(counts.delivered == items.count)
        #expect(counts.held == 0 && counts.failed == 0 && counts.undelivered == 0)
        let stored = backend.state.withLock { $0.stored }
        #expect(stored.count == items.count)
        #expect(stored.values.allSatisfy { $0 == 1 })
        // Some answers were stored while their response was lost, and their replay counted as delivered.
        #expect(backend.state.withLock { $0.replays } > 0)
        for item in items {
            #expect(stored[item.ackId] == 1)
            #expect(backend.state.withLock { $0.boundAck[item.taskId] } == item.ackId)
        }
    }
}
