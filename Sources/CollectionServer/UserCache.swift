import Synchronization

/// The users requests named, by front-end identity, as last read or written through `ServerStore`: every request
/// names its user, and looking the user up again was three statements of each request → ack → answer cycle.
///
/// Every write to the `user` table goes through `ServerStore.upsertUser` or `createFrontendUser`, which keep this
/// in step; a rolled-back savepoint or group may have undone one of them, so every rollback empties the cache
/// (`ServerStore` wires that to `GroupWriter`). A database edited by another process while `oasst serve` runs is
/// not followed (the server owns its database).
final class UserCache: Sendable {
    /// A user's identity as requests name it.
    struct Key: Hashable, Sendable {
        /// The API client (key) the user belongs to.
        var client: String
        /// `auth_method`.
        var authMethod: String
        /// The front end's user name.
        var username: String
    }

    /// Entries beyond which the cache starts again empty (a bound against clients inventing users).
    static let capacity = 10_000

    private let users = Mutex<[Key: UserRecord]>([:])

    /// The cached user, if any.
    func user(_ key: Key) -> UserRecord? {
        users.withLock { $0[key] }
    }

    /// Remembers a user as just read or written.
    func store(_ user: UserRecord, as key: Key) {
        users.withLock { users in
            if users.count >= Self.capacity && users[key] == nil { users.removeAll() }
            users[key] = user
        }
    }

    /// Forgets one user (about to change).
    func remove(_ key: Key) {
        _ = users.withLock { $0.removeValue(forKey: key) }
    }

    /// Forgets every user (after a rollback).
    func removeAll() {
        users.withLock { $0.removeAll() }
    }

    /// How many users are cached.
    var count: Int { users.withLock { $0.count } }
}
