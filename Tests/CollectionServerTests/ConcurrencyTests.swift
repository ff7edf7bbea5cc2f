import Foundation
import HummingbirdTesting
import OasstProtocol
import Testing

@testable import CollectionServer

/// Many clients at once over real loopback connections: nothing is lost, no task is handed out twice, the database stays sound.
@Suite struct ConcurrencyTests {
    struct Outcome: Sendable {
        var taskIDs: [String] = []
        var answered = 0
        var failures: [String] = []
    }

    static func run(clients: Int, cycles: Int, soakSeconds: Double? = nil) async throws {
        let configuration = ServerHarness.configuration {
            $0.rateLimits.enabled = false
            $0.clock = { Date() }
        }
        try await ServerHarness.withLoopback(configuration) { harness in
            let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for index in 0..<clients {
                    group.addTask {
                        var outcome = Outcome()
                        let user = "worker\(index)"
                        let started = Date()
                        var cycle = 0
                        while soakSeconds.map({ Date().timeIntervalSince(started) < $0 }) ?? (cycle < cycles) {
                            cycle += 1
                            let reply = try await harness.requestTask("random", user: user)
                            guard reply.status == 200, let task = reply.body, let id = task["id"]?.stringValue else {
                                if reply.status != 503 { outcome.failures.append("request \(reply.status)") }
                                continue
                            }
                            outcome.taskIDs.append(id)
                            let result = try await harness.answer(
                                task, user: user, text: "Message \(cycle) of \(user): \(UUID().uuidString)")
                            if result?.status == 200 {
                                outcome.answered += 1
                            } else {
                                outcome.failures.append(
                                    "answer \(result?.status ?? 0) \(String(decoding: result?.rawBody ?? Data(), as: UTF8.self))"
                                )
                            }
                        }
                        return outcome
                    }
                }
                var all: [Outcome] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            let ids = outcomes.flatMap(\.taskIDs)
            #expect(!ids.isEmpty)
            #expect(Set(ids).count == ids.count, "a task id was handed out twice")
            #expect(outcomes.flatMap(\.failures).isEmpty, "\(outcomes.flatMap(\.failures).prefix(5))")
            let answered = outcomes.map(\.answered).reduce(0, +)
            let stored = try await harness.server.store.pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task WHERE done = 1") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task") ?? -1,
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM (SELECT user_id, target_message_id, type FROM task
                            WHERE target_message_id IS NOT NULL AND type NOT IN ('assistant_reply', 'prompter_reply')
                            GROUP BY user_id, target_message_id, type HAVING COUNT(*) > 1)
                            """) ?? -1
                )
            }
            #expect(stored.0 == answered)
            #expect(stored.1 == ids.count)
            #expect(stored.2 == 0, "a user got the same label/ranking item twice")
            #expect(try harness.server.integrityCheck() == "ok")
        }
    }

    @Test func sixteenClientsCycleConcurrently() async throws {
        try await Self.run(clients: 16, cycles: 6)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["OASST_SOAK"] == "1"))
    func soakThirtySeconds() async throws {
        try await Self.run(clients: 16, cycles: 0, soakSeconds: 30)
    }
}
