import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore

/// Process start to first frame: `oasst --exit-after-first-frame` on a pseudo-terminal, with a task
/// already taken and cached in the store (the person comes back to the task they left).
extension Scenarios {
    static let startup = Scenario(name: "startup", target: "median ≤ 30 ms") {
        let server = try await ServeProcess(name: "startup", config: "rate_limits = false")
        defer { server.stop() }
        let home = try BenchPaths.temporaryDirectory("startup")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = uiEnvironment(home: home)
        let user = User(id: "bench", displayName: "bench", authMethod: "local")
        let client = OasstClient(
            configuration: OasstClientConfiguration(
                baseURL: server.baseURL, apiKey: ServeProcess.apiKey, user: user, defaultLang: "en"),
            transport: CurlTransport(name: "oasst.bench"))
        let task = try await client.requestTask(.initialPrompt)
        let store = try OfflineStore(file: StoreLocation.defaultFile(environment: environment))
        let cached = try store.storeTask(
            task, user: user, requestedType: "initial_prompt", lang: "en", receivedAt: Date(), state: .taken)
        try await client.ack(taskID: task.id ?? UUIDText.random(), ackID: cached.ackId)
        try store.close()

        let binary = try BenchPaths.oasstBinary().path
        let arguments = ["--server", server.baseURL, "--user", "bench", "--exit-after-first-frame"]
        var firstFrame: [Double] = []
        var exited: [Double] = []
        let clock = ContinuousClock()
        for run in 0..<(3 + 30) {
            let start = clock.now
            let process = try PseudoTerminalProcess(
                executable: binary, arguments: arguments, environment: environment, columns: 80,
                rows: 24)
            guard process.waitFor("Your reply", timeout: 10) else {
                throw BenchError(
                    "no first frame with the cached task; the terminal showed:\n\(process.text.suffix(800))")
            }
            let drawn = clock.now
            guard let status = process.waitForExit(timeout: 10), status == 0 else {
                throw BenchError("oasst did not exit cleanly after its first frame:\n\(process.text.suffix(800))")
            }
            if run >= 3 {
                firstFrame.append(Stopwatch.nanoseconds(drawn - start))
                exited.append(Stopwatch.nanoseconds(clock.now - start))
            }
        }
        let embedded = try embeddedStartup()
        return [
            Measurement(name: "startup (first frame)", samples: firstFrame, target: "median ≤ 30 ms").range,
            Measurement(name: "startup (to exit)", samples: exited, target: "—").range,
            Measurement(name: "startup (embedded server, start screen)", samples: embedded, target: "—").range,
        ]
    }

    /// First frames of `oasst` with no server configured: the embedded server starts before the start screen.
    static func embeddedStartup() throws -> [Double] {
        let home = try BenchPaths.temporaryDirectory("startup-embedded")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = uiEnvironment(home: home)
        environment["OASST_API_KEY"] = nil
        let binary = try BenchPaths.oasstBinary().path
        var samples: [Double] = []
        let clock = ContinuousClock()
        for run in 0..<(3 + 10) {
            let start = clock.now
            let process = try PseudoTerminalProcess(
                executable: binary, arguments: ["--user", "bench", "--exit-after-first-frame"],
                environment: environment, columns: 80, rows: 24)
            guard process.waitFor("choose a task", timeout: 30) else {
                throw BenchError("no start screen from the embedded server run:\n\(process.text.suffix(800))")
            }
            let drawn = clock.now
            guard process.waitForExit(timeout: 10) == 0 else {
                throw BenchError("oasst did not exit cleanly after its first frame:\n\(process.text.suffix(800))")
            }
            if run >= 3 { samples.append(Stopwatch.nanoseconds(drawn - start)) }
        }
        return samples
    }

    /// The environment of a UI run under `home`: its own XDG folders, a UTF-8 locale, a colour terminal.
    static func uiEnvironment(home: URL) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_RUNTIME_DIR": home.appendingPathComponent("run").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "OASST_API_KEY": ServeProcess.apiKey,
        ]
    }
}
