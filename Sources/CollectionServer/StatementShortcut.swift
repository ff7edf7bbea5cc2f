import GRDB
import GRDBSQLite
import Synchronization

/// A shortcut in front of GRDB's statement cache for `Database.rows` / `firstRow` / `run`: statements are found by
/// the address of their SQL text's storage instead of by hashing the whole text. GRDB's cache hashed every statement's
/// SQL on every use (over a kilobyte for each hand-out query), about 2 % of the server's CPU under load.
///
/// Safe by construction: an entry is used only when its text equals the one asked for (the same storage compares
/// equal at once; a reused address with other text does not), its statement still exists (held weakly: GRDB's cache
/// owns it and drops it when the connection closes) and belongs to the connection asking. Anything else goes to
/// GRDB's cache, which stays the owner of every statement.
enum StatementShortcut {
    private struct Key: Hashable {
        let connection: OpaquePointer
        let text: UInt
        let count: Int
    }

    private final class Entry {
        let sql: String
        weak var statement: Statement?

        init(sql: String, statement: Statement) {
            self.sql = sql
            self.statement = statement
        }
    }

    /// A statement handed out of the lock (it is used only on its connection's queue, like every GRDB statement).
    private struct Found: @unchecked Sendable {
        let statement: Statement
    }

    /// Entries beyond this are dropped, dead ones first (connections opened and closed, as in tests).
    private static let limit = 512

    /// Slots of `Table.recent`: more than the writer's distinct statements, so each keeps its slot.
    private static let slotCount = 128

    private struct Table: @unchecked Sendable {
        var entries: [Key: Entry] = [:]
        /// The entries last used, by `slot(of:)`: looked at before `entries`, whose hashing cost about 300
        /// instructions per look-up (some 27 look-ups per hand-out cycle).
        var recent: [(key: Key, entry: Entry)?] = Array(repeating: nil, count: slotCount)
    }

    private static let table = Mutex(Table())

    /// The prepared statement for `sql` on `db`'s connection, from GRDB's cache the first time.
    static func statement(_ sql: String, in db: Database, connection: OpaquePointer) throws -> Statement {
        guard let key = key(sql, connection: connection) else { return try db.cachedStatement(sql: sql) }
        let slot = Self.slot(of: key)
        let found = table.withLock { table -> Found? in
            let entry: Entry
            if let recent = table.recent[slot], recent.key == key {
                entry = recent.entry
            } else {
                guard let stored = table.entries[key] else { return nil }
                table.recent[slot] = (key, stored)
                entry = stored
            }
            guard entry.sql == sql, let statement = entry.statement else { return nil }
            return Found(statement: statement)
        }
        if let found = found?.statement, sqlite3_db_handle(found.sqliteStatement) == connection { return found }
        let statement = try db.cachedStatement(sql: sql)
        table.withLock { table in
            if table.entries.count >= limit {
                table.entries = table.entries.filter { $0.value.statement != nil }
                if table.entries.count >= limit { table.entries.removeAll() }
                table.recent = Array(repeating: nil, count: slotCount)
            }
            let entry = Entry(sql: sql, statement: statement)
            table.entries[key] = entry
            table.recent[slot] = (key, entry)
        }
        return statement
    }

    /// The `Table.recent` slot of a key: bits of its text's address (storage is 16-byte aligned) mixed with its
    /// length.
    private static func slot(of key: Key) -> Int {
        Int(truncatingIfNeeded: (key.text >> 4) ^ (key.text >> 11) ^ UInt(bitPattern: key.count)) & (slotCount - 1)
    }

    /// The key of `sql`: its UTF-8 storage's address and length (nil for text without contiguous storage).
    private static func key(_ sql: String, connection: OpaquePointer) -> Key? {
        sql.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { Key(connection: connection, text: UInt(bitPattern: $0), count: bytes.count) }
        } ?? nil
    }
}
