import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import Synchronization

/// The `serve-cycles` / `serve-memory` load: 16 clients, each with its own libcurl lane and user, loop
/// request task → ack → answer (text, labels or ranking as the task asks) against a child `oasst serve`,
/// while the child's resident memory is sampled from `/proc`. One run serves both scenarios.
struct ServeLoad: Sendable {
    /// Concurrent clients.
    static let clients = 16
    /// Untimed warm-up.
    static let warmup: Duration = .seconds(2)
    /// Measured time.
    static let measured: Duration = .seconds(10)

    /// Cycles completed in the measured phase (failed ones are not counted).
    var cycles: Int
    /// Length of the measured phase in seconds.
    var seconds: Double
    /// Duration of each completed cycle, in nanoseconds.
    var latencies: [Double]
    /// Failed cycles by where and how they failed.
    var errors: [String: Int]
    /// `VmRSS` samples of the child in kB, every 100 ms of the measured phase.
    var rss: [Double]
    /// The child's `VmHWM` (peak resident memory) in kB at the end.
    var hwm: Int
    /// CPU seconds the server used during the measured phase.
    var serverCPU: Double
    /// CPU seconds this process (the 16 clients) used during the measured phase: it shares the machine's cores.
    var clientCPU: Double

    /// The cycles/s line and the latency line.
    var cycleLines: [String] {
        let failed = errors.values.reduce(0, +)
        var lines = [
            "serve-cycles: \(Int((Double(cycles) / seconds).rounded())) cycles/s (\(cycles) cycles in "
                + "\(String(format: "%.1f", seconds)) s, \(Self.clients) clients, \(failed) failed)  "
                + "[target: \(Self.cyclesTarget)]",
            Measurement(name: "serve-cycles latency", samples: latencies, target: "—").summary,
            "serve-cycles server CPU: \(String(format: "%.0f", serverCPU / Double(max(cycles, 1)) * 1e6)) µs per cycle "
                + "(\(String(format: "%.2f", serverCPU / seconds)) cores busy)  [target: —]",
            "serve-cycles client CPU: \(String(format: "%.0f", clientCPU / Double(max(cycles, 1)) * 1e6)) µs per cycle "
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

    private static let cache = Mutex<ServeLoad?>(nil)

    /// The load's figures, running it once per process.
    static func shared() async throws -> ServeLoad {
        if let done = cache.withLock({ $0 }) { return done }
        let result = try await run()
        cache.withLock { $0 = result }
        return result
    }

    /// One worker's tallies.
    private struct Tally: Sendable {
        var cycles = 0
        var latencies: [Double] = []
        var errors: [String: Int] = [:]
    }

    private static func run() async throws -> ServeLoad {
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
                group.addTask { await worker(index, server: server, measureFrom: measureFrom, end: end) }
            }
            var all: [Tally] = []
            for await tally in group { all.append(tally) }
            return all
        }
        let (rss, hwm) = await memory
        let (serverCPU, clientCPU) = await cpu
        let status = server.stop()
        var result = ServeLoad(
            cycles: 0, seconds: Stopwatch.nanoseconds(measured) / 1e9, latencies: [], errors: [:], rss: rss, hwm: hwm,
            serverCPU: serverCPU, clientCPU: clientCPU)
        for tally in tallies {
            result.cycles += tally.cycles
            result.latencies += tally.latencies
            result.errors.merge(tally.errors, uniquingKeysWith: +)
        }
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

    private static func worker(
        _ index: Int, server: ServeProcess, measureFrom: ContinuousClock.Instant, end: ContinuousClock.Instant
    ) async -> Tally {
        let user = User(id: "load-\(index)", displayName: "Load \(index)", authMethod: "local")
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
            let outcome = await cycle(client, user: user, serial: serial, worker: index)
            let finished = ContinuousClock.now
            guard started >= measureFrom, finished <= end else { continue }
            if let outcome {
                tally.errors[outcome, default: 0] += 1
            } else {
                tally.cycles += 1
                tally.latencies.append(Stopwatch.nanoseconds(finished - started))
            }
        }
        return tally
    }

    /// One request → ack → answer cycle; nil when it completed, else a short description of the failure.
    private static func cycle(_ client: OasstClient, user: User, serial: Int, worker: Int) async -> String? {
        let task: OasstTask
        do {
            task = try await client.requestTask(.random, lang: "en", user: user)
        } catch {
            return "request: \(describe(error))"
        }
        guard let taskID = task.id, let answer = task.answerType else { return "request: unanswerable task" }
        let ackID = UUIDText.randomText()
        do {
            try await client.ack(taskID: taskID, ackID: ackID, user: user)
        } catch {
            return "ack: \(describe(error))"
        }
        let interaction: Interaction
        switch answer {
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
            guard let labeling = task.labeling else { return "request: label task without labels" }
            var labels: [String: Double] = [:]
            for name in labeling.mandatoryLabels { labels[name] = 0 }
            interaction = .textLabels(
                TextLabelsInteraction(
                    messageID: labeling.messageID, taskID: labeling.id, text: "", labels: labels, lang: "en",
                    user: user))
        case .messageRating:
            return "request: rating task"
        }
        do {
            _ = try await client.send(interaction)
        } catch {
            return "answer: \(describe(error))"
        }
        return nil
    }

    private static func describe(_ error: OasstError) -> String {
        if let code = error.code { return "code \(code)" }
        if let status = error.status { return "status \(status)" }
        return "\(error.kind)"
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? OasstError { return describe(error) }
        return "\(error)"
    }
}
