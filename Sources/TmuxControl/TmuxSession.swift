import CSpawn
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
    /// How long one tmux command may take before it counts as failed (a hung test helps nobody).
    static let commandTimeout: TimeInterval = 30

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
        _ = try? run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Quotes a value for `sh`.
    public static func shellQuote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs one tmux command on the private server and returns its standard output. It uses
    /// `posix_spawn` + `waitpid` rather than `Process`, and the child inherits nothing but its three
    /// standard descriptors: tests run in parallel, and a tmux server that `new-session` leaves behind
    /// would otherwise keep another command's output pipe open for ever (its reader never sees the end).
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe2(&pipeEnds, O_CLOEXEC) == 0 else { throw Failure(description: "pipe2() failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)
        let argv = ["tmux", "-L", socket] + arguments
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        let attributes = CleanSpawnAttributes()
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, attributes.pointer, &cArguments, environ)
        close(pipeEnds[1])
        guard spawned == 0 else {
            close(pipeEnds[0])
            throw Failure(description: "cannot run tmux (error \(spawned)); is it installed?")
        }
        var data = Data()
        if arguments.first == "new-session" {
            close(pipeEnds[0])
        } else {
            var buffer = [UInt8](repeating: 0, count: 65536)
            var reader = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            let deadline = Date().addingTimeInterval(Self.commandTimeout)
            while true {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else {
                    close(pipeEnds[0])
                    Glibc.kill(pid, SIGKILL)
                    while waitpid(pid, nil, 0) == -1 && errno == EINTR {}
                    throw Failure(
                        description: "tmux \(arguments.first ?? "") gave no end of output in \(Self.commandTimeout) s")
                }
                if poll(&reader, 1, Int32(left * 1000)) <= 0 { continue }
                let count = read(pipeEnds[0], &buffer, buffer.count)
                if count <= 0 { break }
                data.append(contentsOf: buffer[0..<count])
            }
            close(pipeEnds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status >> 8) & 0xff
        guard status & 0x7f == 0, exitCode == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed (status \(status))")
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

    /// The process id of the program in the pane (what `command` runs).
    public var panePID: pid_t? {
        guard let text = try? run(["display-message", "-t", name, "-p", "#{pane_pid}"]) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The exit status of the program once it has ended.
    public var exitStatus: Int? {
        guard let text = try? run(["display-message", "-t", name, "-p", "#{pane_dead_status}"]) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Ends the session and its private tmux server.
    public func kill() {
        _ = try? run(["kill-server"])
    }

    deinit {
        kill()
    }
}
