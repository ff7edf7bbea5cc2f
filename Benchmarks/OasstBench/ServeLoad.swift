import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import Synchronization

/// The `serve-cycles` / `serve-memory` load: 16 clients, each with its own connection and user, loop
/// request task → ack → answer (text, labels or ranking as the task asks) against a child `oasst serve`,
/// while the child's resident memory is sampled from `/proc`. One run serves both scenarios.
///
/// The clients build their requests and decode every response with `OasstClient` and `OasstProtocol`, as the
/// app does. Their HTTP goes either through a blocking loopback connection on a thread of each client's own
/// (`ClientStack.loopback`, the load generator of `serve-cycles`: it measures the server, whose real clients run
/// on other machines) or through the app's whole stack, libcurl lanes and async calls (`ClientStack.curl`,
/// `serve-cycles-curl`), which on this two-core machine takes a third of the CPU from the server it measures.
struct ServeLoad: Sendable {
    /// How the load's clients send their requests.
    enum ClientStack: Sendable, Hashable {
        /// A blocking keep-alive socket per client, each client on its own thread (`LoopbackHTTPConnection`).
        case loopback
        /// `OasstClient` over `CurlTransport`, each client an async task with its own libcurl lane.
        case curl

        /// The scenario's name.
        var scenarioName: String {
            switch self {
            case .loopback: "serve-cycles"
            case .curl: "serve-cycles-curl"
            }
        }

        /// The target its cycles/s line prints: the issue's target is the server's, measured with the lean load;
        /// the libcurl load is information (its clients take a third of the two cores from the server).
        var cyclesTarget: String {
            switch self {
            case .loopback: ServeLoad.cyclesTarget
            case .curl: "— (information: the app's client stack on the server's cores)"
            }
        }
    }

    /// Concurrent clients.
    static let clients = 16

    /// The client stack the load ran on.
    var stack: ClientStack
    /// Untimed warm-up of each run.
    static let warmup: Duration = .seconds(2)
    /// Measured time of each run.
    static let measured: Duration = .seconds(10)
    /// Runs, each against a new server and database: the machine's speed moves by a fifth from one ten-second
    /// stretch to the next, so one run says little; the figure is their median, with min and max.
    static let runs = 3

    /// Cycles completed in the measured phases (failed ones are not counted).
    var cycles: Int
    /// Cycles per second of each run.
    var rates: [Double]
    /// Length of the measured phases in seconds, all runs together.
    var seconds: Double
    /// Duration of each completed cycle, in nanoseconds.
    var latencies: [Double]
    /// Failed cycles by where and how they failed.
    var errors: [String: Int]
    /// `VmRSS` samples of the child in kB, every 100 ms of the measured phases.
    var rss: [Double]
    /// The highest `VmHWM` (peak resident memory) of the children in kB.
    var hwm: Int
    /// CPU seconds the servers used during the measured phases.
    var serverCPU: Double
    /// CPU seconds this process (the 16 clients) used during the measured phases: it shares the machine's cores.
    var clientCPU: Double

    /// The cycles/s line and the latency line.
    var cycleLines: [String] {
        let failed = errors.values.reduce(0, +)
        let name = stack.scenarioName
        let measurement = Measurement(name: name, samples: rates, target: "")
        func rate(_ quantile: Double) -> Int { Int(measurement.quantile(quantile).rounded()) }
        var lines = [
            "\(name): min \(rate(0)), median \(rate(0.5)), max \(rate(1)) cycles/s over \(rates.count) runs "
                + "(\(cycles) cycles in \(String(format: "%.1f", seconds)) s, \(Self.clients) clients, \(failed) failed)  "
                + "[target: \(stack.cyclesTarget)]",
            Measurement(name: "\(name) latency", samples: latencies, target: "—").summary,
            "\(name) server CPU: \(String(format: "%.0f", serverCPU / Double(max(cycles, 1)) * 1e6)) µs per cycle "
                + "(\(String(format: "%.2f", serverCPU / seconds)) cores busy)  [target: —]",
            "\(name) client CPU: \(String(format: "%.0f", clientCPU / Double(max(cycles, 1)) * 1e6)) µs per cycle "
                + "(\(String(format: "%.2f", clientCPU / seconds)) cores busy)  [target: —]",
        ]
        for (what, count) in errors.sorted(by: { $0.value > $1.value }).prefix(5) {
            lines.append("  failed cycles: \(count) × \(what)")
        }
        return lines
    }

    /// The resident-memory line.
    var memoryLine: String {
        let memory = Measurement(name: "serve-memory", samples: rss, target: "")
        func mb(_ kilobytes: Double) -> String { String(format: "%.1f MB", kilobytes / 1024) }
        return "serve-memory: VmRSS min \(mb(memory.quantile(0))), median \(mb(memory.quantile(0.5))), "
            + "max \(mb(memory.quantile(1))), VmHWM \(mb(Double(hwm))), n=\(rss.count) under \(Self.clients) clients  "
            + "[target: \(Self.memoryTarget)]"
    }

    /// Target of `serve-cycles`.
    static let cyclesTarget = "≥ 2,000 cycles/s"
    /// Target of `serve-memory`.
    static let memoryTarget = "≤ 100 MB"

    private static let cache = Mutex<[ClientStack: ServeLoad]>([:])

    /// The load's figures on `stack`, running its `runs` once per process.
    static func shared(_ stack: ClientStack) async throws -> ServeLoad {
        if let done = cache.withLock({ $0[stack] }) { return done }
        let result = try await run(stack)
        cache.withLock { $0[stack] = result }
        return result
    }

    /// One worker's tallies.
    private struct Tally: Sendable {
        var cycles = 0
        var latencies: [Double] = []
        var errors: [String: Int] = [:]

        /// Counts a cycle that ran wholly inside the measured phase: completed (`outcome` nil) or failed.
        mutating func record(
            _ outcome: String?, started: ContinuousClock.Instant, finished: ContinuousClock.Instant,
            measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
        ) {
            guard started >= measureFrom, finished <= end else { return }
            if let outcome {
                errors[outcome, default: 0] += 1
            } else {
                cycles += 1
                latencies.append(Stopwatch.nanoseconds(finished - started))
            }
        }
    }

    private static func run(_ stack: ClientStack) async throws -> ServeLoad {
        var result = ServeLoad(
            stack: stack, cycles: 0, rates: [], seconds: 0, latencies: [], errors: [:], rss: [], hwm: 0, serverCPU: 0,
            clientCPU: 0)
        for _ in 0..<runs {
            let one = try await runOnce(stack)
            result.cycles += one.cycles
            result.rates += one.rates
            result.seconds += one.seconds
            result.latencies += one.latencies
            result.errors.merge(one.errors, uniquingKeysWith: +)
            result.rss += one.rss
            result.hwm = max(result.hwm, one.hwm)
            result.serverCPU += one.serverCPU
            result.clientCPU += one.clientCPU
        }
        return result
    }

    /// One run against a new server.
    private static func runOnce(_ stack: ClientStack) async throws -> ServeLoad {
        let server = try await ServeProcess(
            name: "serve",
            config: """
                rate_limits = false
                max_pending_tasks_per_user = 1000
                """)
        let clock = ContinuousClock()
        let start = clock.now
        let measureFrom = start + warmup
        let end = measureFrom + measured
        let pid = server.pid
        async let memory = sampleMemory(pid: pid, from: measureFrom, until: end)
        async let cpu = cpuUse(server: pid, from: measureFrom, until: end)
        let tallies = await withTaskGroup(of: Tally.self) { group in
            for index in 0..<clients {
                group.addTask {
                    switch stack {
                    case .loopback: await loopbackWorker(index, server: server, measureFrom: measureFrom, end: end)
                    case .curl: await curlWorker(index, server: server, measureFrom: measureFrom, end: end)
                    }
                }
            }
            var all: [Tally] = []
            for await tally in group { all.append(tally) }
            return all
        }
        let (rss, hwm) = await memory
        let (serverCPU, clientCPU) = await cpu
        let status = server.stop()
        let seconds = Stopwatch.nanoseconds(measured) / 1e9
        var result = ServeLoad(
            stack: stack, cycles: 0, rates: [], seconds: seconds, latencies: [], errors: [:], rss: rss, hwm: hwm,
            serverCPU: serverCPU, clientCPU: clientCPU)
        for tally in tallies {
            result.cycles += tally.cycles
            result.latencies += tally.latencies
            result.errors.merge(tally.errors, uniquingKeysWith: +)
        }
        result.rates = [Double(result.cycles) / seconds]
        if status != 0 { result.errors["oasst serve exit status \(status)", default: 0] += 1 }
        guard result.cycles > 0 else {
            throw ServeProcess.Failure(
                description: "no cycle completed; errors: \(result.errors.sorted { $0.value > $1.value }.prefix(5))")
        }
        return result
    }

    /// CPU seconds of the server and of this process over the measured phase.
    private static func cpuUse(
        server pid: Int32, from: ContinuousClock.Instant, until end: ContinuousClock.Instant
    )
        async -> (server: Double, client: Double)
    {
        try? await Task.sleep(until: from, clock: .continuous)
        let start = ServeProcess.cpuSeconds(pid: pid) ?? 0
        let clientAtStart = ServeProcess.cpuSeconds(pid: getpid()) ?? 0
        try? await Task.sleep(until: end, clock: .continuous)
        let server = (ServeProcess.cpuSeconds(pid: pid) ?? start) - start
        let client = (ServeProcess.cpuSeconds(pid: getpid()) ?? clientAtStart) - clientAtStart
        return (server, client)
    }

    private static func sampleMemory(
        pid: Int32, from: ContinuousClock.Instant, until end: ContinuousClock.Instant
    )
        async -> ([Double], Int)
    {
        var samples: [Double] = []
        var hwm = 0
        try? await Task.sleep(until: from, clock: .continuous)
        while ContinuousClock.now < end {
            if let memory = ServeProcess.memory(pid: pid) {
                samples.append(Double(memory.rss))
                hwm = max(hwm, memory.hwm)
            }
            try? await Task.sleep(for: .milliseconds(100))
        }
        if let memory = ServeProcess.memory(pid: pid) { hwm = max(hwm, memory.hwm) }
        return (samples, hwm)
    }

    /// One client of the loopback load: runs its whole loop on a thread of its own with blocking I/O, so a
    /// request costs the client two system calls and no thread hop.
    private static func loopbackWorker(
        _ index: Int, server: ServeProcess, measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
    ) async -> Tally {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: loopbackLoop(index, server: server, measureFrom: measureFrom, end: end))
            }
            thread.name = "bench.load.\(index)"
            thread.start()
        }
    }

    private static func loopbackLoop(
        _ index: Int, server: ServeProcess, measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
    ) -> Tally {
        let user = loadUser(index)
        let client = OasstClient(
            configuration: OasstClientConfiguration(baseURL: server.baseURL, apiKey: ServeProcess.apiKey, user: user),
            transport: BlockingOnlyTransport())
        let connection = LoopbackHTTPConnection(port: server.port)
        _ = try? loopbackCall(connection, client, user, "/frontend_users/", CreateFrontendUserRequest(user: user))
        return loop(measureFrom: measureFrom, end: end) { serial in
            loopbackCycle(connection, client, user: user, serial: serial, worker: index)
        }
    }

    /// Sends one call over `connection`; a non-2xx status becomes the `OasstError` the app would see.
    static func loopbackCall(
        _ connection: LoopbackHTTPConnection, _ client: OasstClient, _ user: User, _ path: String,
        _ body: some Encodable, interaction: InteractionType? = nil
    ) throws -> HTTPResponse {
        let response = try connection.perform(
            client.makeRequest("POST", path, body: try OasstJSON.encode(body), user: user))
        guard (200..<300).contains(response.status) else {
            throw OasstClient.failure(response, interaction: interaction)
        }
        return response
    }

    /// One request → ack → answer cycle over a loopback connection; nil when it completed, else why it failed.
    static func loopbackCycle(
        _ connection: LoopbackHTTPConnection, _ client: OasstClient, user: User, serial: Int, worker: Int
    ) -> String? {
        func call(_ path: String, _ body: some Encodable, interaction: InteractionType? = nil) throws -> HTTPResponse {
            try loopbackCall(connection, client, user, path, body, interaction: interaction)
        }
        let task: OasstTask
        do {
            let response = try call("/tasks/", TaskRequest(type: .random, user: user, lang: "en"))
            task = try OasstJSON.decode(OasstTask.self, from: response.body)
        } catch {
            return "request: \(describe(error))"
        }
        let answer: Answer
        switch interaction(answering: task, user: user, serial: serial, worker: worker) {
        case .failure(let failure): return failure.description
        case .success(let made): answer = made
        }
        do {
            _ = try call("/tasks/\(answer.taskPathID)/ack", AckRequest(messageID: answer.ackID))
        } catch {
            return "ack: \(describe(error))"
        }
        do {
            let response = try call("/tasks/interaction", answer.interaction, interaction: answer.interaction.type)
            _ = try OasstJSON.decode(TaskDone.self, from: response.body)
        } catch {
            return "answer: \(describe(error))"
        }
        return nil
    }

    /// One client of the `curl` load: `OasstClient` over its own libcurl lane, as the app sends.
    private static func curlWorker(
        _ index: Int, server: ServeProcess, measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
    ) async -> Tally {
        let user = loadUser(index)
        let client = OasstClient(
            configuration: OasstClientConfiguration(baseURL: server.baseURL, apiKey: ServeProcess.apiKey, user: user),
            transport: CurlTransport(name: "bench.load.\(index)"))
        var tally = Tally()
        var serial = 0
        _ = try? await client.createFrontendUser()
        while true {
            let started = ContinuousClock.now
            if started >= end { break }
            serial += 1
            let outcome = await curlCycle(client, user: user, serial: serial, worker: index)
            tally.record(outcome, started: started, finished: ContinuousClock.now, measureFrom: measureFrom, end: end)
        }
        return tally
    }

    /// Runs `cycle` (given its serial number; nil when it completed, else why it failed) until `end` and tallies
    /// the cycles that ran wholly inside the measured phase.
    private static func loop(
        measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant, cycle: (Int) -> String?
    ) -> Tally {
        var tally = Tally()
        var serial = 0
        while true {
            let started = ContinuousClock.now
            if started >= end { break }
            serial += 1
            let outcome = cycle(serial)
            tally.record(outcome, started: started, finished: ContinuousClock.now, measureFrom: measureFrom, end: end)
        }
        return tally
    }

    /// One request → ack → answer cycle; nil when it completed, else a short description of the failure.
    private static func curlCycle(_ client: OasstClient, user: User, serial: Int, worker: Int) async -> String? {
        let task: OasstTask
        do {
            task = try await client.requestTask(.random, lang: "en", user: user)
        } catch {
            return "request: \(describe(error))"
        }
        let answer: Answer
        switch interaction(answering: task, user: user, serial: serial, worker: worker) {
        case .failure(let failure): return failure.description
        case .success(let made): answer = made
        }
        do {
            try await client.ack(taskID: answer.taskID, ackID: answer.ackID, user: user)
        } catch {
            return "ack: \(describe(error))"
        }
        do {
            _ = try await client.send(answer.interaction)
        } catch {
            return "answer: \(describe(error))"
        }
        return nil
    }

    /// The ack and answer a load client gives a task.
    private struct Answer {
        /// The task answered.
        var taskID: UUID
        /// The ack's message id (the interaction's `message_id` for replies and rankings).
        var ackID: String
        /// What is sent to `/tasks/interaction`.
        var interaction: Interaction

        /// The task id as it appears in `/tasks/{id}/ack`.
        var taskPathID: String { UUIDText.lowercased(taskID) }
    }

    /// A cycle that could not go on, with where and why.
    private struct CycleFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The answer to `task`: a text reply, a reversed ranking or all mandatory labels at 0.
    private static func interaction(
        answering task: OasstTask, user: User, serial: Int, worker: Int
    ) -> Result<Answer, CycleFailure> {
        guard let taskID = task.id, let answerType = task.answerType else {
            return .failure(CycleFailure(description: "request: unanswerable task"))
        }
        let ackID = UUIDText.randomText()
        let interaction: Interaction
        switch answerType {
        case .textReplyToMessage:
            interaction = .textReplyToMessage(
                TextReplyInteraction(
                    messageID: ackID, userMessageID: UUIDText.randomText(),
                    text: "Load text \(worker)-\(serial) \(ackID)", lang: "en", user: user))
        case .messageRanking:
            let count = task.ranking?.replyMessages.count ?? 0
            interaction = .messageRanking(
                MessageRankingInteraction(messageID: ackID, ranking: Array((0..<count).reversed()), user: user))
        case .textLabels:
            guard let labeling = task.labeling else {
                return .failure(CycleFailure(description: "request: label task without labels"))
            }
            var labels: [String: Double] = [:]
            for name in labeling.mandatoryLabels { labels[name] = 0 }
            interaction = .textLabels(
                TextLabelsInteraction(
                    messageID: labeling.messageID, taskID: labeling.id, text: "", labels: labels, lang: "en",
                    user: user))
        case .messageRating:
            return .failure(CycleFailure(description: "request: rating task"))
        }
        return .success(Answer(taskID: taskID, ackID: ackID, interaction: interaction))
    }

    /// The user of load client `index`.
    static func loadUser(_ index: Int) -> User {
        User(id: "load-\(index)", displayName: "Load \(index)", authMethod: "local")
    }

    static func describe(_ error: OasstError) -> String {
        if let code = error.code { return "code \(code)" }
        if let status = error.status { return "status \(status)" }
        return "\(error.kind)"
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? OasstError { return describe(error) }
        return "\(error)"
    }
}

/// The transport of an `OasstClient` used only to build requests (`makeRequest`) for a synchronous sender.
private struct BlockingOnlyTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError.other(code: -1, message: "this client's requests are sent by LoopbackHTTPConnection")
    }
}
