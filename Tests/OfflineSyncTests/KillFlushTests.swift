import CollectionServer
import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import OfflineSync
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Crash safety of `oasst queue flush`: the real binary is killed with SIGKILL at seeded random
/// moments while it delivers a large outbox (refilled so it never runs dry), 50 times; a last run
/// finishes the job. Afterwards every submission is on the server exactly once (checked through
/// the export of all trees), the outbox says every item was delivered, and every draft is intact.
/// The server is the in-process `CollectionServer` (the code `oasst serve` runs), configured so one
/// user may hold hundreds of tasks; the binary finds it through `config.toml` (`server`, `user`)
/// under `$XDG_CONFIG_HOME`, the key in `OASST_API_KEY`, and the store under `$XDG_DATA_HOME`.
@Suite(.serialized) struct KillFlushTests {
    static let apiKey = "kill-flush-key"
    static let kills = 50
    /// Runs beyond `kills` allowed while no kill has yet struck after partial delivery: on a loaded machine a
    /// flush can start so late that every kill of the first 50 lands before its first delivery.
    static let extraKills = 50
    static let prefix = "Kill-test prompt"
    /// Items added whenever fewer than `refillBelow` are undelivered before a kill.
    static let batch = 80
    static let refillBelow = 60
    static let drafts = 12

    /// The built `oasst` (`$OASST_BINARY`, else the package's release or debug build).
    static var binary: URL? { OasstBinary.url }

    /// A small seeded generator (LCG), so the kill moments repeat from run to run.
    struct Moments {
        var state: UInt64

        mutating func milliseconds(in range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    /// The test's files: config and data homes, the server database.
    struct Homes {
        let root: URL
        var config: URL { root.appendingPathComponent("config") }
        var data: URL { root.appendingPathComponent("data") }
        var store: URL { data.appendingPathComponent("oasst/store.sqlite") }
        var serverDatabase: String { root.appendingPathComponent("server.sqlite").path }
        var log: URL { root.appendingPathComponent("flush.log") }

        /// The environment the binary runs in (nothing inherited that could redirect it).
        var environment: [String: String] {
            var environment = ProcessInfo.processInfo.environment
            for key in ["OASST_SERVER", "OASST_USER", "OASST_CONFIG", "OASST_BINARY"] {
                environment[key] = nil
            }
            environment["HOME"] = root.path
            environment["XDG_CONFIG_HOME"] = config.path
            environment["XDG_DATA_HOME"] = data.path
            environment["OASST_API_KEY"] = KillFlushTests.apiKey
            environment["LANG"] = "C.UTF-8"
            return environment
        }
    }

    /// Starts `oasst queue flush`, with output appended to the log file.
    static func startFlush(_ binary: URL, homes: Homes) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["queue", "flush"]
        process.environment = homes.environment
        if !FileManager.default.fileExists(atPath: homes.log.path) {
            FileManager.default.createFile(atPath: homes.log.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: homes.log)
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Fetches `count` initial-prompt tasks directly and queues an answer to each; returns the texts.
    static func queue(
        _ count: Int, from service: OasstClientService, users: [User], into store: OfflineStore, startingAt start: Int
    ) async throws -> [String] {
        var texts: [String] = []
        for index in start..<start + count {
            let user = users[index % users.count]
            let task = try await service.requestTask(type: TaskType.initialPrompt.rawValue, user: user, lang: "en")
            let cached = try store.storeTask(
                taskId: task.taskId, taskType: task.taskType, taskJSON: task.json, user: user,
                requestedType: TaskType.initialPrompt.rawValue, lang: "en", receivedAt: Date())
            let messageId = OfflineStore.newId()
            let text = "\(prefix) \(index): \(messageId)"
            let interaction = Interaction.textReplyToMessage(
                TextReplyInteraction(
                    messageID: cached.ackId, userMessageID: messageId, text: text, lang: "en", user: user))
            try store.submit(
                Submission(
                    taskId: task.taskId, interactionJSON: try OasstJSON.encode(interaction), userMessageId: messageId))
            texts.append(text)
        }
        return texts
    }

    @Test(
        .enabled(if: binary != nil, "needs the built oasst binary"))
    func killedFlushesDeliverEverySubmissionExactlyOnceAndKeepDrafts() async throws {
        let binary = try #require(Self.binary)
        let homes = Homes(
            root: FileManager.default.temporaryDirectory.appendingPathComponent("oasst-kill-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(
            at: homes.config.appendingPathComponent("oasst"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: homes.data.appendingPathComponent("oasst"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: homes.root) }

        var configuration = ServerConfiguration()
        configuration.rateLimits.enabled = false
        configuration.maxPendingTasksPerUser = 100_000
        configuration.maxInitialPromptReview = 100_000
        configuration.loadSeedCorpus = false
        let server = try CollectionServer(
            configuration: configuration, databasePath: homes.serverDatabase, apiKeys: [Self.apiKey])
        let port = try await server.start()
        do {
            try await run(binary: binary, homes: homes, server: server, port: port)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    private func run(binary: URL, homes: Homes, server: CollectionServer, port: Int) async throws {
        let users = (0..<5).map { User(id: "kill-\($0)", displayName: "Kill \($0)", authMethod: "local") }
        try """
        server = "http://127.0.0.1:\(port)"
        user = "\(users[0].id)"
        """.write(to: homes.config.appendingPathComponent("oasst/config.toml"), atomically: true, encoding: .utf8)
        let direct = OasstClientService(
            client: OasstClient(
                configuration: OasstClientConfiguration(
                    baseURL: "http://127.0.0.1:\(port)", apiKey: Self.apiKey, user: users[0]),
                transport: CurlTransport(name: "kill-direct")))
        for user in users {
            try await direct.createUser(user)
        }

        // A large outbox plus drafts of open tasks that no flush may touch.
        var store = try OfflineStore(file: homes.store)
        var texts = try await Self.queue(Self.batch * 2, from: direct, users: users, into: store, startingAt: 0)
        var drafts: [String: Data] = [:]
        for index in 0..<Self.drafts {
            let user = users[index % users.count]
            let task = try await direct.requestTask(type: TaskType.initialPrompt.rawValue, user: user, lang: "en")
            try store.storeTask(
                taskId: task.taskId, taskType: task.taskType, taskJSON: task.json, user: user,
                requestedType: TaskType.initialPrompt.rawValue, lang: "en", receivedAt: Date())
            let content = try OasstJSON.encode(JSONValue.object(["text": .string("draft \(index) ✍️ not sent")]))
            try store.saveDraft(Draft(taskId: task.taskId, contentJSON: content, updatedAt: Date()))
            drafts[task.taskId] = content
        }
        try store.close()

        var moments = Moments(state: 0x5EED_0F_C0FFEE)
        var killedRunning = 0
        var killedWithProgress = 0
        var exitedBeforeKill = 0
        var refills = 0
        var refilling = Duration.zero
        var undelivered = try OfflineStore(file: homes.store).counts().undelivered
        let started = ContinuousClock.now
        var runs = 0
        while runs < Self.kills || (killedWithProgress == 0 && runs < Self.kills + Self.extraKills) {
            runs += 1
            if undelivered < Self.refillBelow {
                let refillStart = ContinuousClock.now
                defer { refilling += ContinuousClock.now - refillStart }
                refills += 1
                store = try OfflineStore(file: homes.store)
                texts += try await Self.queue(
                    Self.batch, from: direct, users: users, into: store, startingAt: texts.count)
                undelivered = try store.counts().undelivered
                try store.close()
            }
            let process = try Self.startFlush(binary, homes: homes)
            try await Task.sleep(for: .milliseconds(moments.milliseconds(in: 20...400)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL {
                killedRunning += 1
            } else {
                exitedBeforeKill += 1
            }
            // Reopening recovers items left `sending` by the kill, as the next start of oasst does.
            let reopened = try OfflineStore(file: homes.store)
            let left = try reopened.counts().undelivered
            try reopened.close()
            if left < undelivered && left > 0 { killedWithProgress += 1 }
            undelivered = left
        }

        // Finish: a flush that runs to the end exits 0 when nothing is left.
        var finalStatus: Int32 = -1
        for _ in 0..<5 where finalStatus != 0 {
            let process = try Self.startFlush(binary, homes: homes)
            process.waitUntilExit()
            finalStatus = process.terminationStatus
        }
        let elapsed = ContinuousClock.now - started
        let checking = ContinuousClock.now
        let log = (try? String(contentsOf: homes.log, encoding: .utf8)) ?? ""
        let stuck = try OfflineStore(file: homes.store).queue(includeDelivered: false).prefix(3).map {
            "\($0.state) after \($0.attempts) attempts: \($0.lastError ?? "no error recorded")"
        }
        #expect(finalStatus == 0, "last flush log: \(log.suffix(600)); still queued: \(stuck)")

        // The outbox: everything delivered, nothing held or failed, every draft intact.
        let final = try OfflineStore(file: homes.store)
        let items = try final.queue(includeDelivered: true)
        #expect(items.count == texts.count)
        #expect(items.allSatisfy { $0.state == .delivered })
        let counts = try final.counts()
        #expect(counts.held == 0)
        #expect(counts.failed == 0)
        let kept = try final.allDrafts()
        #expect(Dictionary(uniqueKeysWithValues: kept.map { ($0.taskId, $0.contentJSON) }) == drafts)
        try final.close()

        // The server: every submission exactly once, nothing else.
        var seen: [String: Int] = [:]
        let lines = try server.makeExporter().lines(includeAllTrees: true)
        for line in lines {
            for text in try FaultProxyExactlyOnceTests.texts(inExportLine: line) where text.hasPrefix(Self.prefix) {
                seen[text, default: 0] += 1
            }
        }
        #expect(lines.count == texts.count)
        #expect(Set(seen.keys) == Set(texts))
        let duplicated = seen.filter { $0.value != 1 }
        #expect(duplicated.isEmpty, "stored more than once: \(duplicated.prefix(5))")
        #expect(try server.integrityCheck() == "ok")

        // The kills really struck mid-flush (how many depends on how fast a flush drains, so only a fifth is
        // required), and at least one after part of the queue had gone out.
        #expect(killedRunning >= Self.kills / 5)
        #expect(killedWithProgress > 0)
        print(
            "kill test: \(texts.count) submissions, \(runs) runs killed at random moments "
                + "(\(killedRunning) by SIGKILL while running, \(killedWithProgress) of them after partial delivery, "
                + "\(exitedBeforeKill) had already exited), \(drafts.count) drafts kept; kills and flushes took \(elapsed), "
                + "checks \(ContinuousClock.now - checking), \(refills) refills took \(refilling)")
    }
}
