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
/// It also checkpoints (copies the WAL back into the database file, with its two fsyncs) each time the writer's
/// commits added `checkpointFrames` frames to the WAL, through a connection of its own and without blocking the
/// writer. SQLite's automatic checkpoint ran inside the commit of whichever request crossed the threshold: a fifth of
/// the serial writer's commit time, fsyncs included. Under a steady load the WAL only starts over after the writer
/// checkpoints itself, past `writerCheckpointFrames` (a checkpoint on this thread never finds the writer idle); by
/// then this thread has copied all but the last few thousand frames.
final class WALSyncer: Sendable {
    /// New WAL frames that start a background checkpoint (SQLite's `wal_autocheckpoint` default is 1,000).
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
    /// The checkpoint connection and how far it copied the WAL.
    private struct Checkpointer {
        /// The connection, opened by the first checkpoint.
        var connection: OpaquePointer?
        /// Frames of the current WAL already copied into the database.
        var backfilled: Int32 = 0
        /// Checkpoints run so far (tests read it).
        var runs = 0
    }

    private let checkpointer = Mutex(Checkpointer())

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
        checkpointer.withLock { state in
            if let connection = state.connection { sqlite3_close_v2(connection) }
            state.connection = nil
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

    /// Frames in the WAL as the writer's last commit reported them.
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

    /// Checkpoints run so far, by the sync thread or `checkpointIfDue()`.
    var checkpointsRun: Int { checkpointer.withLock { $0.runs } }

    /// Checkpoints (PASSIVE: never waits for the writer or readers) once `checkpointFrames` frames were added to the
    /// WAL since what the last checkpoint copied.
    ///
    /// Under a steady load a checkpoint rarely copies everything (the writer appends while it runs), so the WAL does
    /// not start over. Checking only the WAL's size, every 10 ms tick then copied the few hundred frames written
    /// since the previous tick, with two syncs each time: about 70 checkpoints a second, and a page the writer
    /// changes in every group was copied at every tick instead of once per `checkpointFrames`.
    func checkpointIfDue() {
        let frames = frameCount.frames.load(ordering: .relaxed)
        guard frames >= Self.checkpointFrames else { return }
        checkpointer.withLock { state in
            // Fewer frames than were copied: the WAL started over since.
            if frames < state.backfilled { state.backfilled = 0 }
            guard frames - state.backfilled >= Self.checkpointFrames else { return }
            if state.connection == nil {
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
                state.connection = opened
            }
            var logged: Int32 = 0
            var copied: Int32 = 0
            let code = sqlite3_wal_checkpoint_v2(state.connection, nil, SQLITE_CHECKPOINT_PASSIVE, &logged, &copied)
            state.runs += 1
            guard code == SQLITE_OK, logged >= 0 else { return }
            // Every frame of this WAL copied so far, by this checkpoint or earlier ones. Even when that is all of them,
            // the WAL starts over only if the writer's next transaction begins before anything else was committed;
            // until it does, the writer's commits keep reporting the whole WAL.
            state.backfilled = copied
        }
    }
}
