import Foundation
import TmuxControl

#if canImport(Glibc)
    import Glibc
#endif

/// A child process on its own pseudo-terminal, as a person's terminal would run it: the bench
/// reads what it draws from the master side, types keys into it, and reads its memory from /proc.
final class PseudoTerminalProcess {
    /// The child's process id.
    let pid: pid_t
    private let master: Int32
    private var output: [UInt8] = []
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on a new `columns`×`rows` terminal.
    init(executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw BenchError("openpty failed: errno \(errno)") }
        defer { close(slave) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_adddup2(&actions, slave, target)
        }
        let attributes = CleanSpawnAttributes()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, attributes.pointer, argv, envp)
        guard status == 0 else {
            close(master)
            throw BenchError("cannot start \(executable): error \(status)")
        }
        self.pid = child
        self.master = master
    }

    deinit {
        terminate()
        close(master)
    }

    /// Everything the child wrote so far, as text (escape sequences included).
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Forgets the output read so far, so the next `waitFor` looks only at new drawing.
    func clearOutput() { output.removeAll(keepingCapacity: true) }

    /// Reads output until `needle` appears in what was read since the last `clearOutput`, or `timeout` seconds pass.
    @discardableResult
    func waitFor(_ needle: String, timeout: Double) -> Bool {
        let bytes = Array(needle.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        var searchedUpTo = 0
        while true {
            if contains(bytes, from: max(0, searchedUpTo - bytes.count)) { return true }
            searchedUpTo = output.count
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || !readAvailable(waitMilliseconds: Int32(min(remaining, 0.1) * 1000)) {
                if remaining <= 0 || hasExited() { return contains(bytes, from: 0) }
            }
        }
    }

    /// Types bytes as the keyboard would.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
            } else if errno == EAGAIN || errno == EINTR {
                _ = readAvailable(waitMilliseconds: 1)
            } else {
                return
            }
        }
    }

    /// Waits up to `timeout` seconds for the child to end, draining its output; its exit status, or nil.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while !hasExited() && Date() < deadline { _ = readAvailable(waitMilliseconds: 10) }
        return exitStatus
    }

    /// `VmRSS` and `VmHWM` in kilobytes, from /proc (nil once the process is gone).
    func memory() -> (rss: Int, hwm: Int)? { ServeProcess.memory(pid: pid) }

    /// Ends the child with SIGTERM, then SIGKILL if it lingers.
    func terminate() {
        guard !hasExited() else { return }
        kill(pid, SIGTERM)
        if waitForExit(timeout: 2) == nil {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 2)
        }
    }

    private func hasExited() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return true
        }
        return false
    }

    /// Reads what is available, waiting up to `waitMilliseconds` for the first byte; true when something came.
    private func readAvailable(waitMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var got = false
        while true {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            output += buffer[0..<count]
            got = true
        }
        return got
    }

    private func contains(_ needle: [UInt8], from start: Int) -> Bool {
        guard !needle.isEmpty, output.count >= needle.count else { return needle.isEmpty }
        var index = start
        while index + needle.count <= output.count {
            if output[index] == needle[0] && output[index..<(index + needle.count)].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}
