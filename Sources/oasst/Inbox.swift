import ContributorApp
import CursesBackend
import Synchronization

/// Messages from background work to the UI thread: a locked list plus a wake-up of the terminal's
/// `poll()`, so the loop never busy-waits.
final class Inbox: Sendable {
    private let messages = Mutex<[AppMessage]>([])
    private let waker: CursesWaker?

    /// Creates an inbox that wakes `waker` on every post (nil in headless use).
    init(waker: CursesWaker?) {
        self.waker = waker
    }

    /// Queues a message for the UI thread.
    func post(_ message: AppMessage) {
        messages.withLock { $0.append(message) }
        waker?.wake()
    }

    /// Takes every queued message, oldest first.
    func drain() -> [AppMessage] {
        messages.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }
}
