import OfflineStore
import Synchronization

/// Hands the due items of one flush to its delivery lanes, one at a time in creation order, and stops handing
/// them out after a transport failure (the lanes finish the item they hold).
final class DeliveryCursor: Sendable {
    private struct State {
        var next = 0
        var stopped = false
        var outcomes: [Int64: DeliveryOutcome] = [:]
    }

    private let items: [OutboxItem]
    private let state = Mutex(State())

    /// A cursor over the due items.
    init(_ items: [OutboxItem]) {
        self.items = items
    }

    /// The next item and how many remain after it was taken; nil once all are taken or the flush stopped.
    func take() -> (item: OutboxItem, remaining: Int)? {
        state.withLock { state in
            guard !state.stopped, state.next < items.count else { return nil }
            let item = items[state.next]
            state.next += 1
            return (item, items.count - state.next + 1)
        }
    }

    /// Records an item's outcome; `.offline` stops the flush.
    func record(_ id: Int64, _ outcome: DeliveryOutcome) {
        state.withLock { state in
            state.outcomes[id] = outcome
            if outcome == .offline { state.stopped = true }
        }
    }

    /// Every recorded outcome.
    var outcomes: [Int64: DeliveryOutcome] { state.withLock { $0.outcomes } }
}
