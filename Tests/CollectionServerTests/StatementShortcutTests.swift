import GRDB
import GRDBSQLite
import Testing

@testable import CollectionServer

/// `StatementShortcut`: statements found by their text's address are always the right statement of the right
/// connection.
@Suite struct StatementShortcutTests {
    private static let sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = ?"

    @Test func theSameTextGivesGRDBsCachedStatement() throws {
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            guard let connection = db.sqliteConnection else {
                Issue.record("no connection")
                return
            }
            let first = try StatementShortcut.statement(Self.sql, in: db, connection: connection)
            let second = try StatementShortcut.statement(Self.sql, in: db, connection: connection)
            #expect(first === second)
            #expect(first === (try db.cachedStatement(sql: Self.sql)))
        }
    }

    @Test func eachConnectionGetsItsOwnStatement() throws {
        let one = try DatabaseQueue()
        let two = try DatabaseQueue()
        let handles = try [one, two].map { queue in
            try queue.inDatabase { db -> (OpaquePointer?, OpaquePointer?) in
                guard let connection = db.sqliteConnection else { return (nil, nil) }
                let statement = try StatementShortcut.statement(Self.sql, in: db, connection: connection)
                return (sqlite3_db_handle(statement.sqliteStatement), connection)
            }
        }
        for (statementConnection, connection) in handles {
            #expect(statementConnection != nil && statementConnection == connection)
        }
    }

    @Test func closedConnectionsAndReusedTextAreNotMistaken() throws {
        for round in 0..<20 {
            let queue = try DatabaseQueue()
            let values = try queue.write { db in
                // Texts built anew each time (their storage is freed and its addresses reused).
                try (0..<30).map { offset in
                    try db.firstRow("SELECT \(round * 100 + offset) + ?", [.integer(1)]) { $0.integer(0) } ?? nil
                }
            }
            #expect(values == (0..<30).map { round * 100 + $0 + 1 })
            try queue.close()
        }
    }

    /// More texts than the recent-entry slots, looked up in turns: every look-up still gives its own text's statement.
    @Test func manyTextsSharingSlotsAreNotMistaken() throws {
        let texts = (0..<300).map { "SELECT \($0) AS n" }
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            guard let connection = db.sqliteConnection else {
                Issue.record("no connection")
                return
            }
            for round in 0..<3 {
                for text in round == 1 ? texts.reversed() : texts {
                    let statement = try StatementShortcut.statement(text, in: db, connection: connection)
                    #expect(statement.sql == text)
                    #expect(statement === (try db.cachedStatement(sql: text)))
                }
            }
        }
    }
}
