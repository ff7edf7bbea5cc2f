import Foundation
import OasstProtocol
import Testing

@testable import CollectionServer

/// Grows one tree from a new prompt to `ready_for_export` by driving the protocol as several users, then checks
/// the JSONL export against the Open-Assistant message-tree format.
@Suite struct TreeGrowthTests {
    static let users = ["alice", "bob", "carol", "dave", "erin", "frank"]

    @Test func promptGrowsToReadyForExportAndExports() async throws {
        let configuration = ServerHarness.configuration {
            $0.loadSeedCorpus = false
            $0.rateLimits.enabled = false
            $0.goalTreeSize = 5
            $0.maxTreeDepth = 2
        }
        try await ServerHarness.with(configuration) { harness in
            let prompt = try await harness.requestTask("initial_prompt", user: "alice")
            let answered = try await harness.answer(
                try #require(prompt.body), user: "alice", text: "What makes a good cup of tea?")
            #expect(answered?.status == 200)
            var exported: [String] = []
            var counter = 0
            var seenTypes: Set<String> = []
            rounds: for _ in 0..<120 {
                for user in Self.users {
                    let reply = try await harness.requestTask("random", user: user)
                    guard reply.status == 200, let task = reply.body else {
                        #expect(reply.status == 503, "\(String(decoding: reply.rawBody, as: UTF8.self))")
                        continue
                    }
                    counter += 1
                    seenTypes.insert(task["type"]?.stringValue ?? "")
                    let result = try await harness.answer(
                        task, user: user, text: "Answer number \(counter) from \(user).", nackPrompts: true)
                    if let result {
                        #expect(result.status == 200, "\(String(decoding: result.rawBody, as: UTF8.self))")
                    }
                    exported = try harness.server.makeExporter().lines()
                    if !exported.isEmpty { break rounds }
                }
            }
            #expect(exported.count == 1)
            #expect(
                seenTypes.isSuperset(of: [
                    "label_initial_prompt", "assistant_reply", "prompter_reply", "label_assistant_reply",
                    "label_prompter_reply", "rank_assistant_replies",
                ]), "\(seenTypes)")
            let line = try #require(exported.first)
            #expect(!line.contains("\n"))
            let tree = try OasstJSON.decode(JSONValue.self, from: Data(line.utf8))
            #expect(tree["tree_state"] == "ready_for_export")
            let root = try #require(tree["prompt"])
            #expect(tree["message_tree_id"] == root["message_id"])
            #expect(root["role"] == "prompter")
            #expect(root["text"] == "What makes a good cup of tea?")
            #expect(root["parent_id"] == nil)
            #expect(root["review_result"] == .bool(true))
            Self.checkNode(root, parent: nil)
            #expect(Self.count(root) >= 5)
            #expect(Self.containsRankedSiblings(root))
            let withEvents = try harness.server.makeExporter().lines(includeEvents: true)
            #expect(withEvents.count == 1)
            #expect(withEvents.first?.contains("\"ranked_message_ids\"") == true)
            #expect(withEvents.first?.contains("\"type\":\"ranking\"") == true)
            #expect(!line.contains("\"events\""))
        }
    }

    /// Checks the node fields recursively: no nulls, roles alternate, labels as {value, count}, ranks 0..<n.
    static func checkNode(_ node: JSONValue, parent: JSONValue?) {
        guard case .object(let members) = node else {
            Issue.record("node is not an object")
            return
        }
        #expect(!members.values.contains(.null), "null field in \(members.keys.sorted())")
        for key in ["message_id", "text", "role", "lang", "replies"] {
            #expect(members[key] != nil, "missing \(key)")
        }
        if let parent {
            #expect(node["parent_id"] == parent["message_id"])
            #expect(node["role"] != parent["role"])
        }
        if case .object(let labels)? = node["labels"] {
            for (_, label) in labels {
                #expect(label["value"]?.stringValue == nil && label["count"]?.intValue != nil)
            }
        }
        guard case .array(let replies)? = node["replies"] else { return }
        let ranks = replies.compactMap { $0["rank"]?.intValue }
        if !ranks.isEmpty { #expect(ranks == Array(0..<ranks.count)) }
        for reply in replies { checkNode(reply, parent: node) }
    }

    static func count(_ node: JSONValue) -> Int {
        guard case .array(let replies)? = node["replies"] else { return 1 }
        return 1 + replies.map(count).reduce(0, +)
    }

    static func containsRankedSiblings(_ node: JSONValue) -> Bool {
        guard case .array(let replies)? = node["replies"] else { return false }
        if replies.filter({ $0["rank"] != nil }).count >= 2 { return true }
        return replies.contains(where: containsRankedSiblings)
    }

    @Test func rankedPairsFollowTheMajorityAndBreakCycles() {
        let order = RankAggregator.rankedPairs(
            candidates: ["a", "b", "c"], rankings: [["b", "a", "c"], ["b", "c", "a"], ["a", "b", "c"]])
        #expect(order == ["b", "a", "c"])
        #expect(RankAggregator.rankedPairs(candidates: ["x", "y"], rankings: []) == ["x", "y"])
        // A Condorcet cycle (a > b, b > c, c > a, each by one vote): c > a is locked last and dropped.
        let cycle = RankAggregator.rankedPairs(
            candidates: ["a", "b", "c"], rankings: [["a", "b", "c"], ["b", "c", "a"], ["c", "a", "b"]])
        #expect(cycle == ["a", "b", "c"])
        // A strong majority against the given order wins.
        let strong = RankAggregator.rankedPairs(
            candidates: ["a", "b", "c"], rankings: [["c", "b", "a"], ["c", "b", "a"], ["a", "b", "c"]])
        #expect(strong == ["c", "b", "a"])
    }

    @Test func rejectedPromptAbortsTree() async throws {
        let configuration = ServerHarness.configuration {
            $0.loadSeedCorpus = false
            $0.rateLimits.enabled = false
        }
        try await ServerHarness.with(configuration) { harness in
            let prompt = try #require(try await harness.requestTask("initial_prompt", user: "alice").body)
            _ = try await harness.answer(prompt, user: "alice", text: "buy cheap watches here")
            for user in ["bob", "carol"] {
                let task = try #require(try await harness.requestTask("label_initial_prompt", user: user).body)
                let ackID = UUID().uuidString
                #expect(try await harness.ack(task["id"]?.stringValue ?? "", ackID).status == 204)
                let reply = try await harness.interact(
                    .object([
                        "type": "text_labels", "message_id": task["message_id"] ?? .null,
                        "task_id": task["id"] ?? .null,
                        "text": "x", "labels": .object(["spam": .bool(true), "lang_mismatch": .string("0")]),
                        "user": ServerHarness.user(user),
                    ]))
                #expect(reply.status == 200)
            }
            let all = try harness.server.makeExporter().lines(includeAllTrees: true)
            #expect(all.count == 1 && all[0].contains("\"aborted_low_grade\""))
            #expect(try harness.server.makeExporter().lines().isEmpty)
            #expect(try await harness.requestTask("assistant_reply", user: "dave").status == 503)
        }
    }

    @Test func lotteryGivesEveryAuthorTheSameChance() async throws {
        let configuration = ServerHarness.configuration {
            $0.loadSeedCorpus = false
            $0.maxActiveTrees = 0
        }
        try await ServerHarness.with(configuration) { harness in
            try harness.server.store.pool.write { db in
                var trees: [SeedLoader.Tree] = []
                for index in 0..<9 {
                    trees.append(
                        .init(
                            state: "prompt_lottery_waiting", lang: "en",
                            root: .init(role: "prompter", text: "prolific \(index)", accepted: true)))
                }
                trees.append(
                    .init(
                        state: "prompt_lottery_waiting", lang: "en",
                        root: .init(role: "prompter", text: "single", accepted: true)))
                try SeedLoader.load(db, trees: trees, now: Date())
                try db.execute(
                    sql:
                        "INSERT INTO user (id, api_client, auth_method, username, display_name, created_date) VALUES ('u1', 'k', 'local', 'a', 'A', 0), ('u2', 'k', 'local', 'b', 'B', 0)"
                )
                try db.execute(sql: "UPDATE message SET user_id = 'u1' WHERE text LIKE 'prolific%'")
                try db.execute(sql: "UPDATE message SET user_id = 'u2' WHERE text = 'single'")
                // A tree records its root's author when it is created; these roots changed author afterwards.
                try db.execute(
                    sql:
                        "UPDATE message_tree SET author = (SELECT user_id FROM message WHERE message.id = message_tree.id)"
                )
            }
            var singleWins = 0
            var prolificWinners: Set<String> = []
            let rounds = 200
            for _ in 0..<rounds {
                let winner = try harness.server.store.pool.write { db -> String in
                    try db.execute(sql: "UPDATE message_tree SET state = 'prompt_lottery_waiting'")
                    try harness.server.store.runLottery(db, lang: "en", maxActive: 1)
                    return try String.fetchOne(
                        db,
                        sql:
                            "SELECT m.text FROM message_tree mt JOIN message m ON m.id = mt.id WHERE mt.state = 'growing'"
                    )
                        ?? ""
                }
                if winner == "single" { singleWins += 1 } else { prolificWinners.insert(winner) }
            }
            // Per-author sampling gives the single prompt about half of the draws (per-prompt sampling: 10 %).
            #expect(singleWins > rounds / 4 && singleWins < rounds * 3 / 4, "\(singleWins)")
            // Within an author every prompt can win (about 11 wins each here; missing one has odds of about 1e-4).
            #expect(prolificWinners == Set((0..<9).map { "prolific \($0)" }), "\(prolificWinners.sorted())")
        }
    }
}

/// Skips, auto-moderation and the export of a whole database.
@Suite struct SkipAndExportTests {
    @Test func skippedItemsAreNeverOfferedAgainAndManySkipsHaltTheTree() async throws {
        let seed = [
            SeedLoader.Tree(
                state: "growing", lang: "en",
                root: .init(role: "prompter", text: "Only parent here.", accepted: true))
        ]
        let configuration = ServerHarness.configuration {
            $0.seedOverride = seed
            $0.rateLimits.enabled = false
            $0.autoModMaxSkipReply = 3
        }
        try await ServerHarness.with(configuration) { harness in
            let first = try #require(try await harness.requestTask("assistant_reply", user: "amy").body)
            #expect(try await harness.nack(first["id"]?.stringValue ?? "", user: "amy").status == 204)
            #expect(try await harness.requestTask("assistant_reply", user: "amy").status == 503)
            let other = try await harness.requestTask("assistant_reply", user: "ben")
            #expect(other.status == 200)
            let emojis = other.body?["conversation"]?["messages"].flatMap { value -> JSONValue? in
                if case .array(let items) = value { return items.last?["emojis"] }
                return nil
            }
            #expect(emojis?["_skip_reply"]?.intValue == 1)
            #expect(try await harness.nack(other.body?["id"]?.stringValue ?? "", user: "ben").status == 204)
            let third = try #require(try await harness.requestTask("assistant_reply", user: "cid").body)
            #expect(try await harness.nack(third["id"]?.stringValue ?? "", user: "cid").status == 204)
            #expect(try await harness.requestTask("assistant_reply", user: "dan").status == 503)
            let lines = try harness.server.makeExporter().lines(includeAllTrees: true)
            #expect(lines.count == 1 && lines[0].contains("\"halted_by_moderator\""))
            #expect(lines[0].contains("\"_skip_reply\":3"))
        }
    }

    @Test func exporterWritesTheFileAndRefusesAMissingDatabase() async throws {
        let path = ServerHarness.temporaryDatabase()
        _ = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: path, apiKeys: [ServerHarness.apiKey])
        let exporter = try Exporter(databasePath: path)
        let url = URL(fileURLWithPath: path + ".jsonl")
        let written = try exporter.write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(written == SeedCorpus.trees.filter { $0.state == .readyForExport }.count)
        #expect(text.split(separator: "\n").count == written)
        let all = try exporter.lines(includeAllTrees: true)
        #expect(all.count == SeedCorpus.trees.count)
        #expect(throws: (any Error).self) { try Exporter(databasePath: path + ".missing") }
    }
}

/// Simple and full label mode (§4): only `random` can yield the reduced prompter-reply label set.
@Suite struct LabelModeTests {
    static let seed = [
        SeedLoader.Tree(
            state: "growing", lang: "en",
            root: .init(
                role: "prompter", text: "Root.", accepted: true,
                replies: [
                    .init(
                        role: "assistant", text: "Answer.", accepted: true,
                        replies: [.init(role: "prompter", text: "Follow-up?", accepted: nil)])
                ]))
    ]

    @Test func randomPrompterReplyLabelsAreSimpleExplicitOnesFull() async throws {
        let configuration = ServerHarness.configuration {
            $0.seedOverride = Self.seed
            $0.simpleLabelProbabilityPrompterReply = 1
            $0.maxInitialPromptReview = 0
            $0.maxChildrenCount = 1
            $0.numPrompterReplies = 1
        }
        try await ServerHarness.with(configuration) { harness in
            let random = try #require(try await harness.requestTask("random", user: "amy").body)
            #expect(random["type"] == "label_prompter_reply")
            #expect(random["mode"] == "simple" && random["disposition"] == "spam")
            #expect(random["valid_labels"] == .array(["spam", "lang_mismatch", "quality"]))
            let explicit = try #require(try await harness.requestTask("label_prompter_reply", user: "ben").body)
            #expect(explicit["mode"] == "full" && explicit["disposition"] == "quality")
            if case .array(let names)? = explicit["valid_labels"] {
                #expect(names.count == 11)
            } else {
                Issue.record("no valid_labels")
            }
            #expect(explicit["mandatory_labels"] == .array(["spam"]))
        }
    }
}
