import Foundation
import GRDB
import OasstProtocol

/// A stored contributor: the `(auth_method, username)` pair scoped to one API client, plus the server's UUID.
struct UserRecord: Sendable {
    /// Server user UUID (lower-case text).
    var id: String
    /// `discord`, `google`, `local` or `system`.
    var authMethod: String
    /// The front end's own user name.
    var username: String
    /// Shown name.
    var displayName: String
    /// Whether the user may work.
    var enabled: Bool
    /// Deleted by an admin.
    var deleted: Bool
    /// Admin notes.
    var notes: String
    /// Leaderboard visibility.
    var showOnLeaderboard: Bool
    /// Creation time.
    var createdDate: Date
    /// ToS acceptance time.
    var tosAcceptanceDate: Date?

    /// Reads a `user` row selected with `columns`, by position.
    init(row: Row) {
        id = row[0]
        authMethod = row[1]
        username = row[2]
        displayName = row[3]
        enabled = row[4]
        deleted = row[5]
        notes = row[6]
        showOnLeaderboard = row[7]
        createdDate = Date(timeIntervalSince1970: row[8])
        tosAcceptanceDate = (row[9] as Double?).map { Date(timeIntervalSince1970: $0) }
    }

    /// The columns `init(row:)` reads, in the order it reads them.
    static let columns = """
        id, auth_method, username, display_name, enabled, deleted, notes, show_on_leaderboard, created_date,
        tos_acceptance_date
        """

    /// The wire answer of the frontend-user endpoints.
    var frontEndUser: FrontEndUser {
        FrontEndUser(
            id: username, displayName: displayName, authMethod: authMethod,
            userID: UUIDText.parse(id) ?? UUIDText.random(),
            enabled: enabled, deleted: deleted, notes: notes, createdDate: createdDate,
            showOnLeaderboard: showOnLeaderboard, streakDays: nil, streakLastDayDate: createdDate,
            lastActivityDate: nil, tosAcceptanceDate: tosAcceptanceDate)
    }

    /// The valid `auth_method` values.
    static let authMethods: Set<String> = ["discord", "google", "local", "system"]

    /// Finds a user by its front-end identity.
    static func find(_ db: Database, client: String, authMethod: String, username: String) throws -> UserRecord? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT \(columns) FROM user WHERE api_client = ? AND auth_method = ? AND username = ?"),
            arguments: [client, authMethod, username]
        ).map(UserRecord.init(row:))
    }

    /// Finds or creates the user for a request body's `user`, updating a changed display name.
    static func upsert(_ db: Database, client: String, user: User, now: Date) throws -> UserRecord {
        guard !user.id.isEmpty else {
            throw ServerError.oasst(2012, "Auth method and username required")
        }
        if var existing = try find(db, client: client, authMethod: user.authMethod, username: user.id) {
            if existing.displayName != user.displayName {
                try db.cachedStatement(sql: "UPDATE user SET display_name = ? WHERE id = ?").execute(arguments: [
                    user.displayName, existing.id,
                ])
                existing.displayName = user.displayName
            }
            return existing
        }
        let id = UUIDText.randomText()
        try db.cachedStatement(
            sql: """
                INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [id, client, user.authMethod, user.id, user.displayName, now.timeIntervalSince1970])
        guard let created = try find(db, client: client, authMethod: user.authMethod, username: user.id) else {
            throw ServerError.internalError
        }
        return created
    }

    /// Rejects disabled users and, when enforced, users without ToS acceptance.
    func check(enforceTerms: Bool) throws {
        if !enabled || deleted { throw ServerError.userDisabled }
        if enforceTerms && tosAcceptanceDate == nil { throw ServerError.termsNotAccepted }
    }
}
