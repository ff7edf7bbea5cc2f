import Foundation
import TmuxControl

/// Resident memory of the UI while a person works 1,000 tasks against a local `oasst serve`:
/// the bench types each initial prompt in tmux, reviews and submits it, and reads VmRSS every 100 tasks.
extension Scenarios {
    static let uiMemory = Scenario(name: "ui-memory", target: "≤ 40 MB and flat") {
        let tasks = min(1_000, Stopwatch.iterationCap)
        let server = try await ServeProcess(
            name: "ui-memory", config: "rate_limits = false\nmax_initial_prompt_review = 100000")
        defer { server.stop() }
        let home = try BenchPaths.temporaryDirectory("ui-memory")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = uiEnvironment(home: home)
        let command =
            "\(TmuxSession.shellQuote(try BenchPaths.oasstBinary().path)) --server \(server.baseURL) --user memory"
        let session = try TmuxSession(command: command, width: 80, height: 24, environment: environment)
        defer { session.kill() }
        try session.waitFor(text: "initial prompt", timeout: 30)
        try session.press("j", "Enter")
        guard let pid = oasstProcess(in: session) else { throw BenchError("cannot find the oasst process in tmux") }
        var samples: [(tasks: Int, rss: Int, anon: Int)] = []
        for index in 1...tasks {
            try session.waitFor("task \(index) on screen", timeout: 30) {
                $0.contains(" 0 / 2000") && $0.contains("REPLY")
            }
            let prompt = "Prompt \(index): why do tides differ between seas?"
            try session.type(prompt)
            try session.waitFor(text: "\(prompt.count) / 2000", timeout: 30)
            try session.press("C-s")
            try session.press("C-s")
            if index % 100 == 0 || index == 1 {
                let status = ServeProcess.status(pid: pid)
                guard let rss = status["VmRSS"], let anon = status["RssAnon"] else {
                    throw BenchError("oasst ended early")
                }
                samples.append((index, rss, anon))
            }
        }
        try session.waitFor("the last task delivered", timeout: 60) {
            $0.contains("⇡0 queued") && $0.contains(" 0 / 2000")
        }
        guard let final = ServeProcess.memory(pid: pid) else { throw BenchError("oasst ended early") }
        try quit(pid: pid, in: session)
        let megabytes = { (kilobytes: Int) in String(format: "%.1f MB", Double(kilobytes) / 1024) }
        let series = samples.map { "\($0.tasks): \(megabytes($0.rss))" }.joined(separator: ", ")
        let heap = samples.map { "\($0.tasks): \(megabytes($0.anon))" }.joined(separator: ", ")
        return [
            "ui-memory: VmRSS after tasks — \(series)",
            "ui-memory: of which anonymous (heap, stacks) — \(heap); the rest is the binary's mapped pages",
            "ui-memory: \(tasks) tasks, VmRSS \(megabytes(final.rss)), peak VmHWM \(megabytes(final.hwm)), "
                + "growth from task 100 to \(tasks): "
                + megabytes(final.rss - (samples.first { $0.tasks == 100 }?.rss ?? samples[0].rss))
                + "  [target: ≤ 40 MB and flat]",
        ]
    }

    /// Leaves the editor and quits as a person would; kills the process if it is still there after 5 s.
    static func quit(pid: pid_t, in session: TmuxSession) throws {
        try session.press("Escape")
        Thread.sleep(forTimeInterval: 0.3)  // a key right after Esc would be read as Alt-key
        try session.press("q")
        let deadline = Date().addingTimeInterval(5)
        while FileManager.default.fileExists(atPath: "/proc/\(pid)") && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        if FileManager.default.fileExists(atPath: "/proc/\(pid)") { kill(pid, SIGKILL) }
    }

    /// The `oasst` process in a tmux pane: the pane's process itself, or its child when a shell stayed between.
    static func oasstProcess(in session: TmuxSession) -> pid_t? {
        guard let pane = session.panePID else { return nil }
        func name(_ pid: pid_t) -> String {
            ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if name(pane) == "oasst" { return pane }
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }.first { name($0) == "oasst" }
    }
}
