import CollectionServer
import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import OfflineSync

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `outbox-flush` scenario: 10,000 answers queued in an on-disk outbox are delivered to a child `oasst serve`
/// over loopback by the code `oasst queue flush` runs; only the delivery is timed. Afterwards the outbox must say
/// every item was delivered and the server's export must hold every answer exactly once, or the run fails.
enum OutboxFlushRun {
    /// Submissions queued and delivered.
    static let count = 10_000
    /// Users the tasks are spread over (the server refuses a user's identical texts, so each text is unique).
    static let users = (0..<4).map { User(id: "bench-\($0)", displayName: "Bench \($0)", authMethod: "local") }
    /// Prefix of every queued text (to find them in the export).
    static let prefix = "Bench prompt"
    /// The target line.
    static let target = "≥ 1,500 submissions/s"

    /// Runs the scenario and returns its lines.
    static func run() async throws -> [String] {
        let server = try await ServeProcess(
            name: "flush",
            config: """
                rate_limits = false
                max_pending_tasks_per_user = 1000000
                load_seed_corpus = false
                """)
        do {
            let lines = try await run(server: server)
            server.stop()
            return lines
        } catch {
            server.stop(keep: true)
            throw ServeProcess.Failure(
                description: "outbox-flush failed (files kept in \(server.directory.path)): \(error)")
        }
    }

    private static func client(_ server: ServeProcess, user: User, lane: String) -> OasstClient {
        OasstClient(
            configuration: OasstClientConfiguration(baseURL: server.baseURL, apiKey: ServeProcess.apiKey, user: user),
            transport: CurlTransport(name: lane))
    }

    private static func run(server: ServeProcess) async throws -> [String] {
        let storeFile = server.directory.appendingPathComponent("client/store.sqlite")
        // Fetch the tasks with one lane per user, then queue an answer to each in the on-disk store.
        let perUser = count / users.count
        let fetched = try await withThrowingTaskGroup(of: (Int, [FetchedTask]).self) { group in
            for (index, user) in users.enumerated() {
                group.addTask {
                    let service = OasstClientService(client: client(server, user: user, lane: "bench.fetch.\(index)"))
                    try await service.createUser(user)
                    var tasks: [FetchedTask] = []
                    for _ in 0..<perUser {
                        tasks.append(
                            try await service.requestTask(type: TaskType.initialPrompt.rawValue, user: user, lang: "en")
                        )
                    }
                    return (index, tasks)
                }
            }
            var all: [[FetchedTask]] = Array(repeating: [], count: users.count)
            for try await (index, tasks) in group { all[index] = tasks }
            return all
        }
        var texts: Set<String> = []
        do {
            let store = try OfflineStore(file: storeFile)
            for round in 0..<perUser {
                for (index, user) in users.enumerated() {
                    let task = fetched[index][round]
                    let cached = try store.storeTask(
                        taskId: task.taskId, taskType: task.taskType, taskJSON: task.json, user: user,
                        requestedType: TaskType.initialPrompt.rawValue, lang: "en", receivedAt: Date())
                    let messageId = OfflineStore.newId()
                    let text = "\(prefix) \(round * users.count + index): \(messageId)"
                    let interaction = Interaction.textReplyToMessage(
                        TextReplyInteraction(
                            messageID: cached.ackId, userMessageID: messageId, text: text, lang: "en", user: user))
                    try store.submit(
                        Submission(
                            taskId: task.taskId, interactionJSON: try OasstJSON.encode(interaction),
                            userMessageId: messageId))
                    texts.insert(text)
                }
            }
            let queued = try store.counts()
            guard queued.pending == count else {
                throw ServeProcess.Failure(description: "queued \(queued.pending) of \(count) submissions")
            }
            try store.close()
        }

        // Timed: what `oasst queue flush` does from opening the store to its summary.
        let clock = ContinuousClock()
        let serverCPUStart = ServeProcess.cpuSeconds(pid: server.pid) ?? 0
        let clientCPUStart = ServeProcess.cpuSeconds(pid: getpid()) ?? 0
        let started = clock.now
        let store = try OfflineStore(file: storeFile)
        _ = try store.makeAllDue()
        let lanes = (0..<SyncEngine.manualFlushLanes).map {
            OasstClientService(client: client(server, user: users[0], lane: "bench.flush.\($0)"))
        }
        let engine = SyncEngine(
            store: store, service: OasstClientService(client: client(server, user: users[0], lane: "bench.flush")),
            deliveryLanes: lanes)
        let tally = await engine.flushUntilSettled()
        await engine.sendNacks()
        let elapsed = clock.now - started
        let serverCPU = (ServeProcess.cpuSeconds(pid: server.pid) ?? serverCPUStart) - serverCPUStart
        let clientCPU = (ServeProcess.cpuSeconds(pid: getpid()) ?? clientCPUStart) - clientCPUStart

        // Checks: the outbox and the server both say every submission arrived exactly once.
        let counts = try store.counts()
        try store.close()
        var problems: [String] = []
        if tally.delivered != count { problems.append("the flush reported \(tally.delivered) delivered") }
        if counts.delivered != count || counts.undelivered != 0 || counts.held != 0 || counts.failed != 0 {
            problems.append(
                "outbox: \(counts.delivered) delivered, \(counts.undelivered) undelivered, \(counts.held) held, "
                    + "\(counts.failed) failed")
        }
        var seen: [String: Int] = [:]
        let lines = try Exporter(databasePath: server.databasePath).lines(includeAllTrees: true)
        for line in lines {
            for text in try exportedTexts(line) where text.hasPrefix(prefix) { seen[text, default: 0] += 1 }
        }
        if lines.count != count { problems.append("the server holds \(lines.count) trees") }
        if Set(seen.keys) != texts { problems.append("the server holds \(seen.count) distinct answers of \(count)") }
        let duplicated = seen.values.filter { $0 != 1 }.count
        if duplicated > 0 { problems.append("\(duplicated) answers stored more than once") }
        guard problems.isEmpty else {
            throw ServeProcess.Failure(description: problems.joined(separator: "; "))
        }
        let seconds = Stopwatch.nanoseconds(elapsed) / 1e9
        let rate = Double(count) / seconds
        return [
            "outbox-flush: \(Int(rate.rounded())) submissions/s (\(count) delivered exactly once in "
                + "\(Measurement.format(nanoseconds: Stopwatch.nanoseconds(elapsed))))  [target: \(target)]",
            "outbox-flush CPU: \(String(format: "%.0f", clientCPU / Double(count) * 1e6)) µs client + "
                + "\(String(format: "%.0f", serverCPU / Double(count) * 1e6)) µs server per submission  [target: —]",
        ]
    }

    /// The texts of one exported tree (prompt and nested replies).
    static func exportedTexts(_ line: String) throws -> [String] {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw ServeProcess.Failure(description: "an export line is not a JSON object")
        }
        var found: [String] = []
        var stack: [[String: Any]] = []
        if let prompt = object["prompt"] as? [String: Any] { stack.append(prompt) }
        while let node = stack.popLast() {
            if let text = node["text"] as? String { found.append(text) }
            stack.append(contentsOf: (node["replies"] as? [[String: Any]]) ?? [])
        }
        return found
    }
}
