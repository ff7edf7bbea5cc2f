import Foundation

/// Holds back loading libcurl while a process does something that must not share the machine with it.
/// Opening libcurl and its ~35 libraries takes about 20 million instructions and maps dozens of files; a UI
/// that can draw its first frame without the network (it has cached work) holds the gate until that frame
/// is on screen. Lanes wait at the gate before they make their handle; requests queue meanwhile.
public final class CurlLoadGate: @unchecked Sendable {
    /// The process's one gate, open until someone holds it.
    public static let shared = CurlLoadGate()

    /// Longest a hold lasts: a forgotten `release` delays the network by this much, never for good.
    public static let maximumHold: TimeInterval = 2

    private let condition = NSCondition()
    private var heldUntil: Date?

    /// A gate of its own (tests); the process uses `shared`.
    init() {}

    /// Closes the gate (for at most `maximumHold`); lanes started from now on wait before loading libcurl.
    public func hold() {
        condition.withLock { heldUntil = Date().addingTimeInterval(CurlLoadGate.maximumHold) }
    }

    /// Opens the gate and lets waiting lanes load libcurl.
    public func release() {
        condition.withLock {
            heldUntil = nil
            condition.broadcast()
        }
    }

    /// True while the gate is held.
    public var isHeld: Bool {
        condition.withLock { heldUntil.map { $0 > Date() } ?? false }
    }

    /// Blocks until the gate is open or its hold has run out.
    func waitUntilOpen() {
        condition.withLock {
            while let until = heldUntil, until > Date() {
                _ = condition.wait(until: until)
            }
        }
    }
}
