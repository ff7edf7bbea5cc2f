import Foundation
import OasstProtocol
import Synchronization
import Testing

@testable import CollectionServer

/// The server's shortcuts agree with the slow paths they replace: the tree-advance gate with a full pass, the
/// direct request decoding with `Decodable`, the group writer with one transaction per request.
@Suite struct HandOutShortcutTests {
    /// Whether a full advance pass would change any tree now, checked inside a savepoint that is rolled back.
    static func fullPassWouldChange(_ store: ServerStore, lang: String) throws -> Bool {
        try store.pool.write { db in
            var changed = false
            try db.inSavepoint {
                let sql = "SELECT id || ':' || state FROM message_tree ORDER BY id"
                let before = try String.fetchAll(db, sql: sql)
                try store.advanceTreesUngated(db, lang: lang)
                changed = try String.fetchAll(db, sql: sql) != before
                return .rollback
            }
            return changed
        }
    }

    @Test func gateSkipsOnlyPassesThatWouldChangeNothing() async throws {
        let clock = TestClock()
        let configuration = ServerHarness.configuration(clock: clock) {
            $0.rateLimits.enabled = false
            $0.maxPendingTasksPerUser = 1000
            $0.goalTreeSize = 5
        }
        try await ServerHarness.with(configuration) { harness in
            let store = harness.server.store
            let users = ["ann", "ben", "cid", "dot", "eve"]
            var random = SystemRandomNumberGenerator()
            var skippedPasses = 0
            var states: Set<String> = []
            for step in 0..<400 {
                let user = users[step % users.count]
                let reply = try await harness.requestTask("random", user: user)
                if reply.status == 200, let task = reply.body, let id = task["id"]?.stringValue {
                    let type = task["type"]?.stringValue ?? ""
                    let roll = Int.random(in: 0..<10, using: &random)
                    if roll == 0 {
                        // Abandoned: an open task that blocks its tree until the lock window passes.
                    } else if roll == 1 {
                        #expect(try await harness.nack(id, user: user).status == 204)
                    } else if let answered = try await harness.answer(
                        task, user: user, text: "Step \(step) by \(user) (\(type)).")
                    {
                        #expect(answered.status == 200, "\(String(decoding: answered.rawBody, as: UTF8.self))")
                    }
                }
                if step % 50 == 49 { clock.advance(configuration.pendingTaskWindow + 1) }
                if store.treeGate.isFresh(lang: "en", now: clock.now.timeIntervalSince1970) {
                    skippedPasses += 1
                    #expect(try !Self.fullPassWouldChange(store, lang: "en"), "gate fresh but a pass changes trees")
                }
                let current = try await store.pool.read { db in
                    try String.fetchAll(db, sql: "SELECT DISTINCT state FROM message_tree")
                }
                states.formUnion(current)
            }
            // The run must have exercised the gate and moved trees through their states.
            #expect(skippedPasses > 100)
            #expect(states.isSuperset(of: ["growing", "ranking", "ready_for_export"]), "\(states)")
        }
    }

    /// A nack that halts a tree frees its lottery slot: the next request's pass must run (the gate was fresh).
    @Test func nackThatHaltsATreeReopensTheLottery() async throws {
        let configuration = ServerHarness.configuration {
            $0.rateLimits.enabled = false
            $0.autoModMaxSkipReply = 1
            $0.maxActiveTrees = 1
            $0.seedOverride = [
                .init(state: "growing", lang: "en", root: .init(role: "prompter", text: "Growing", accepted: true)),
                .init(
                    state: "prompt_lottery_waiting", lang: "en",
                    root: .init(role: "prompter", text: "Waiting", accepted: true)),
            ]
        }
        try await ServerHarness.with(configuration) { harness in
            let task = try await harness.requestTask("assistant_reply", user: "ann")
            let id = try #require(task.body?["id"]?.stringValue, "\(String(decoding: task.rawBody, as: UTF8.self))")
            #expect(harness.server.store.treeGate.isFresh(lang: "en", now: Date().timeIntervalSince1970 - 1e9))
            #expect(try await harness.nack(id, user: "ann").status == 204)
            _ = try await harness.requestTask("random", user: "ben")
            let states = try await harness.server.store.pool.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT m.text || ':' || mt.state FROM message_tree mt JOIN message m ON m.id = mt.id ORDER BY 1"
                )
            }
            #expect(states == ["Growing:halted_by_moderator", "Waiting:growing"])
        }
    }

    @Test func directDecodingMatchesDecodable() throws {
        let user: JSONValue = .object([
            "id": "u1", "display_name": "U One", "auth_method": "local", "extra": .integer(3),
        ])
        let taskID = UUID().uuidString.lowercased()
        let bodies: [[String: JSONValue]] = [
            [
                "type": "text_reply_to_message", "message_id": "ack-1", "user_message_id": "m-1", "text": " Hi\n",
                "lang": "en", "user": user,
            ],
            ["type": "text_reply_to_message", "message_id": "a", "user_message_id": "b", "text": "t", "user": user],
            [
                "type": "text_reply_to_message", "message_id": "a", "user_message_id": "b", "text": "t",
                "lang": .null, "user": user,
            ],
            [
                "type": "message_ranking", "message_id": "a", "ranking": .array([.integer(1), .integer(0)]),
                "user": user,
            ],
            [
                "type": "message_ranking", "message_id": "a", "ranking": .array([.integer(0)]),
                "not_rankable": .bool(true),
                "user": user,
            ],
            [
                "type": "text_labels", "message_id": .string(UUID().uuidString), "task_id": .string(taskID),
                "text": "", "labels": .object(["spam": .double(0), "quality": .double(0.75)]), "user": user,
            ],
            [
                "type": "text_labels", "message_id": .string(UUID().uuidString.lowercased()), "task_id": .null,
                "text": "x", "labels": .object([:]), "is_report": .bool(true), "lang": "de", "user": user,
            ],
        ]
        for members in bodies {
            let type = try #require(members["type"]?.stringValue.flatMap(InteractionType.init(rawValue:)))
            let direct = try #require(RequestValidator.interaction(type, members), "\(members)")
            let decoded = try RequestValidator.decode(Interaction.self, from: .object(members))
            #expect(direct == decoded)
            #expect(try RequestValidator.interaction(.object(members)) == decoded)
        }
        #expect(RequestValidator.user(user) == User(id: "u1", displayName: "U One", authMethod: "local"))
        // Shapes the direct path leaves to the decoder (which reports them as 422s).
        let unusual: [[String: JSONValue]] = [
            [
                "type": "text_reply_to_message", "message_id": "a", "user_message_id": "b", "text": "t",
                "lang": .integer(5), "user": user,
            ],
            ["type": "message_ranking", "message_id": "a", "ranking": .array([.double(1)]), "user": user],
            [
                "type": "message_ranking", "message_id": "a", "ranking": .array([.integer(0)]), "not_rankable": "yes",
                "user": user,
            ],
            [
                "type": "text_labels", "message_id": .string(UUID().uuidString), "task_id": .string(taskID),
                "text": "", "labels": .object(["spam": .integer(0)]), "user": user,
            ],
        ]
        for members in unusual {
            let type = try #require(members["type"]?.stringValue.flatMap(InteractionType.init(rawValue:)))
            #expect(RequestValidator.interaction(type, members) == nil, "\(members)")
        }
        #expect(throws: ServerError.self) {
            try RequestValidator.interaction(.object(unusual[0]))
        }
    }

    /// Every task the server hands out is written byte for byte as `JSONEncoder` writes it (the wire format).
    @Test func taskJSONMatchesTheEncoderForHandedOutTasks() async throws {
        let configuration = ServerHarness.configuration {
            $0.rateLimits.enabled = false
            $0.maxPendingTasksPerUser = 1000
        }
        try await ServerHarness.with(configuration) { harness in
            var kinds: Set<String> = []
            for step in 0..<150 {
                let user = ["ann", "ben", "cid"][step % 3]
                let type = ["random", "initial_prompt", "label_initial_prompt", "rank_assistant_replies"][step % 4]
                let reply = try await harness.requestTask(type, user: user, lang: ["en", "de"][step % 2])
                guard reply.status == 200, let body = reply.body else { continue }
                let task = try OasstJSON.decode(OasstTask.self, from: reply.rawBody)
                #expect(reply.rawBody == (try OasstJSON.makeEncoder().encode(task)), "\(task.typeName)")
                kinds.insert(task.typeName)
                _ = try await harness.answer(body, user: user, text: "Answer \(step) from \(user).")
            }
            #expect(kinds.count >= 6, "\(kinds)")
        }
    }

    /// Drawing among all kinds and redrawing without unavailable ones gives each available kind its weight's share.
    @Test func randomDrawFollowsTheWeightsOfAvailableKinds() throws {
        let available: Set<TaskType> = [.labelAssistantReply, .initialPrompt, .rankPrompterReplies, .prompterReply]
        let draws = 40_000
        var counts: [TaskType: Int] = [:]
        for _ in 0..<draws {
            counts[try ServerStore.drawKind { available.contains($0) }, default: 0] += 1
        }
        #expect(Set(counts.keys).isSubset(of: available))
        let total = available.map(ServerStore.randomWeight).reduce(0, +)
        for kind in available {
            let share = ServerStore.randomWeight(kind) / total
            let expected = share * Double(draws)
            let spread = (Double(draws) * share * (1 - share)).squareRoot()
            let seen = Double(counts[kind] ?? 0)
            // Five standard deviations: a correct draw fails this about once in two million runs.
            #expect(abs(seen - expected) <= 5 * spread + 1, "\(kind): \(seen) drawn, \(expected) expected")
        }
        #expect(throws: ServerError.self) { try ServerStore.drawKind { _ in false } }
        var asked: [TaskType] = []
        _ = try? ServerStore.drawKind {
            asked.append($0)
            return false
        }
        #expect(Set(asked) == Set(ServerStore.randomKinds.map(\.0)) && asked.count == ServerStore.randomKinds.count)
    }

    /// A failing request's changes are rolled back alone; the others of its group commit and get their results.
    @Test func groupWriterRollsBackOnlyFailingRequests() async throws {
        let store = try ServerStore(
            path: ServerHarness.temporaryDatabase(),
            configuration: ServerHarness.configuration { $0.loadSeedCorpus = false })
        let pool = store.pool
        try await pool.write { db in try db.execute(sql: "CREATE TABLE item (value INTEGER NOT NULL)") }
        let commits = CommitCounter()
        let rollbacks = CommitCounter()
        let writer = GroupWriter(pool: pool, didCommit: { commits.add() }, didRollBack: { rollbacks.add() })
        let results = await withTaskGroup(of: (Int, Int?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let value = try? await writer.write { db -> Int in
                        try db.execute(sql: "INSERT INTO item (value) VALUES (?)", arguments: [index])
                        if index % 5 == 0 { throw ServerError.oasst(1, "refused") }
                        return try Int.fetchOne(
                            db, sql: "SELECT COUNT(*) FROM item WHERE value = ?", arguments: [index])
                            ?? 0
                    }
                    return (index, value)
                }
            }
            var all: [Int: Int?] = [:]
            for await (index, value) in group { all[index] = value }
            return all
        }
        for (index, value) in results {
            #expect(value == (index % 5 == 0 ? nil : 1), "request \(index)")
        }
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT value FROM item ORDER BY value") }
        #expect(stored == (0..<200).filter { $0 % 5 != 0 })
        #expect(commits.value >= 1 && commits.value <= 200)
        #expect(rollbacks.value == 40)
    }
}

/// Counts commits or rollbacks reported by a `GroupWriter`.
final class CommitCounter: Sendable {
    private let count = Mutex(0)
    /// Commits so far.
    var value: Int { count.withLock { $0 } }
    /// Adds one.
    func add() { count.withLock { $0 += 1 } }
}
