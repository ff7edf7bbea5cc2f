import Foundation

/// `posix_spawn` attributes for a child that starts clean: no blocked signals and every signal at its default.
/// Spawned from a Swift worker thread, a child would otherwise inherit that thread's blocked signals (a tmux server
/// started that way blocks the SIGTERM that `kill-server` sends itself and never exits).
public final class CleanSpawnAttributes {
    /// The attributes, to pass to `posix_spawn`.
    public let pointer: UnsafeMutablePointer<posix_spawnattr_t>

    /// Attributes with an empty signal mask and default dispositions for every signal.
    public init() {
        pointer = .allocate(capacity: 1)
        posix_spawnattr_init(pointer)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(pointer, &noSignals)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(pointer, &everySignal)
        posix_spawnattr_setflags(pointer, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }

    deinit {
        posix_spawnattr_destroy(pointer)
        pointer.deallocate()
    }
}
