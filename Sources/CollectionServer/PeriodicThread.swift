import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A named thread that runs `tick` every `interval` until `tick` returns false: the server's background chores
/// (WAL sync and checkpoints, request-log batches), which must not wait for a free cooperative thread.
enum PeriodicThread {
    /// Starts the thread.
    static func start(every interval: Duration, name: String, tick: @escaping @Sendable () -> Bool) {
        let micros =
            useconds_t(max(1, interval.components.attoseconds / 1_000_000_000_000))
            + useconds_t(interval.components.seconds * 1_000_000)
        let thread = Thread {
            while true {
                usleep(micros)
                if !tick() { return }
            }
        }
        thread.name = name
        thread.start()
    }
}
