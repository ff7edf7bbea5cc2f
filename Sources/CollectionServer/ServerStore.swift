import Foundation
import GRDB
import OasstProtocol

/// The protocol logic over the database: users, task hand-out, ack / nack, interactions and tree growth.
/// Every request runs in its own savepoint of a group transaction (`GroupWriter`), so concurrent requests are
/// serialised and a failing check rolls back only its own changes.
final class ServerStore: Sendable {
    /// The WAL database.
    let pool: DatabasePool
    /// Limits and thresholds.
    let configuration: ServerConfiguration
    /// Syncs the WAL shortly after writes (group commit).
    let syncer: WALSyncer
    /// Runs request transactions in groups with one commit each.
    let groupWriter: GroupWriter
    /// Lets task requests skip the tree-advance pass while it would change nothing.
    let treeGate = TreeAdvanceGate()
    /// The users requests named, so each request does not read its user again.
    let users = UserCache()

    /// Opens the store on a database file and loads the seed corpus into a new database.
    init(path: String, configuration: ServerConfiguration) throws {
        self.pool = try ServerDatabase.open(path: path)
        self.configuration = configuration
        let syncer = WALSyncer(databasePath: path)
        try pool.writeWithoutTransaction { db in syncer.install(on: db) }
        self.syncer = syncer
        let treeGate = self.treeGate
        let users = self.users
        self.groupWriter = GroupWriter(
            pool: pool, didCommit: { syncer.noteWrite() },
            didRollBack: {
                treeGate.invalidate()
                users.removeAll()
            })
        if configuration.loadSeedCorpus {
            try pool.write { db in
                let messages = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM message")) ?? 0
                if messages == 0 {
                    try SeedLoader.load(
                        db, trees: configuration.seedOverride ?? SeedLoader.corpusTrees, now: configuration.clock())
                }
            }
            syncer.noteWrite()
        }
    }

    /// Current time from the configured clock.
    var now: Date { configuration.clock() }

    /// Runs a write transaction; database failures other than protocol errors become 500 / 0.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do {
            let result = try pool.write(body)
            syncer.noteWrite()
            return result
        } catch {
            treeGate.invalidate()
            users.removeAll()
            throw error as? ServerError ?? ServerError.internalError
        }
    }

    /// `write` for request handlers: the transaction runs on the database's writer queue while the calling task
    /// is suspended, so the few cooperative threads keep parsing and answering other requests meanwhile
    /// (a blocking write held one of them for the whole wait). Requests that queue up meanwhile share one commit
    /// (`GroupWriter`), each in its own savepoint.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await groupWriter.write(body)
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError.internalError
        }
    }

    // MARK: users

    /// Finds a user by its front-end identity, from `users` when it is there.
    func findUser(_ db: Database, client: String, authMethod: String, username: String) throws -> UserRecord? {
        let key = UserCache.Key(client: client, authMethod: authMethod, username: username)
        if let cached = users.user(key) { return cached }
        guard let found = try UserRecord.find(db, client: client, authMethod: authMethod, username: username) else {
            return nil
        }
        users.store(found, as: key)
        return found
    }

    /// `UserRecord.upsert` through `users`: a known user with an unchanged display name is not read again.
    func upsertUser(_ db: Database, client: String, user: User, now: Date) throws -> UserRecord {
        let key = UserCache.Key(client: client, authMethod: user.authMethod, username: user.id)
        if !user.id.isEmpty, let cached = users.user(key), cached.displayName == user.displayName { return cached }
        let record = try UserRecord.upsert(db, client: client, user: user, now: now)
        users.store(record, as: key)
        return record
    }

    /// `POST /frontend_users/`: create or update a user (every key of this server is trusted).
    func createFrontendUser(client: String, request: CreateFrontendUserRequest) async throws -> FrontEndUser {
        let now = self.now
        return try await write { [self] db in
            // Not through `users`: the fields below change, so the cached copy goes and the final read caches anew.
            let user = try UserRecord.upsert(db, client: client, user: request.user, now: now)
            users.remove(UserCache.Key(client: client, authMethod: user.authMethod, username: user.username))
            if request.tosAcceptance == true && user.tosAcceptanceDate == nil {
                try db.cachedStatement(sql: "UPDATE user SET tos_acceptance_date = ? WHERE id = ?").execute(arguments: [
                    now.timeIntervalSince1970, user.id,
                ])
            }
            if let show = request.showOnLeaderboard {
                try db.cachedStatement(sql: "UPDATE user SET show_on_leaderboard = ? WHERE id = ?").execute(arguments: [
                    show, user.id,
                ])
            }
            try db.cachedStatement(sql: "UPDATE user SET enabled = ? WHERE id = ?").execute(arguments: [
                request.enabled ?? true, user.id,
            ])
            if let notes = request.notes {
                try db.cachedStatement(sql: "UPDATE user SET notes = ? WHERE id = ?").execute(arguments: [
                    notes, user.id,
                ])
            }
            guard
                let stored = try findUser(db, client: client, authMethod: user.authMethod, username: user.username)
            else { throw ServerError.internalError }
            return stored.frontEndUser
        }
    }

    /// `GET /frontend_users/{auth_method}/{id}`.
    func frontendUser(client: String, authMethod: String, username: String) async throws -> FrontEndUser {
        try await write { [self] db in
            guard let user = try findUser(db, client: client, authMethod: authMethod, username: username) else {
                throw ServerError.userNotFound
            }
            return user.frontEndUser
        }
    }

    /// Deletes expired tasks that were never answered (at startup and hourly, like the backend).
    @discardableResult
    func cleanupExpiredTasks() throws -> Int {
        let now = self.now.timeIntervalSince1970
        treeGate.invalidate()
        return try write { db in
            try db.cachedStatement(sql: "DELETE FROM task WHERE expiry_date < ? AND done = 0").execute(arguments: [now])
            return db.changesCount
        }
    }

    /// The labels free labelling accepts for a message: the full set of its role plus the report-only flags
    /// (unknown message → 404 / 2001).
    func validLabelNames(messageID: String) async throws -> [String] {
        try await write { db in
            guard
                let role = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT role FROM message WHERE id = ?"), arguments: [messageID])
            else { throw ServerError.oasst(2001, "Message not found", status: 404) }
            let base = role == "assistant" ? LabelCatalog.fullAssistant : LabelCatalog.fullPrompt
            return base + ["moral_judgement", "political_content"]
        }
    }

    /// `PRAGMA integrity_check` result ("ok" when healthy).
    func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db.cachedStatement(sql: "PRAGMA integrity_check")) ?? "" }
    }
}
