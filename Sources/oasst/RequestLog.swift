import Foundation
import Synchronization

/// Appends the embedded server's request lines to a log file (the terminal belongs to the UI).
final class RequestLog: Sendable {
    private let handle: Mutex<FileHandle?>

    /// Opens (or creates) the log file for appending; logging is skipped when it cannot be opened.
    init(url: URL) {
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let file = try? FileHandle(forWritingTo: url)
        _ = try? file?.seekToEnd()
        handle = Mutex(file)
    }

    /// Writes one line.
    func append(_ line: String) {
        handle.withLock { file in
            try? file?.write(contentsOf: Data((line + "\n").utf8))
        }
    }
}
