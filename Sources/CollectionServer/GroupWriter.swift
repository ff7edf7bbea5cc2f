import GRDB
import Synchronization

/// Group commit for request transactions: requests that arrive while the writer is busy run together in one
/// SQLite transaction, each inside its own savepoint, and are answered after the single commit. A request that
/// throws rolls back only its savepoint; a failed commit fails every request of the group. Each request still sees
/// the effects of the ones before it, exactly as if they had run one after the other.
final class GroupWriter: Sendable {
    /// One queued request: `run` executes it inside its savepoint, `finish` answers it once the group ended
    /// (with `committed` false when the group's commit failed).
    private struct Job: Sendable {
        let run: @Sendable (Database) -> Void
        let finish: @Sendable (_ committed: Bool) -> Void
    }

    private struct Queue {
        var jobs: [Job] = []
        var draining = false
    }

    /// Holds one job's outcome between its savepoint and the group's commit (touched by the writer, then once by
    /// `finish`, never at the same time).
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    private let pool: DatabasePool
    private let queue = Mutex(Queue())
    /// Called after each group commits (the WAL syncer's hook).
    private let didCommit: @Sendable () -> Void
    /// Called when a request's savepoint or a whole group was rolled back.
    private let didRollBack: @Sendable () -> Void

    /// A group writer on `pool`'s writer connection.
    init(
        pool: DatabasePool, didCommit: @escaping @Sendable () -> Void,
        didRollBack: @escaping @Sendable () -> Void
    ) {
        self.pool = pool
        self.didCommit = didCommit
        self.didRollBack = didRollBack
    }

    /// Runs `body` in the next group and returns its result once that group committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let outcome = Outcome<T>()
            let rolledBack = didRollBack
            let job = Job(
                run: { db in
                    do {
                        outcome.result = .success(try Self.inSavepoint(db, body))
                    } catch {
                        outcome.result = .failure(error)
                        rolledBack()
                    }
                },
                finish: { committed in
                    guard committed, let result = outcome.result else {
                        continuation.resume(throwing: ServerError.internalError)
                        return
                    }
                    continuation.resume(with: result)
                })
            enqueue(job)
        }
    }

    /// Runs `body` in a savepoint of the group's transaction, rolled back when it throws. The savepoint statements
    /// are prepared once and run through SQLite's C API (`Database.inSavepoint` parsed its SQL anew for every
    /// request).
    private static func inSavepoint<T>(_ db: Database, _ body: (Database) throws -> T) throws -> T {
        try db.run("SAVEPOINT request")
        do {
            let value = try body(db)
            try db.run("RELEASE SAVEPOINT request")
            return value
        } catch {
            if db.transactionIsOpen {
                try? db.run("ROLLBACK TO SAVEPOINT request")
                try? db.run("RELEASE SAVEPOINT request")
            }
            throw error
        }
    }

    private func enqueue(_ job: Job) {
        let start = queue.withLock { queue -> Bool in
            queue.jobs.append(job)
            if queue.draining { return false }
            queue.draining = true
            return true
        }
        if start {
            pool.asyncWriteWithoutTransaction { [self] db in drain(db) }
        }
    }

    /// Runs groups until the queue is empty (on the writer connection).
    private func drain(_ db: Database) {
        while true {
            let jobs = queue.withLock { queue -> [Job] in
                let jobs = queue.jobs
                queue.jobs.removeAll(keepingCapacity: true)
                if jobs.isEmpty { queue.draining = false }
                return jobs
            }
            if jobs.isEmpty { return }
            var committed = false
            do {
                try db.beginImmediateTransaction()
                for job in jobs {
                    // An error that aborted the whole transaction (I/O, disk full) ends the group: none of it is
                    // committed, so every request of it fails and is retried by its client.
                    guard db.transactionIsOpen else { break }
                    job.run(db)
                }
                if db.transactionIsOpen {
                    try db.commitTransaction()
                    committed = true
                }
            } catch {
                if db.transactionIsOpen { try? db.rollback() }
            }
            if committed { didCommit() } else { didRollBack() }
            for job in jobs { job.finish(committed) }
        }
    }
}
