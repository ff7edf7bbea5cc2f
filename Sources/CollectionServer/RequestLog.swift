import Foundation
import Synchronization

/// A collection server's request lines, written in batches: `oasst serve` writes them to standard error, the
/// embedded server to a log file (the terminal belongs to the UI). Writing each line at once put a system call on
/// every request's path (tens of microseconds each under load); lines now wait at most `interval`, or until
/// `batchBytes` are pending, and `flush()` writes the rest at shutdown.
public final class RequestLog: Sendable {
    /// Pending bytes that are written at once, without waiting for the next tick.
    public static let batchBytes = 64 * 1024

    private struct State {
        var file: FileHandle?
        var pending: [UInt8] = []
    }

    private let state: Mutex<State>

    /// Opens (or creates) the log file for appending; logging is skipped when it cannot be opened.
    public convenience init(url: URL, interval: Duration = .milliseconds(100)) {
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let file = try? FileHandle(forWritingTo: url)
        _ = try? file?.seekToEnd()
        self.init(file: file, interval: interval)
    }

    /// Writes to an open file, such as standard error.
    public init(file: FileHandle?, interval: Duration = .milliseconds(100)) {
        state = Mutex(State(file: file))
        PeriodicThread.start(every: interval, name: "oasst.request-log") { [weak self] in
            guard let self else { return false }
            self.flush()
            return true
        }
    }

    deinit {
        flush()
    }

    /// Queues one line.
    public func append(_ line: String) {
        state.withLock { state in
            state.pending.append(contentsOf: line.utf8)
            state.pending.append(UInt8(ascii: "\n"))
            if state.pending.count >= Self.batchBytes { Self.write(&state) }
        }
    }

    /// Writes every queued line now.
    public func flush() {
        state.withLock { Self.write(&$0) }
    }

    private static func write(_ state: inout State) {
        guard !state.pending.isEmpty else { return }
        try? state.file?.write(contentsOf: Data(state.pending))
        state.pending.removeAll(keepingCapacity: true)
    }
}
