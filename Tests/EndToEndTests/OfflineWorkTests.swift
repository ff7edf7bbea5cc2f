import Foundation
import TestSupport
import Testing

/// With `oasst serve` stopped, the person keeps working from the prefetched tasks; the status bar
/// says offline and counts the queue; when the server is back the queue drains with no key press.
@Suite struct OfflineWorkTests {
    /// A loopback port nothing listens on right now.
    static func freePort() throws -> Int {
        let server = try LoopbackHTTPServer()
        let port = Int(server.port)
        server.stop()
        return port
    }

    /// Answers whatever task is on screen: writes, labels or ranks it.
    static func answer(_ session: TmuxSession, text: String) throws {
        let screen = try session.waitFor("a task") { screen in
            screen.contains("C-s review") || screen.contains("Is the message spam?")
                || screen.contains("Replies, best first")
        }
        if screen.contains("C-s review") {
            try session.type(text)
            try session.waitFor(text: String(text.prefix(12)))
            try session.press("C-s")
        } else if screen.contains("Is the message spam?") {
            try session.press("n")
            Thread.sleep(forTimeInterval: 0.2)
            try session.press("Enter")
        } else {
            try session.press("J")
            Thread.sleep(forTimeInterval: 0.2)
            try session.press("Enter")
        }
        try session.waitFor(text: "REVIEW")
        try session.press("Enter")
    }

    @Test(.enabled(if: OasstBinary.url != nil), .timeLimit(.minutes(3)))
    func worksOfflineFromPrefetchedTasksAndDrainsWhenTheServerReturns() throws {
        let binary = try #require(OasstBinary.url)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("oasst-offline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config/oasst")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let port = try Self.freePort()
        try "server = \"http://127.0.0.1:\(port)\"\nuser = \"tess\"\nprefetch = 3\n".write(
            to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path, "OASST_API_KEY": "offline-test-key",
        ]
        let database = home.appendingPathComponent("server.sqlite").path
        let serveCommand = "\(binary.path) serve --port \(port) --data \(database)"
        var server = try TmuxSession(command: serveCommand, width: 200, height: 10, environment: environment)
        defer { server.kill() }
        try server.waitFor(text: "listening on")

        let ui = try TmuxSession(command: binary.path, width: 100, height: 30, environment: environment)
        defer { ui.kill() }
        try ui.waitFor(text: "choose a task")
        // The prefetch fills the cache: three task requests show in the server's request log.
        try server.waitFor("three prefetched tasks", timeout: 30) { log in
            log.components(separatedBy: "POST /api/v1/tasks/ 200").count - 1 >= 3
        }

        try server.press("C-c")
        try server.waitFor(text: "shutting down")
        server.kill()
        try ui.press("Enter")
        try Self.answer(ui, text: "An answer written while the server is down, number one.")
        try ui.waitFor("offline in the status bar", timeout: 30) { $0.contains("│ offline") }
        try Self.answer(ui, text: "A second answer written offline, from the prefetch cache.")
        let offline = try ui.waitFor("two queued answers", timeout: 30) { $0.contains("⇡2 queued") }
        #expect(offline.contains("│ offline"))

        server = try TmuxSession(command: serveCommand, width: 200, height: 10, environment: environment)
        try server.waitFor(text: "listening on")
        let drained = try ui.waitFor("the queue to drain without a key press", timeout: 90) { screen in
            screen.contains("⇡0 queued") && screen.contains("online")
        }
        #expect(!drained.contains("│ offline"))
    }
}
