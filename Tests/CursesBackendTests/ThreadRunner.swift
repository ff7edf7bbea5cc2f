import CNcursesw
import Foundation

/// Runs a closure on its own thread; `join()` waits for it.
final class ThreadRunner: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init?(_ body: @escaping @Sendable () -> Void) {
        let done = self.done
        Thread {
            body()
            done.signal()
        }.start()
    }

    func join() { done.wait() }
}

/// ncurses attribute bits, read through the shim.
let A_BOLD_value = oasst_A_BOLD()
let A_REVERSE_value = oasst_A_REVERSE()
let A_UNDERLINE_value = oasst_A_UNDERLINE()
