import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Group commit for the server database. Transactions commit with `synchronous = NORMAL` (no fsync each, so
/// concurrent requests do not queue behind the disk); this syncs the WAL file at most every `interval` after
/// something was written. A crash of the process loses nothing and cannot corrupt the database (committed
/// transactions are in the WAL); a power loss or OS crash can lose the writes of the last interval.
final class WALSyncer: Sendable {
    private let walPath: String
    private let dirty = Atomic<Bool>(false)

    /// Starts the sync thread for the database at `databasePath`.
    init(databasePath: String, interval: Duration = .milliseconds(10)) {
        walPath = databasePath + "-wal"
        let micros =
            useconds_t(max(1, interval.components.attoseconds / 1_000_000_000_000))
            + useconds_t(interval.components.seconds * 1_000_000)
        let thread = Thread { [weak self] in
            while true {
                usleep(micros)
                guard let self else { return }
                self.syncIfDirty()
            }
        }
        thread.name = "oasst-serve.wal-sync"
        thread.start()
    }

    deinit {
        syncIfDirty()
    }

    /// Marks that a transaction committed since the last sync.
    func noteWrite() {
        dirty.store(true, ordering: .releasing)
    }

    /// Syncs the WAL now if anything was written since the last sync.
    func syncIfDirty() {
        guard dirty.exchange(false, ordering: .acquiringAndReleasing) else { return }
        let fd = open(walPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

}
