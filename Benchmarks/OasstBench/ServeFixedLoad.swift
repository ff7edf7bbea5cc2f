import Foundation
import OasstClient
import OasstProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// `serve-cycles-fixed`: the `serve-cycles` load with a fixed amount of work instead of a fixed time, for counting
/// the server's instructions per cycle under a profiler (`OASST_BENCH_WRAP="valgrind --tool=callgrind
/// --instr-atstart=no"`). 16 loopback clients each run `OASST_BENCH_WARMUP` cycles (default 300), then, once all
/// are done, `OASST_BENCH_CYCLES` cycles each (default 100). When the server runs under callgrind, instrumentation
/// is switched on (`callgrind_control -i on`) just before the measured cycles and the counts are dumped
/// (`callgrind_control -d`) right after them, so the dump holds exactly the measured cycles.
enum ServeFixedLoad {
    /// The scenario's lines: cycles run and failed, server CPU per cycle, and the callgrind dump taken.
    static func run() async throws -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let warmup = environment["OASST_BENCH_WARMUP"].flatMap { Int($0) } ?? 300
        let cycles = environment["OASST_BENCH_CYCLES"].flatMap { Int($0) } ?? 100
        let profiled = (environment["OASST_BENCH_WRAP"] ?? "").contains("callgrind")
        let server = try await ServeProcess(
            name: "serve-fixed",
            config: """
                rate_limits = false
                max_pending_tasks_per_user = 1000
                """)
        // `OASST_BENCH_KEEP=1` keeps the server's directory (database and log) for a look afterwards.
        let keep = environment["OASST_BENCH_KEEP"] == "1"
        defer { server.stop(keep: keep) }
        let warm = await phase(server: server, cycles: warmup, serialBase: 0, createUsers: true)
        if profiled { callgrindControl(["-i", "on"], pid: server.pid) }
        let cpuStart = ServeProcess.cpuSeconds(pid: server.pid) ?? 0
        let measured = await phase(server: server, cycles: cycles, serialBase: warmup, createUsers: false)
        let cpu = (ServeProcess.cpuSeconds(pid: server.pid) ?? cpuStart) - cpuStart
        if profiled { callgrindControl(["-d"], pid: server.pid) }
        let done = measured.cycles
        var lines = [
            "serve-cycles-fixed: \(done) measured cycles (\(measured.failed) failed) after \(warm.cycles) warm-up "
                + "(\(warm.failed) failed), \(ServeLoad.clients) clients, server pid \(server.pid)",
            "serve-cycles-fixed server CPU: \(String(format: "%.0f", cpu / Double(max(done, 1)) * 1e6)) µs per cycle",
        ]
        if keep { lines.append("serve-cycles-fixed kept \(server.directory.path)") }
        for (what, count) in measured.errors.sorted(by: { $0.value > $1.value }).prefix(5) {
            lines.append("  failed cycles: \(count) × \(what)")
        }
        return lines
    }

    /// Completed and failed cycles of one phase.
    private struct PhaseResult: Sendable {
        var cycles = 0
        var failed = 0
        var errors: [String: Int] = [:]
    }

    /// Runs `cycles` cycles on each of the clients, each on a thread of its own, and waits for all of them.
    private static func phase(
        server: ServeProcess, cycles: Int, serialBase: Int, createUsers: Bool
    ) async
        -> PhaseResult
    {
        await withTaskGroup(of: PhaseResult.self) { group in
            for index in 0..<ServeLoad.clients {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        let thread = Thread {
                            continuation.resume(
                                returning: clientLoop(
                                    index, server: server, cycles: cycles, serialBase: serialBase,
                                    createUser: createUsers))
                        }
                        thread.name = "bench.fixed.\(index)"
                        thread.start()
                    }
                }
            }
            var total = PhaseResult()
            for await one in group {
                total.cycles += one.cycles
                total.failed += one.failed
                total.errors.merge(one.errors, uniquingKeysWith: +)
            }
            return total
        }
    }

    private static func clientLoop(
        _ index: Int, server: ServeProcess, cycles: Int, serialBase: Int, createUser: Bool
    ) -> PhaseResult {
        let user = ServeLoad.loadUser(index)
        let client = OasstClient(
            configuration: OasstClientConfiguration(baseURL: server.baseURL, apiKey: ServeProcess.apiKey, user: user),
            transport: FixedLoadTransport())
        let connection = LoopbackHTTPConnection(port: server.port)
        if createUser {
            _ = try? ServeLoad.loopbackCall(
                connection, client, user, "/frontend_users/", CreateFrontendUserRequest(user: user))
        }
        var result = PhaseResult()
        for serial in serialBase..<(serialBase + cycles) {
            if let failure = ServeLoad.loopbackCycle(connection, client, user: user, serial: serial + 1, worker: index)
            {
                result.failed += 1
                result.errors[failure, default: 0] += 1
            } else {
                result.cycles += 1
            }
        }
        return result
    }

    /// Runs `callgrind_control` with `arguments` for `pid` and waits for it.
    private static func callgrindControl(_ arguments: [String], pid: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["callgrind_control"] + arguments + [String(pid)]
        process.standardOutput = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }
}

/// The transport of the fixed load's clients, used only to build requests for `LoopbackHTTPConnection`.
private struct FixedLoadTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw TransportError.other(code: -1, message: "this client's requests are sent by LoopbackHTTPConnection")
    }
}
