import Glibc

/// Wakes a `CursesTerminal` blocked in `readEvent` from any thread: one byte into its pipe.
/// Valid while the terminal exists.
public struct CursesWaker: Sendable {
    /// The pipe's write end.
    let descriptor: Int32

    /// Makes the blocked `readEvent` return nil (the loop then checks its inbox).
    public func wake() {
        guard descriptor >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }
}
