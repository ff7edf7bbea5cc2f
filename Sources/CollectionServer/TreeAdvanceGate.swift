import Synchronization

/// Remembers, per language, that a tree-advance pass (`ServerStore.advanceTrees`) would change nothing until a given
/// time, so task requests skip the pass (a tree refresh per growing tree, then the lottery) while that holds.
///
/// A pass is a no-op until an open reply task of a growing tree leaves the lock window (time) or something happens
/// that the protocol code does not follow with its own refresh: a nack, a lottery promotion, an expired-task
/// cleanup, a rolled-back transaction. Those call `invalidate()`; a new reply task lowers the time with `lower`.
/// (A reply task is handed out only while its tree is below its goal size with room left, so its lapse cannot
/// make a pass move that tree; `lower` keeps the time exact all the same.)
/// Every other write that can move a tree (reviews, rankings) refreshes that tree itself.
final class TreeAdvanceGate: Sendable {
    private struct State {
        var generation = 0
        var freshUntil: [String: Double] = [:]
    }

    private let state = Mutex(State())

    /// Whether the last pass for `lang` still holds at `now` (seconds since 1970).
    func isFresh(lang: String, now: Double) -> Bool {
        state.withLock { now < ($0.freshUntil[lang] ?? -Double.infinity) }
    }

    /// The current generation; pass it back to `markFresh` so a pass that saw an invalidation is not recorded.
    var generation: Int { state.withLock { $0.generation } }

    /// Records a completed pass for `lang`, valid until `until`, unless something invalidated since `generation`.
    func markFresh(lang: String, until: Double, generation: Int) {
        state.withLock {
            guard $0.generation == generation else { return }
            $0.freshUntil[lang] = until
        }
    }

    /// A new open reply task for `lang` that leaves the lock window at `until`.
    func lower(lang: String, until: Double) {
        state.withLock {
            guard let current = $0.freshUntil[lang] else { return }
            $0.freshUntil[lang] = min(current, until)
        }
    }

    /// Forgets every pass: the next request of each language runs one.
    func invalidate() {
        state.withLock {
            $0.generation &+= 1
            $0.freshUntil.removeAll(keepingCapacity: true)
        }
    }
}
