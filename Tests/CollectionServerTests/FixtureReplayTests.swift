import Foundation
import HTTPTypes
import OasstProtocol
import TestSupport
import Testing

@testable import CollectionServer

/// Replays the recorded backend exchanges against this server. Ids are adapted: recorded task ids, message ids
/// and tree ids are mapped to the ones this server produced (learned from its answers, or bound by a setup step
/// for tasks the recording requested outside the fixture set); valid rankings are resized to the number of
/// replies this server delivered. Every replayed exchange must give the recorded status and `error_code`.
///
/// Not replayed, and why:
/// * 48 — the recorded 503 is a transient artefact of the backend activating a tree in the same request; this
///   server activates lottery winners synchronously, so the same request succeeds.
/// * 98 — a 600-character nack reason crashes the backend (500 / 0); PROTOCOL.md §8 lets a compatible server reject
///   it cleanly instead, so this server answers 422 (checked below as an intended difference).
@Suite struct FixtureReplayTests {
    /// Replays a list of steps on one server and checks each recorded status / error code.
    final class Runner: @unchecked Sendable {
        let harness: ServerHarness
        var ids: [String: String] = [:]
        var replyCounts: [String: Int] = [:]
        var taskByAck: [String: String] = [:]
        var replayed: [Int] = []

        init(_ harness: ServerHarness) { self.harness = harness }

        /// Replaces every mapped id in a text.
        func map(_ text: String) -> String {
            var out = text
            for (recorded, ours) in ids { out = out.replacingOccurrences(of: recorded, with: ours) }
            return out
        }

        /// Learns id pairs from a recorded task and this server's task.
        func learn(recorded: JSONValue?, ours: JSONValue?) {
            for key in ["id", "message_id", "ranking_parent_id", "message_tree_id"] {
                if let left = recorded?[key]?.stringValue, let right = ours?[key]?.stringValue {
                    ids[left] = right
                }
            }
            if let id = ours?["id"]?.stringValue, case .array(let replies)? = ours?["reply_messages"] {
                replyCounts[id] = replies.count
            }
        }

        /// Sends a recorded request (with ids mapped) and checks the answer; returns this server's reply.
        @discardableResult
        func replay(_ number: Int, expectStatus: Int? = nil) async throws -> Reply {
            let exchange = try RecordedExchange.load(number)
            let path = map(exchange.request.path)
            var headers: [String: String] = [:]
            for (name, value) in exchange.request.headers {
                headers[name] = value == "<api-key>" ? ServerHarness.apiKey : value
            }
            var body: JSONValue?
            if let recordedBody = exchange.request.body {
                let text = map(String(decoding: try RecordedExchange.data(recordedBody), as: UTF8.self))
                body = try OasstJSON.decode(JSONValue.self, from: Data(text.utf8))
            }
            if path.hasSuffix("/ack"), let ack = body?["message_id"]?.stringValue {
                let taskID = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
                if taskByAck[ack] == nil { taskByAck[ack] = taskID }
            }
            if case .object(var members)? = body, members["type"] == "message_ranking",
                exchange.response.status == 200, let ack = members["message_id"]?.stringValue,
                let task = taskByAck[ack], let count = replyCounts[task]
            {
                members["ranking"] = .array((0..<count).map { .integer(Int64($0)) })
                body = .object(members)
            }
            let reply = try await harness.send(
                HTTPRequest.Method(exchange.request.method) ?? .post, path, json: body, headers: headers)
            let expected = expectStatus ?? exchange.response.status
            #expect(
                reply.status == expected, "fixture \(exchange.name): \(String(decoding: reply.rawBody, as: UTF8.self))")
            if expectStatus == nil, let code = exchange.response.body?["error_code"]?.intValue {
                #expect(reply.errorCode == code, "fixture \(exchange.name)")
            }
            if exchange.response.status == 422 {
                #expect(reply.body?["detail"] != nil, "fixture \(exchange.name) 422 shape")
            }
            if exchange.response.status == 204 {
                #expect(reply.rawBody.isEmpty && reply.contentType == "application/json", "fixture \(exchange.name)")
            }
            if exchange.response.status == 200, reply.status == 200 {
                learn(recorded: exchange.response.body, ours: reply.body)
                if exchange.response.body?["type"]?.stringValue != "task_done",
                    exchange.request.body?["type"]?.stringValue != "random",
                    let type = exchange.response.body?["type"]?.stringValue
                {
                    #expect(reply.body?["type"]?.stringValue == type, "fixture \(exchange.name) task type")
                }
            }
            replayed.append(number)
            return reply
        }

        /// Requests a task outside the fixtures and binds it to a recorded task id (optionally acking it).
        @discardableResult
        func setup(
            _ type: String, user: String, alias: String? = nil, ack: String? = nil, lang: String = "en"
        )
            async throws -> JSONValue?
        {
            let reply = try await harness.requestTask(type, user: user, lang: lang)
            #expect(reply.status == 200, "setup \(type) for \(user): \(String(decoding: reply.rawBody, as: UTF8.self))")
            if let id = reply.body?["id"]?.stringValue {
                if let alias { ids[alias] = id }
                learn(recorded: nil, ours: reply.body)
                if let ack {
                    let acked = try await harness.ack(id, ack)
                    #expect(acked.status == 204)
                    taskByAck[ack] = id
                }
            }
            return reply.body
        }
    }

    static func withRunner(
        clock: TestClock = TestClock(), _ change: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (Runner) async throws -> Void
    ) async throws {
        let configuration = ServerHarness.configuration(clock: clock) {
            $0.seedOverride = SeedLoader.inlineTrees
            change(&$0)
        }
        try await ServerHarness.with(configuration) { harness in
            try await body(Runner(harness))
        }
    }

    @Test func usersAvailabilityAndRequestErrors() async throws {
        try await Self.withRunner { runner in
            for number in [1, 2, 3, 4, 5, 6, 69, 70, 71, 72, 73, 74, 75, 80, 95] {
                try await runner.replay(number)
            }
            let repeat2 = try await runner.replay(2)
            #expect(repeat2.body?["tos_acceptance_date"] != nil && repeat2.body?["tos_acceptance_date"] != .null)
            let availability = try await runner.replay(5)
            let recorded = try RecordedExchange.load(5)
            if case .object(let ours)? = availability.body, case .object(let theirs)? = recorded.response.body {
                #expect(Set(ours.keys) == Set(theirs.keys))
                let others = ours.filter { $0.key != "random" }.values.compactMap(\.intValue).reduce(0, +)
                #expect(ours["random"]?.intValue == others)
            } else {
                Issue.record("availability is not an object")
            }
        }
    }

    @Test func randomRankingAndNothingAvailable() async throws {
        let seed = [
            SeedLoader.Tree(
                state: "ranking", lang: "en",
                root: .init(
                    role: "prompter", text: "Why is the sea salty?", accepted: true,
                    replies: [
                        .init(role: "assistant", text: "Rivers carry dissolved minerals into it.", accepted: true),
                        .init(role: "assistant", text: "Evaporation leaves the salt behind.", accepted: true),
                        .init(role: "assistant", text: "Because of undersea vents, partly.", accepted: true),
                    ]))
        ]
        try await Self.withRunner({
            $0.seedOverride = seed
            $0.maxInitialPromptReview = 0
        }) { runner in
            for number in [7, 8, 9, 23] { try await runner.replay(number) }
        }
    }

    @Test func writingLabellingAndRankingFlow() async throws {
        try await Self.withRunner { runner in
            for number in [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29] {
                try await runner.replay(number)
            }
            try await runner.setup("assistant_reply", user: "carol", ack: "ack-a06235baf5d8")
            for number in [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 49, 50, 51, 52] {
                try await runner.replay(number)
            }
        }
    }

    @Test func ackNackAndOwnership() async throws {
        try await Self.withRunner { runner in
            try await runner.setup(
                "rank_assistant_replies", user: "grace", alias: "051122d7-126a-47ae-bdb6-f500e49031a9")
            _ = try await runner.harness.requestTask("initial_prompt", user: "bob")
            try await runner.setup(
                "rank_prompter_replies", user: "grace", alias: "446ca886-763e-484c-bc97-93aa18d7d00e")
            for number in [53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68] {
                try await runner.replay(number)
            }
        }
    }

    @Test func pendingLimitAndRateLimit() async throws {
        try await Self.withRunner { runner in
            try await runner.replay(76)
            var last: JSONValue?
            for _ in 0..<7 { last = try await runner.setup("random", user: "frank") }
            try await runner.replay(77)
            let id = try #require(last?["id"]?.stringValue)
            #expect(try await runner.harness.nack(id, user: "frank").status == 204)
            try await runner.replay(78)
            for _ in 0..<4 { _ = try await runner.harness.requestTask("assistant_reply", user: "heidi") }
            try await runner.replay(79)
        }
    }

    @Test func termsOfServiceEnforced() async throws {
        try await Self.withRunner({ $0.enforceTermsOfService = true }) { runner in
            for number in [81, 82, 83] { try await runner.replay(number) }
        }
    }

    @Test func expiryAndCleanup() async throws {
        let clock = TestClock()
        try await Self.withRunner(clock: clock, { $0.taskValidity = 60 }) { runner in
            try await runner.replay(81)
            try await runner.replay(84)
            try await runner.replay(85)
            try await runner.setup("random", user: "ivan", alias: "773ab9cf-5a8a-4e6d-b8f3-0d657205c0ad")
            clock.advance(61)
            for number in [86, 87, 88] { try await runner.replay(number) }
            try await runner.harness.server.store.cleanupExpiredTasks()
            for number in [89, 90] { try await runner.replay(number) }
        }
    }

    @Test func pendingWindowLateAnswersAndSharedAckIDs() async throws {
        let clock = TestClock()
        try await Self.withRunner(clock: clock) { runner in
            try await runner.setup("rank_prompter_replies", user: "judy", ack: "ack-a7a9722513c8")
            for _ in 0..<7 { try await runner.setup("initial_prompt", user: "judy", ack: UUID().uuidString) }
            clock.advance(301)
            try await runner.replay(91)
            try await runner.replay(92)

            try await runner.setup("rank_assistant_replies", user: "kate", ack: "ack-shared-51eb695dd6f1")
            let other = try await runner.setup(
                "rank_prompter_replies", user: "kate", alias: "550183c1-cf4c-4970-bc74-dcf344ec1167")
            try await runner.replay(93)
            try await runner.replay(94)
            let messageID = try #require(
                other?["conversation"]?["messages"].flatMap { value -> String? in
                    if case .array(let items) = value { return items.first?["id"]?.stringValue }
                    return nil
                })
            runner.ids["3aef9614-c510-4ec1-8897-043091ad22f9"] = messageID
            try await runner.replay(96)
            _ = try await runner.harness.send(
                .post, "/api/v1/frontend_users/", json: ServerHarness.user("bob"))
            try await runner.setup("initial_prompt", user: "kate", alias: "03acca30-c0d9-40ac-a033-3395b47c8731")
            try await runner.replay(97)
            try await runner.setup("initial_prompt", user: "kate", alias: "f9d8467e-c948-4787-802e-7d7a6d2a4e76")
            try await runner.replay(98, expectStatus: 422)
            try await runner.replay(99)
        }
    }

    /// Every fixture except the two listed in the suite comment is covered by one of the scenarios above.
    @Test func everyFixtureIsAccountedFor() throws {
        let covered: Set<Int> = Set(
            [1, 2, 3, 4, 5, 6, 69, 70, 71, 72, 73, 74, 75, 80, 95, 7, 8, 9, 23]
                + Array(10...22) + Array(24...47) + [49, 50, 51, 52] + Array(53...68) + [76, 77, 78, 79]
                + [81, 82, 83] + Array(84...90) + [91, 92, 93, 94, 96, 97, 98, 99])
        let notReplayed: Set<Int> = [48]
        let all = Set(try RecordedExchange.all().map(\.number))
        #expect(all.subtracting(covered).subtracting(notReplayed).isEmpty, "\(all.subtracting(covered))")
    }
}
