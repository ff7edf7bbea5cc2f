import Foundation
import GRDB
import OasstProtocol

/// The durable offline store: outbox of answers, prefetched tasks and drafts in one SQLite file (WAL,
/// `synchronous=FULL`), guarded by a lock file so one process writes it. Safe to use from any thread.
public final class OfflineStore: Sendable {
    /// How long the server keeps a task answerable after handing it out (2 days).
    public static let taskValidity: TimeInterval = 2 * 24 * 3600
    /// Tasks received within this window count against the server's pending cap.
    public static let pendingWindow: TimeInterval = 300

    /// The database file, or nil for an in-memory store.
    public let file: URL?
    /// Subtracted from `received_at + 2 days` to get the client-side expiry (the server's clock started earlier).
    public let expiryMargin: TimeInterval
    /// How many `sending` items were turned back to `pending` when the store opened (crash recovery).
    public let recoveredAtOpen: Int

    private let writer: any DatabaseWriter
    private let lock: StoreLock?

    /// Opens (creating if needed) the store at `file`: takes `<file>.lock`, migrates, recovers `sending` items.
    public convenience init(file: URL, expiryMargin: TimeInterval = 600) throws {
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = try StoreLock(path: file.path + ".lock")
        var config = Configuration()
        // The store is small and read a row at a time: two readers and 256 KB of page cache per
        // connection keep the UI's memory flat as the outbox grows (SQLite's default is 2 MB each).
        config.maximumReaderCount = 2
        // Wait up to 5 s for a lock instead of failing at once. After a process ends without closing the store
        // (the usual way out: `oasst` does not tear down at exit), the next one's first connection recovers the
        // WAL, and a read racing it (the restored task at start, while the sync engine writes) can fail with
        // SQLITE_BUSY: the likely cause of a start showing the start screen instead of the open task, seen about
        // once in 200 benchmark starts.
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA cache_size = -256")
        }
        let pool = try DatabasePool(path: file.path, configuration: config)
        try self.init(writer: pool, file: file, lock: lock, expiryMargin: expiryMargin)
    }

    /// Opens the store at its default place, `$XDG_DATA_HOME/oasst/store.sqlite` (see `StoreLocation`).
    public static func openDefault(
        environment: [String: String] = ProcessInfo.processInfo.environment, expiryMargin: TimeInterval = 600
    ) throws -> OfflineStore {
        try OfflineStore(file: StoreLocation.defaultFile(environment: environment), expiryMargin: expiryMargin)
    }

    /// A store in memory (tests, `--no-store` runs); nothing survives the process.
    public static func inMemory(expiryMargin: TimeInterval = 600) throws -> OfflineStore {
        try OfflineStore(writer: DatabaseQueue(), file: nil, lock: nil, expiryMargin: expiryMargin)
    }

    private init(writer: any DatabaseWriter, file: URL?, lock: StoreLock?, expiryMargin: TimeInterval) throws {
        self.writer = writer
        self.file = file
        self.lock = lock
        self.expiryMargin = expiryMargin
        try StoreSchema.migrate(writer)
        recoveredAtOpen = try writer.write { db in
            try db.execute(sql: "UPDATE outbox SET state = 'pending' WHERE state = 'sending'")
            return db.changesCount
        }
    }

    /// Closes the database and releases the lock file (a dropped store releases both too).
    public func close() throws {
        defer { lock?.release() }
        if let pool = writer as? DatabasePool { try pool.close() }
        if let queue = writer as? DatabaseQueue { try queue.close() }
    }

    /// A fresh lower-case UUID string, the form ack ids and `user_message_id`s must take.
    public static func newId() -> String { UUIDText.randomText() }

    // MARK: Tasks

    /// Stores a task the moment it arrives, generating and persisting its ack id; returns it as stored.
    /// Storing the same task id again returns the existing row unchanged.
    @discardableResult
    public func storeTask(
        taskId: String, taskType: String, taskJSON: Data, user: User, requestedType: String, lang: String?,
        receivedAt: Date, state: CachedTaskState = .taken
    ) throws -> CachedTask {
        let userJSON = try Self.encode(user)
        let taskText = try Self.text(taskJSON, "task")
        return try writer.write { db in
            if let existing = try Self.fetchTask(db, taskId) { return existing }
            try db.execute(
                sql: """
                    INSERT INTO task (task_id, task_type, task_json, user_key, user_json, requested_type, lang,
                                      received_at, ack_id, state, state_changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    taskId, taskType, taskText, user.headerValue, userJSON, requestedType, lang,
                    receivedAt.timeIntervalSince1970, Self.newId(), state.rawValue, receivedAt.timeIntervalSince1970,
                ])
            guard let stored = try Self.fetchTask(db, taskId) else { throw StoreError.noSuchTask(taskId) }
            return stored
        }
    }

    /// The stored task with this id.
    public func task(_ taskId: String) throws -> CachedTask? {
        try writer.read { db in try Self.fetchTask(db, taskId) }
    }

    /// Unexpired prefetched tasks for `user`, oldest first.
    public func readyTasks(for user: User, now: Date = Date()) throws -> [CachedTask] {
        let cutoff = now.timeIntervalSince1970 - (Self.taskValidity - expiryMargin)
        return try writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM task WHERE user_key = ? AND state = 'ready' AND received_at > ? ORDER BY received_at",
                arguments: [user.headerValue, cutoff]
            ).map(Self.cachedTask)
        }
    }

    /// Hands the oldest unexpired prefetched task to the contributor (`ready → taken`), if there is one;
    /// `ofType` limits it to one task type (nil: any).
    public func takeReadyTask(for user: User, ofType type: String? = nil, now: Date = Date()) throws -> CachedTask? {
        let cutoff = now.timeIntervalSince1970 - (Self.taskValidity - expiryMargin)
        return try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT * FROM task WHERE user_key = ? AND state = 'ready' AND received_at > ?
                        AND (? IS NULL OR task_type = ?)
                        ORDER BY received_at LIMIT 1
                        """,
                    arguments: [user.headerValue, cutoff, type, type])
            else { return nil }
            var task = try Self.cachedTask(row)
            try Self.setTaskState(db, task.taskId, .taken, now: now)
            task.state = .taken
            return task
        }
    }

    /// Tasks the contributor has open (`taken`) for `user`, oldest first (to restore after a restart).
    public func takenTasks(for user: User) throws -> [CachedTask] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM task WHERE user_key = ? AND state = 'taken' ORDER BY received_at",
                arguments: [user.headerValue]
            ).map(Self.cachedTask)
        }
    }

    /// Skips a task: it waits in `skipping` until its nack reaches the server; its draft is removed.
    public func skipTask(_ taskId: String, reason: String?, now: Date = Date()) throws {
        try writer.write { db in
            guard try Self.fetchTask(db, taskId) != nil else { throw StoreError.noSuchTask(taskId) }
            try db.execute(sql: "DELETE FROM draft WHERE task_id = ?", arguments: [taskId])
            try db.execute(
                sql: "UPDATE task SET state = 'skipping', skip_reason = ?, state_changed_at = ? WHERE task_id = ?",
                arguments: [
                    reason.map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(512))) },
                    now.timeIntervalSince1970, taskId,
                ])
        }
    }

    /// Skipped tasks whose nack is still to be sent, oldest first.
    public func tasksToNack() throws -> [CachedTask] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM task WHERE state = 'skipping' ORDER BY state_changed_at")
                .map(Self.cachedTask)
        }
    }

    /// Records that a task's nack reached the server (or that the server no longer knows the task).
    public func markNacked(_ taskId: String, now: Date = Date()) throws {
        try writer.write { db in try Self.setTaskState(db, taskId, .skipped, now: now) }
    }

    /// Drops prefetched tasks past their client expiry. Those the server may still hold go to `skipping`
    /// (so they are nacked and free their slot); the rest become `skipped`. Returns the dropped task ids.
    @discardableResult
    public func dropExpiredTasks(now: Date = Date()) throws -> [String] {
        let clientCutoff = now.timeIntervalSince1970 - (Self.taskValidity - expiryMargin)
        let serverCutoff = now.timeIntervalSince1970 - Self.taskValidity
        return try writer.write { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT task_id, received_at FROM task WHERE state = 'ready' AND received_at <= ?",
                arguments: [clientCutoff])
            var dropped: [String] = []
            for row in rows {
                let id: String = row["task_id"]
                let received: Double = row["received_at"]
                if received > serverCutoff {
                    try db.execute(
                        sql: """
                            UPDATE task SET state = 'skipping', skip_reason = 'expired unused in the client cache',
                                state_changed_at = ? WHERE task_id = ?
                            """,
                        arguments: [now.timeIntervalSince1970, id])
                } else {
                    try Self.setTaskState(db, id, .skipped, now: now)
                }
                try db.execute(sql: "DELETE FROM draft WHERE task_id = ?", arguments: [id])
                dropped.append(id)
            }
            return dropped
        }
    }

    /// How many tasks the server probably counts as pending for `user`: received in the last 300 s and
    /// neither nacked nor delivered. Prefetch keeps this under the server's cap.
    public func pendingTaskEstimate(for user: User, now: Date = Date()) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM task t WHERE t.user_key = ? AND t.received_at > ?
                      AND (t.state IN ('ready', 'taken', 'skipping')
                           OR (t.state = 'answered' AND NOT EXISTS (
                               SELECT 1 FROM outbox o WHERE o.task_id = t.task_id AND o.state = 'delivered')))
                    """,
                arguments: [user.headerValue, now.timeIntervalSince1970 - Self.pendingWindow]) ?? 0
        }
    }

    // MARK: Drafts

    /// Saves (replaces) the draft for a task.
    public func saveDraft(_ draft: Draft) throws {
        let content = try Self.text(draft.contentJSON, "draft")
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO draft (task_id, content_json, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT(task_id) DO UPDATE SET content_json = excluded.content_json,
                        updated_at = excluded.updated_at
                    """,
                arguments: [draft.taskId, content, draft.updatedAt.timeIntervalSince1970])
        }
    }

    /// The draft for a task, if one is saved.
    public func draft(for taskId: String) throws -> Draft? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE task_id = ?", arguments: [taskId]).map(Self.draft)
        }
    }

    /// Every saved draft, most recent first (to restore after a restart).
    public func allDrafts() throws -> [Draft] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM draft ORDER BY updated_at DESC").map(Self.draft)
        }
    }

    /// Removes a task's draft.
    public func deleteDraft(for taskId: String) throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM draft WHERE task_id = ?", arguments: [taskId]) }
    }

    // MARK: Outbox

    /// Queues an answer in one transaction: outbox row added, draft removed, task marked answered.
    /// Returns only after the commit, so "queued" can be shown.
    @discardableResult
    public func submit(_ submission: Submission, now: Date = Date()) throws -> OutboxItem {
        let interaction = try Self.text(submission.interactionJSON, "interaction")
        return try writer.write { db in
            guard let task = try Self.fetchTask(db, submission.taskId) else {
                throw StoreError.noSuchTask(submission.taskId)
            }
            let existing = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM outbox WHERE task_id = ?", arguments: [submission.taskId])
            if (existing ?? 0) > 0 { throw StoreError.alreadyAnswered(taskId: submission.taskId) }
            try Self.checkMessageId(submission.interactionJSON, ackId: task.ackId)
            let deadline = task.expiresAt(margin: expiryMargin).timeIntervalSince1970
            try db.execute(
                sql: """
                    INSERT INTO outbox (task_id, task_type, ack_id, user_message_id, user_key, user_json, task_json,
                        interaction_json, created_at, deadline, state, attempts, next_try_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)
                    """,
                arguments: [
                    task.taskId, task.taskType, task.ackId, submission.userMessageId, task.user.headerValue,
                    try Self.encode(task.user), try Self.text(task.taskJSON, "task"), interaction,
                    now.timeIntervalSince1970, deadline, now.timeIntervalSince1970,
                ])
            let id = db.lastInsertedRowID
            try db.execute(sql: "DELETE FROM draft WHERE task_id = ?", arguments: [task.taskId])
            try Self.setTaskState(db, task.taskId, .answered, now: now)
            guard let item = try Self.fetchItem(db, id) else { throw StoreError.noSuchItem(id) }
            return item
        }
    }

    /// One outbox item.
    public func item(_ id: Int64) throws -> OutboxItem? {
        try writer.read { db in try Self.fetchItem(db, id) }
    }

    /// The queue view: items in creation order, without delivered ones unless asked.
    public func queue(includeDelivered: Bool = false) throws -> [OutboxItem] {
        try writer.read { db in
            let filter = includeDelivered ? "" : "WHERE state != 'delivered'"
            return try Row.fetchAll(db, sql: "SELECT * FROM outbox \(filter) ORDER BY id").map(Self.outboxItem)
        }
    }

    /// Pending items whose next try is due, in creation order.
    public func dueItems(now: Date = Date()) throws -> [OutboxItem] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outbox WHERE state = 'pending' AND next_try_at <= ? ORDER BY id",
                arguments: [now.timeIntervalSince1970]
            ).map(Self.outboxItem)
        }
    }

    /// The earliest next try among pending items, if any.
    public func nextDueDate() throws -> Date? {
        try writer.read { db in
            try Double.fetchOne(db, sql: "SELECT min(next_try_at) FROM outbox WHERE state = 'pending'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Claims a pending item for sending (`pending → sending`, attempts + 1); false if it is not pending.
    /// Bookkeeping: committed without waiting for the disk (see `relaxedWrite`).
    public func beginSending(_ id: Int64) throws -> Bool {
        try relaxedWrite { db in
            try db.cachedStatement(
                sql: "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'pending'"
            ).execute(arguments: [id])
            return db.changesCount == 1
        }
    }

    /// Records that the ack for this item returned 204 (bookkeeping: see `relaxedWrite`).
    public func markAcked(_ id: Int64, at date: Date = Date()) throws {
        try update(id, sql: "acked_at = ?", [date.timeIntervalSince1970], relaxed: true)
    }

    /// Records that the server stored the answer, and when its ack returned 204 if that was not recorded yet
    /// (one write instead of two on the usual path; bookkeeping: see `relaxedWrite`).
    public func markDelivered(_ id: Int64, at date: Date = Date(), ackedAt: Date? = nil) throws {
        try update(
            id, sql: "state = 'delivered', delivered_at = ?, acked_at = COALESCE(?, acked_at), hold_reason = NULL",
            [date.timeIntervalSince1970, ackedAt?.timeIntervalSince1970], relaxed: true)
    }

    /// `markDelivered` for several items in one write (a flush records its deliveries in groups; bookkeeping).
    public func markDelivered(_ marks: [(id: Int64, at: Date, ackedAt: Date?)]) throws {
        guard !marks.isEmpty else { return }
        try relaxedWrite { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE outbox SET state = 'delivered', delivered_at = ?, acked_at = COALESCE(?, acked_at),
                        hold_reason = NULL WHERE id = ?
                    """)
            for mark in marks {
                try statement.execute(
                    arguments: [mark.at.timeIntervalSince1970, mark.ackedAt?.timeIntervalSince1970, mark.id])
            }
        }
    }

    /// Puts the item back to `pending` with a next-try time and the error that caused the wait (bookkeeping).
    public func scheduleRetry(_ id: Int64, at nextTry: Date, error: String?) throws {
        try update(
            id, sql: "state = 'pending', next_try_at = ?, last_error = ?", [nextTry.timeIntervalSince1970, error],
            relaxed: true)
    }

    /// Stops the item for a person to look at, keeping its content.
    public func hold(_ id: Int64, reason: String, error: String?) throws {
        try update(id, sql: "state = 'held', hold_reason = ?, last_error = ?", [reason, error])
    }

    /// Stops the item after its retries ran out, keeping its content.
    public func fail(_ id: Int64, reason: String, error: String?) throws {
        try update(id, sql: "state = 'failed', hold_reason = ?, last_error = ?", [reason, error])
    }

    /// A manual retry: a pending, held or failed item becomes due now (skipping any backoff wait).
    public func retryNow(_ id: Int64, now: Date = Date()) throws {
        try writer.write { db in
            guard let item = try Self.fetchItem(db, id) else { throw StoreError.noSuchItem(id) }
            switch item.state {
            case .sending: throw StoreError.itemInFlight(id)
            case .delivered: throw StoreError.alreadyDelivered(id)
            case .pending, .held, .failed:
                try db.execute(
                    sql: "UPDATE outbox SET state = 'pending', hold_reason = NULL, next_try_at = ? WHERE id = ?",
                    arguments: [now.timeIntervalSince1970, id])
            }
        }
    }

    /// A manual flush: every pending item becomes due now. Returns how many were made due.
    @discardableResult
    public func makeAllDue(now: Date = Date()) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET next_try_at = ? WHERE state = 'pending' AND next_try_at > ?",
                arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Undo before delivery: removes a pending, held or failed item and returns it for editing; the task
    /// goes back to `taken` (keeping its ack id) so the edited answer can be submitted again.
    public func takeBack(_ id: Int64, now: Date = Date()) throws -> OutboxItem {
        try writer.write { db in
            let item = try Self.removable(db, id)
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            try Self.setTaskState(db, item.taskId, .taken, now: now)
            return item
        }
    }

    /// Drops a pending, held or failed item at the contributor's explicit request; returns what was dropped.
    public func discard(_ id: Int64, now: Date = Date()) throws -> OutboxItem {
        try writer.write { db in
            let item = try Self.removable(db, id)
            try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            try Self.setTaskState(db, item.taskId, .skipped, now: now)
            return item
        }
    }

    /// Deletes delivered items confirmed before `date` (history housekeeping). Returns how many.
    @discardableResult
    public func purgeDelivered(before date: Date) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?",
                arguments: [date.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// Counts for the status bar.
    public func counts(now: Date = Date()) throws -> QueueCounts {
        let cutoff = now.timeIntervalSince1970 - (Self.taskValidity - expiryMargin)
        return try writer.read { db in
            var counts = QueueCounts()
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM outbox GROUP BY state") {
                let n: Int = row["n"]
                switch OutboxState(rawValue: row["state"]) {
                case .pending: counts.pending = n
                case .sending: counts.sending = n
                case .held: counts.held = n
                case .failed: counts.failed = n
                case .delivered: counts.delivered = n
                case nil: break
                }
            }
            counts.readyTasks =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM task WHERE state = 'ready' AND received_at > ?",
                    arguments: [cutoff]) ?? 0
            counts.nacksWaiting = try Int.fetchOne(db, sql: "SELECT count(*) FROM task WHERE state = 'skipping'") ?? 0
            return counts
        }
    }

    // MARK: Helpers

    private func update(
        _ id: Int64, sql: String, _ arguments: [(any DatabaseValueConvertible)?], relaxed: Bool = false
    ) throws {
        let body = { (db: Database) throws in
            try db.cachedStatement(sql: "UPDATE outbox SET \(sql) WHERE id = ?").execute(
                arguments: StatementArguments(arguments + [id]))
            if db.changesCount == 0 { throw StoreError.noSuchItem(id) }
        }
        if relaxed { try relaxedWrite(body) } else { try writer.write(body) }
    }

    /// A delivery-bookkeeping transaction committed with `synchronous = NORMAL`: it survives a crash of the
    /// process (it is in the WAL) but a power loss may undo it, until the next ordinary (`FULL`) commit syncs the
    /// WAL. Only for state the server makes safe to lose: an item that looks undelivered again is replayed with
    /// the same ack id and interaction, which the server answers with 204 / 2105, so it is still stored once.
    /// Submissions, drafts and tasks keep `FULL` commits.
    private func relaxedWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.cachedStatement(sql: "PRAGMA synchronous = NORMAL").execute()
            var result: T?
            do {
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            } catch {
                try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute()
                throw error
            }
            try db.cachedStatement(sql: "PRAGMA synchronous = FULL").execute()
            guard let result else { throw StoreError.badJSON("no result from a store write") }
            return result
        }
    }

    private static func removable(_ db: Database, _ id: Int64) throws -> OutboxItem {
        guard let item = try fetchItem(db, id) else { throw StoreError.noSuchItem(id) }
        switch item.state {
        case .sending: throw StoreError.itemInFlight(id)
        case .delivered: throw StoreError.alreadyDelivered(id)
        case .pending, .held, .failed: return item
        }
    }

    private static func setTaskState(_ db: Database, _ taskId: String, _ state: CachedTaskState, now: Date) throws {
        try db.execute(
            sql: "UPDATE task SET state = ?, state_changed_at = ? WHERE task_id = ?",
            arguments: [state.rawValue, now.timeIntervalSince1970, taskId])
    }

    /// Text and ranking answers name their task through the ack id; catch a mismatch before it is queued.
    private static func checkMessageId(_ json: Data, ackId: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw StoreError.badJSON("the interaction is not a JSON object")
        }
        let type = object["type"] as? String
        if type == "text_reply_to_message" || type == "message_ranking" {
            guard object["message_id"] as? String == ackId else {
                throw StoreError.badJSON("the interaction's message_id must be the task's ack id")
            }
        }
    }

    private static func fetchTask(_ db: Database, _ taskId: String) throws -> CachedTask? {
        try Row.fetchOne(db, sql: "SELECT * FROM task WHERE task_id = ?", arguments: [taskId]).map(cachedTask)
    }

    private static func fetchItem(_ db: Database, _ id: Int64) throws -> OutboxItem? {
        try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE id = ?", arguments: [id]).map(outboxItem)
    }

    private static func cachedTask(_ row: Row) throws -> CachedTask {
        let state: String = row["state"]
        guard let taskState = CachedTaskState(rawValue: state) else { throw StoreError.badJSON("task state \(state)") }
        return CachedTask(
            taskId: row["task_id"], taskType: row["task_type"], taskJSON: Data((row["task_json"] as String).utf8),
            user: try decodeUser(row["user_json"]), requestedType: row["requested_type"], lang: row["lang"],
            receivedAt: date(row["received_at"]), ackId: row["ack_id"], state: taskState,
            skipReason: row["skip_reason"])
    }

    private static func outboxItem(_ row: Row) throws -> OutboxItem {
        let state: String = row["state"]
        guard let itemState = OutboxState(rawValue: state) else { throw StoreError.badJSON("outbox state \(state)") }
        let acked: Double? = row["acked_at"]
        let delivered: Double? = row["delivered_at"]
        return OutboxItem(
            id: row["id"], taskId: row["task_id"], taskType: row["task_type"], ackId: row["ack_id"],
            userMessageId: row["user_message_id"], user: try decodeUser(row["user_json"]),
            taskJSON: Data((row["task_json"] as String).utf8),
            interactionJSON: Data((row["interaction_json"] as String).utf8), createdAt: date(row["created_at"]),
            deadline: date(row["deadline"]), state: itemState, holdReason: row["hold_reason"],
            attempts: row["attempts"], nextTryAt: date(row["next_try_at"]), lastError: row["last_error"],
            ackedAt: acked.map(Date.init(timeIntervalSince1970:)),
            deliveredAt: delivered.map(Date.init(timeIntervalSince1970:)))
    }

    private static func draft(_ row: Row) -> Draft {
        Draft(
            taskId: row["task_id"], contentJSON: Data((row["content_json"] as String).utf8),
            updatedAt: date(row["updated_at"]))
    }

    private static func date(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    private static func encode(_ user: User) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(user), as: UTF8.self)
    }

    private static func decodeUser(_ text: String) throws -> User {
        do { return try JSONDecoder().decode(User.self, from: Data(text.utf8)) } catch {
            throw StoreError.badJSON("user")
        }
    }

    private static func text(_ data: Data, _ what: String) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw StoreError.badJSON("\(what) is not UTF-8") }
        return text
    }
}
