import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child `oasst serve` (the release binary next to this executable) on a loopback port with its own database
/// in a temporary directory; the server scenarios run their load against it.
final class ServeProcess: @unchecked Sendable {
    /// Errors while starting or checking the child.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    /// The key clients send; passed to the child through `OASST_API_KEY`.
    static let apiKey = "oasst-bench-key"

    /// The temporary directory holding database, config and log (removed by `stop()`).
    let directory: URL
    /// The bound port.
    let port: Int
    /// The child's process id (for `/proc/PID/status`).
    let pid: Int32
    private let process: Process

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The server database.
    var databasePath: String { directory.appendingPathComponent("server.sqlite").path }
    /// Where the child's standard error (its request log) goes.
    var logURL: URL { directory.appendingPathComponent("serve.log") }

    /// Starts `oasst serve --port 0` with `config` as its TOML settings and waits until it listens.
    init(name: String, config: String) async throws {
        let binary = try BenchPaths.oasstBinary()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oasst-bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configURL = directory.appendingPathComponent("serve.toml")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        let arguments = [
            "serve", "--port", "0", "--data", directory.appendingPathComponent("server.sqlite").path, "--config",
            configURL.path,
        ]
        // `OASST_BENCH_WRAP="valgrind --tool=callgrind"` runs the server under a profiler (space-separated prefix).
        let wrap = (ProcessInfo.processInfo.environment["OASST_BENCH_WRAP"] ?? "").split(separator: " ").map(
            String.init)
        if let tool = wrap.first {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + wrap.dropFirst() + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["OASST_API_KEY"] = Self.apiKey
        environment["HOME"] = directory.path
        environment["XDG_DATA_HOME"] = directory.path
        environment["XDG_CONFIG_HOME"] = directory.path
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        pid = process.processIdentifier
        var found: Int?
        let deadline = ContinuousClock.now + .seconds(wrap.isEmpty ? 60 : 600)
        while found == nil && ContinuousClock.now < deadline && process.isRunning {
            try await Task.sleep(for: .milliseconds(20))
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                found = Int(digits)
            }
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(description: "oasst serve did not start: \(text.suffix(500))")
        }
        port = found
    }

    /// `VmRSS` and `VmHWM` of the child in kilobytes, from `/proc/PID/status` (nil once it is gone).
    static func memory(pid: Int32) -> (rss: Int, hwm: Int)? {
        let fields = status(pid: pid)
        guard let rss = fields["VmRSS"], let hwm = fields["VmHWM"] else { return nil }
        return (rss, hwm)
    }

    /// The numeric fields of `/proc/PID/status` (kilobytes for the memory ones), by name without the colon.
    static func status(pid: Int32) -> [String: Int] {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return [:] }
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
            guard fields.count >= 2, let value = Int(fields[1]) else { continue }
            values[String(fields[0])] = value
        }
        return values
    }

    /// CPU time (user + system) the process `pid` has used so far, in seconds, from `/proc/PID/stat`.
    static func cpuSeconds(pid: Int32) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends SIGTERM, waits for the exit and removes the directory unless `keep`; returns the exit status.
    @discardableResult
    func stop(keep: Bool = false) -> Int32 {
        if process.isRunning {
            kill(pid, SIGTERM)
            process.waitUntilExit()
        }
        if !keep { try? FileManager.default.removeItem(at: directory) }
        return process.terminationStatus
    }
}
