import Dispatch
import Foundation
import Synchronization

/// Waits for SIGINT or SIGTERM without the default "die at once", so servers can shut down cleanly.
enum ShutdownSignal {
    /// Suspends until SIGINT or SIGTERM arrives; returns its name.
    static func wait() async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let queue = DispatchQueue(label: "oasst.signals")
            let resumed = Mutex(false)
            var sources: [any DispatchSourceSignal] = []
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume(returning: name) }
                }
                source.resume()
                sources.append(source)
            }
            ShutdownSignal.keep(sources)
        }
    }

    /// Holds the signal sources for the life of the process (they are only touched under the lock).
    private final class Retainer: @unchecked Sendable {
        let lock = NSLock()
        var sources: [any DispatchSourceSignal] = []
    }

    /// The process-wide holder.
    private static let retainer = Retainer()

    /// Stores sources so they are not cancelled by deallocation.
    private static func keep(_ sources: [any DispatchSourceSignal]) {
        retainer.lock.lock()
        retainer.sources += sources
        retainer.lock.unlock()
    }
}
