import Foundation

/// A per-request cancel flag set from Swift task cancellation and read by libcurl's progress
/// callback on the lane thread.
final class CurlCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Asks the running (or not yet started) transfer to stop.
    func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Whether `cancel()` was called.
    var isCancelled: Bool {
        lock.withLock { cancelled }
    }
}
