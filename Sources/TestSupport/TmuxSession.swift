import Foundation

/// Drives a program inside a detached tmux session, the way a person would use it: type keys,
/// wait for text to appear on the screen, read the screen. Always `kill()` it at the end.
public final class TmuxSession: @unchecked Sendable {
    /// Why a tmux interaction failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the last screen when there is one.
        public var description: String
    }

    /// The tmux session name (unique per instance).
    public let name: String
    /// A private tmux server socket, so tests never touch the user's tmux.
    private let socket: String

    /// Starts `command` (run by `sh -c`) in a new detached session of the given size.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        name = "oasst-test-\(UUID().uuidString.prefix(8))"
        socket = "oasst-test-\(getpid())-\(UUID().uuidString.prefix(6))"
        var exports = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            exports.append("\(key)=\(TmuxSession.shellQuote(value))")
        }
        let full = "env \(exports.joined(separator: " ")) \(command)"
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", full])
        try? run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Quotes a value for `sh`.
    public static func shellQuote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs one tmux command on the private server and returns its standard output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(process.terminationStatus))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Types text literally (no key-name interpretation).
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    /// Presses keys by tmux name (`Enter`, `C-s`, `Escape`, `Up`, `M-Enter`…).
    public func press(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// The visible screen as lines (`-e` keeps colours and attributes as SGR codes).
    public func capture(withAttributes: Bool = false) throws -> String {
        try run(["capture-pane", "-t", name, "-p"] + (withAttributes ? ["-e"] : []))
    }

    /// Changes the window size.
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds or the deadline passes; returns the screen.
    @discardableResult
    public func waitFor(
        _ what: String, timeout: TimeInterval = 20, predicate: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = (try? capture()) ?? screen
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out waiting for \(what); screen was:\n\(screen)")
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func waitFor(text: String, timeout: TimeInterval = 20) throws -> String {
        try waitFor("“\(text)”", timeout: timeout) { $0.contains(text) }
    }

    /// True while the program in the pane is still running.
    public var isRunning: Bool {
        ((try? run(["display-message", "-t", name, "-p", "#{pane_dead}"])) ?? "1").hasPrefix("0")
    }

    /// The exit status of the program once it has ended.
    public var exitStatus: Int? {
        guard let text = try? run(["display-message", "-t", name, "-p", "#{pane_dead_status}"]) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Ends the session and its private tmux server.
    public func kill() {
        try? run(["kill-server"])
    }

    deinit {
        kill()
    }
}
