import Foundation
import TestSupport
import Testing

/// Starting the UI in a real terminal with something wrong gives one clear line, a non-zero exit,
/// and a terminal left as it was (canonical mode and echo still on).
@Suite struct StartupFailureTests {
    /// Runs `oasst ARGS` in tmux with a prepared home and returns the screen after it exits.
    static func start(
        _ arguments: String, environment extra: [String: String] = [:], prepare: (URL) throws -> Void = { _ in }
    ) throws -> String {
        let binary = try #require(OasstBinary.url)
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("oasst-start-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config/oasst")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try prepare(config)
        var environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
        for (key, value) in extra { environment[key] = value }
        let session = try TmuxSession(
            command:
                "sh -c '\(binary.path) \(arguments); echo EXIT=$?; stty -a | tr \" \" \"\\n\" | grep -x -- \"-*icanon\"; "
                + "stty -a | tr \" \" \"\\n\" | grep -x -- \"-*echo\"; sleep 600'",
            width: 250, height: 24, environment: environment)
        defer { session.kill() }
        return try session.waitFor("the exit status and terminal modes") { screen in
            screen.contains("EXIT=") && screen.contains("echo")
        }
    }

    /// The shared checks: one error line, exit 1, terminal modes intact.
    static func expectCleanFailure(_ screen: String, mentioning words: String) {
        let errors = screen.split(separator: "\n").filter { $0.hasPrefix("oasst: error:") }
        #expect(errors.count == 1, "\(screen)")
        #expect(errors.first?.contains(words) == true, "\(screen)")
        #expect(screen.contains("EXIT=1"), "\(screen)")
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("icanon") && lines.contains("echo"), "terminal modes not restored:\n\(screen)")
    }

    @Test(.enabled(if: OasstBinary.url != nil)) func badConfig() throws {
        let screen = try Self.start("") { config in
            try "server = \"http://x\"\ncolour = \"blue\"\n".write(
                to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        }
        Self.expectCleanFailure(screen, mentioning: "config.toml:2: unknown key")
    }

    @Test(.enabled(if: OasstBinary.url != nil)) func unreadableKeyFile() throws {
        let screen = try Self.start("") { config in
            // A directory where the file should be cannot be read, even by root.
            try FileManager.default.createDirectory(
                at: config.appendingPathComponent("keys.toml"), withIntermediateDirectories: true)
        }
        Self.expectCleanFailure(screen, mentioning: "cannot read the key map")
    }

    @Test(.enabled(if: OasstBinary.url != nil)) func unreachableServer() throws {
        let screen = try Self.start("--server http://127.0.0.1:9", environment: ["OASST_API_KEY": "test-key"])
        Self.expectCleanFailure(screen, mentioning: "cannot reach the server")
        #expect(!screen.contains("test-key"))
    }

    @Test(.enabled(if: OasstBinary.url != nil)) func nonUTF8Locale() throws {
        let screen = try Self.start("", environment: ["LANG": "C", "LC_ALL": "C"])
        Self.expectCleanFailure(screen, mentioning: "not UTF-8")
    }
}
