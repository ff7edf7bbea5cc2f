import CollectionServer
import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import OfflineSync
import TestSupport
import Testing

/// Exactly-once delivery through a hostile network: 1,000 answers queued in an `OfflineStore` are
/// delivered by the real `SyncEngine` (ack, then interaction; 2105 counts as delivered) through
/// `OasstClientService` → `OasstClient` → `CurlTransport` → `FaultProxy` → the in-process
/// `CollectionServer`, with every fault mode active. Afterwards the server's export (all trees)
/// holds every answer exactly once, with its text, and the outbox says every item was delivered.
@Suite(.serialized) struct FaultProxyExactlyOnceTests {
    static let apiKey = "exactly-once-key"
    static let submissions = 1_000
    static let prefix = "Exactly-once prompt"

    /// Faults at meaningful rates: about one request in seven is broken. A delay (0.75 s) always
    /// outlasts the client's 0.5 s timeout, so it is either a lost response (the server stored the
    /// answer) or a request that reaches the server after the client gave up and retried.
    static let rates = FaultProxyRates(
        drop: 0.03, reset: 0.03, delay: 0.012, delaySeconds: 0.75, serverError: 0.03, truncate: 0.03)

    /// A server configured so 1,000 initial-prompt tasks can be handed out at once.
    static func serverConfiguration() -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.rateLimits.enabled = false
        configuration.maxPendingTasksPerUser = 100_000
        configuration.maxInitialPromptReview = 100_000
        configuration.loadSeedCorpus = false
        return configuration
    }

    /// Every message text in an export line's tree, depth first.
    static func texts(inExportLine line: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var found: [String] = []
        var stack: [[String: Any]] = []
        if let prompt = object["prompt"] as? [String: Any] { stack.append(prompt) }
        while let node = stack.popLast() {
            if let text = node["text"] as? String { found.append(text) }
            stack.append(contentsOf: (node["replies"] as? [[String: Any]]) ?? [])
        }
        return found
    }

    @Test func everySubmissionIsStoredExactlyOnceDespiteFaults() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oasst-exactly-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("server.sqlite").path
        let server = try CollectionServer(
            configuration: Self.serverConfiguration(), databasePath: databasePath, apiKeys: [Self.apiKey])
        let port = try await server.start()
        do {
            try await run(server: server, port: port, directory: directory)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    private func run(server: CollectionServer, port: Int, directory: URL) async throws {
        let users = (0..<10).map {
            User(id: "exactly-once-\($0)", displayName: "Exactly once \($0)", authMethod: "local")
        }
        // Tasks are fetched directly (a task request is never replayed, PROTOCOL.md §8 rule 5);
        // only the deliveries go through the faulty proxy.
        let direct = OasstClientService(
            client: OasstClient(
                configuration: OasstClientConfiguration(
                    baseURL: "http://127.0.0.1:\(port)", apiKey: Self.apiKey, user: users[0]),
                transport: CurlTransport(name: "exactly-once-direct")))
        for user in users {
            try await direct.createUser(user)
        }
        let store = try OfflineStore(file: directory.appendingPathComponent("store.sqlite"))
        var expected: [String: String] = [:]  // text → task id
        for index in 0..<Self.submissions {
            let user = users[index % users.count]
            let task = try await direct.requestTask(type: TaskType.initialPrompt.rawValue, user: user, lang: "en")
            #expect(task.taskType == TaskType.initialPrompt.rawValue)
            let cached = try store.storeTask(
                taskId: task.taskId, taskType: task.taskType, taskJSON: task.json, user: user,
                requestedType: TaskType.initialPrompt.rawValue, lang: "en", receivedAt: Date())
            let messageId = OfflineStore.newId()
            let text = "\(Self.prefix) \(index): \(messageId)"
            let interaction = Interaction.textReplyToMessage(
                TextReplyInteraction(
                    messageID: cached.ackId, userMessageID: messageId, text: text, lang: "en", user: user))
            try store.submit(
                Submission(
                    taskId: task.taskId, interactionJSON: try OasstJSON.encode(interaction), userMessageId: messageId))
            expected[text] = task.taskId
        }
        #expect(expected.count == Self.submissions)

        let proxy = try FaultProxy(upstreamPort: UInt16(port), rates: Self.rates, seed: 20_261_127)
        defer { proxy.stop() }
        let faulty = OasstClientService(
            client: OasstClient(
                configuration: OasstClientConfiguration(baseURL: proxy.baseURL, apiKey: Self.apiKey, user: users[0]),
                transport: CurlTransport(
                    configuration: CurlTransportConfiguration(
                        connectTimeout: .seconds(2), totalTimeout: .milliseconds(500)),
                    name: "exactly-once-faulty")))
        var settings = SyncEngine.Settings()
        // Short waits keep the run brief; the proxy's 500s are not caused by the input, so they
        // must not hold an item after the default five attempts.
        settings.retryBackoff = Backoff(base: 0.002, cap: 0.02)
        settings.serverFaultAttempts = 10_000
        settings.maxAttempts = 10_000
        let engine = SyncEngine(store: store, service: faulty, settings: settings, random: { 0.5 })

        let started = ContinuousClock.now
        var passes = 0
        while try store.counts().undelivered > 0 && passes < 5_000 {
            passes += 1
            await engine.flush()
            if try store.dueItems().isEmpty {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let elapsed = ContinuousClock.now - started
        // Requests held back before forwarding may still reach the server: let them land first.
        try await Task.sleep(for: .seconds(Self.rates.delaySeconds + 0.5))

        let items = try store.queue(includeDelivered: true)
        #expect(items.count == Self.submissions)
        #expect(items.allSatisfy { $0.state == .delivered })
        let counts = try store.counts()
        #expect(counts.delivered == Self.submissions)
        #expect(counts.held == 0)
        #expect(counts.failed == 0)

        // Count and content through the server's export of every tree.
        let lines = try server.makeExporter().lines(includeAllTrees: true)
        var seen: [String: Int] = [:]
        for line in lines {
            for text in try Self.texts(inExportLine: line) where text.hasPrefix(Self.prefix) {
                seen[text, default: 0] += 1
            }
        }
        #expect(lines.count == Self.submissions)
        #expect(seen.count == Self.submissions)
        // Each answer is the root prompt of its own tree, stored as sent.
        var wellFormed = 0
        for line in lines {
            let tree = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let prompt = try #require(tree["prompt"] as? [String: Any])
            if prompt["role"] as? String == "prompter", prompt["lang"] as? String == "en",
                prompt["message_id"] as? String == tree["message_tree_id"] as? String,
                ((prompt["replies"] as? [Any]) ?? []).isEmpty
            {
                wellFormed += 1
            }
        }
        #expect(wellFormed == Self.submissions)
        #expect(Set(seen.keys) == Set(expected.keys))
        let duplicated = seen.filter { $0.value != 1 }
        #expect(duplicated.isEmpty, "stored more than once: \(duplicated.prefix(5))")
        #expect(try server.integrityCheck() == "ok")

        // The faults really happened, including lost answers to stored interactions.
        let counters = proxy.counters
        for kind in FaultProxyFaultKind.allCases {
            #expect(counters.count(kind) > 0, "no \(kind) injected")
        }
        let events = proxy.events
        let interactionPath = "/api/v1/tasks/interaction"
        let lostAfterStoring = events.filter {
            $0.path == interactionPath && $0.upstreamStatus == 200
                && ($0.fault == .reset || $0.fault == .truncate || $0.fault.kind == .delay)
        }.count
        let replaysAnsweredDone = events.filter { $0.path == interactionPath && $0.upstreamStatus == 400 }.count
        #expect(lostAfterStoring > 0)
        #expect(replaysAnsweredDone > 0)
        print(
            "exactly-once: \(Self.submissions) submissions, \(counters.requests) requests through the proxy, "
                + "\(counters.injected) faults (drop \(counters.count(.drop)), reset \(counters.count(.reset)), "
                + "delay \(counters.count(.delay)), 500 \(counters.count(.serverError)), "
                + "truncate \(counters.count(.truncate))), \(lostAfterStoring) stored interactions whose answer was "
                + "lost, \(replaysAnsweredDone) replays answered 400, \(passes) flush passes, delivery took \(elapsed)")
    }
}
