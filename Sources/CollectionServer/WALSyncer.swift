import Foundation
import GRDB
import GRDBSQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Group commit and checkpoints for the server database, on a thread of their own. Transactions commit with
/// `synchronous = NORMAL` (no fsync each, so concurrent requests do not queue behind the disk); this syncs the WAL
/// file at most every `interval` after something was written. A crash of the process loses nothing and cannot
/// corrupt the database (committed transactions are in the WAL); a power loss or OS crash can lose the writes of
/// the last interval.
///
/// It also checkpoints (copies the WAL back into the database file, with its two fsyncs) once the writer's commits
/// left `checkpointFrames` frames in the WAL, through a connection of its own and without blocking the writer.
/// SQLite's automatic checkpoint ran inside the commit of whichever request crossed the threshold: a fifth of the
/// serial writer's commit time, fsyncs included. The writer still checkpoints itself past `writerCheckpointFrames`,
/// should this thread fall behind.
final class WALSyncer: Sendable {
    /// WAL frames that start a background checkpoint (SQLite's `wal_autocheckpoint` default is 1,000).
    static let checkpointFrames: Int32 = 4000
    /// WAL frames past which the writer checkpoints in its own commit.
    static let writerCheckpointFrames: Int32 = 40000

    /// The WAL size the writer's commit hook last reported, shared with the hook.
    final class FrameCount: Sendable {
        /// Frames in the WAL after the last commit.
        let frames = Atomic<Int32>(0)
    }

    private let databasePath: String
    private let walPath: String
    private let dirty = Atomic<Bool>(false)
    private let frameCount = FrameCount()
    /// The checkpoint connection, opened by the first checkpoint (used by the sync thread only).
    private let checkpointConnection = Mutex<OpaquePointer?>(nil)

    /// Starts the sync thread for the database at `databasePath`.
    init(databasePath: String, interval: Duration = .milliseconds(10)) {
        self.databasePath = databasePath
        walPath = databasePath + "-wal"
        PeriodicThread.start(every: interval, name: "oasst-serve.wal-sync") { [weak self] in
            guard let self else { return false }
            self.syncIfDirty()
            self.checkpointIfDue()
            return true
        }
    }

    deinit {
        syncIfDirty()
        checkpointConnection.withLock { connection in
            if let connection { sqlite3_close_v2(connection) }
            connection = nil
        }
    }

    /// Replaces SQLite's automatic checkpoint on the writer connection `db` with the commit hook that feeds the
    /// background checkpoint. The hook's context is retained for the life of the process (one small object per
    /// opened server): the connection may outlive this syncer.
    func install(on db: Database) {
        let context = Unmanaged.passRetained(frameCount).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, Self.commitHook, context)
    }

    /// After each commit: records the WAL size; checkpoints in the writer only past `writerCheckpointFrames`.
    private static let commitHook:
        @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
            context, connection, _, frames in
            if let context {
                Unmanaged<FrameCount>.fromOpaque(context).takeUnretainedValue().frames.store(frames, ordering: .relaxed)
            }
            if frames >= writerCheckpointFrames { sqlite3_wal_checkpoint(connection, nil) }
            return SQLITE_OK
        }

    /// Frames in the WAL as the writer's last commit reported them (0 after a complete background checkpoint).
    var reportedFrames: Int32 { frameCount.frames.load(ordering: .relaxed) }

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

    /// Checkpoints (PASSIVE: never waits for the writer or readers) when the WAL has grown past `checkpointFrames`.
    func checkpointIfDue() {
        guard frameCount.frames.load(ordering: .relaxed) >= Self.checkpointFrames else { return }
        checkpointConnection.withLock { connection in
            if connection == nil {
                var opened: OpaquePointer?
                // A first read opens the WAL (a connection that has read nothing is not in WAL mode yet).
                guard
                    sqlite3_open_v2(databasePath, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
                        == SQLITE_OK,
                    sqlite3_exec(opened, "SELECT COUNT(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK
                else {
                    sqlite3_close_v2(opened)
                    return
                }
                connection = opened
            }
            var logged: Int32 = 0
            var copied: Int32 = 0
            let code = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, &logged, &copied)
            // Everything copied: the writer starts the WAL over at its next transaction.
            if code == SQLITE_OK && logged >= 0 && copied == logged { frameCount.frames.store(0, ordering: .relaxed) }
        }
    }
}
