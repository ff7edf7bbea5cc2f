import Foundation
import GRDB
import Testing

@testable import CollectionServer

/// `Database.rows` / `firstRow` / `run`: SQLite's C API on GRDB's cached statements, as the writer uses it.
@Suite struct SQLiteRowTests {
    private func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE item (id TEXT PRIMARY KEY, n INTEGER, x REAL, note TEXT)")
        }
        return queue
    }

    @Test func valuesGoInAndComeBackByPosition() throws {
        let queue = try database()
        let rows = try queue.write { db in
            try db.run(
                "INSERT INTO item (id, n, x, note) VALUES (?, ?, ?, ?)",
                [.text("日本 😀"), .integer(-7), .real(0.25), .text(nil)])
            try db.run(
                "INSERT INTO item (id, n, x, note) VALUES (?, ?, ?, ?)",
                [.text("b"), .bool(true), .real(nil), .text("")])
            return try db.rows("SELECT id, n, x, note FROM item ORDER BY n") { row in
                [row.text(0), row.integer(1).map(String.init), row.real(2).map { "\($0)" }, row.text(3)]
            }
        }
        #expect(rows == [["日本 😀", "-7", "0.25", nil], ["b", "1", nil, ""]])
        let missing = try queue.write { db in
            try db.firstRow("SELECT id FROM item WHERE id = ?", [.text("z")]) { $0.text(0) }
        }
        #expect(missing == nil)
        let flag = try queue.write { db in
            try db.firstRow("SELECT n FROM item WHERE id = ?", [.text("b")]) { $0.bool(0) }
        }
        #expect(flag == true)
    }

    @Test func textIsBoundUpToItsFirstNULAsGRDBBindsIt() throws {
        let queue = try database()
        let long = String(repeating: "données ", count: 400)
        let texts = ["ab\u{0}cd", "\u{0}x", "", long, String(long.dropFirst(3)), "a"]
        let (ours, grdbs) = try queue.write { db in
            var ours: [String?] = []
            var grdbs: [String?] = []
            for (offset, text) in texts.enumerated() {
                try db.run("INSERT INTO item (id, note) VALUES (?, ?)", [.text("o\(offset)"), .text(text)])
                try db.execute(
                    sql: "INSERT INTO item (id, note) VALUES (?, ?)", arguments: ["g\(offset)", text])
                ours.append(
                    try db.firstRow("SELECT note FROM item WHERE id = ?", [.text("o\(offset)")]) { $0.text(0) } ?? nil)
                grdbs.append(
                    try String.fetchOne(db, sql: "SELECT note FROM item WHERE id = ?", arguments: ["g\(offset)"]))
            }
            return (ours, grdbs)
        }
        #expect(ours == grdbs)
        #expect(ours == ["ab", "", "", long, String(long.dropFirst(3)), "a"])
    }

    @Test func aStatementOutsideATransactionIsRefused() throws {
        let queue = try database()
        try queue.writeWithoutTransaction { db in
            #expect(throws: DatabaseError.self) {
                try db.run("INSERT INTO item (id) VALUES (?)", [.text("a")])
            }
        }
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") }
        #expect(count == 0)
    }

    @Test func theWrongNumberOfArgumentsRunsNothing() throws {
        let queue = try database()
        try queue.write { db in
            #expect(throws: DatabaseError.self) { try db.run("INSERT INTO item (id, n) VALUES (?, ?)", [.text("a")]) }
            #expect(throws: DatabaseError.self) {
                try db.run("INSERT INTO item (id) VALUES (?)", [.text("a"), .integer(1)])
            }
        }
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") }
        #expect(count == 0)
    }

    @Test func aFailedStatementReportsSQLiteAndCanRunAgain() throws {
        let queue = try database()
        try queue.write { db in
            try db.run("INSERT INTO item (id) VALUES (?)", [.text("a")])
            do {
                try db.run("INSERT INTO item (id) VALUES (?)", [.text("a")])
                Issue.record("a duplicate key was accepted")
            } catch let error as DatabaseError {
                #expect(error.resultCode == .SQLITE_CONSTRAINT)
                #expect(error.message?.contains("UNIQUE") == true)
            }
            try db.run("INSERT INTO item (id) VALUES (?)", [.text("b")])
        }
        let count = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") }
        #expect(count == 2)
    }

    @Test func preparedBeginAndCommitOpenAndCloseTransactionsAgainAndAgain() throws {
        let queue = try database()
        let (states, nestedFailed, committedOutside) = try queue.writeWithoutTransaction { db in
            var states: [Bool] = [db.transactionIsOpen]
            for round in 0..<3 {
                try db.beginImmediateTransaction()
                states.append(db.transactionIsOpen)
                try db.run("INSERT INTO item (id) VALUES (?)", [.text("c\(round)")])
                try db.commitTransaction()
                states.append(db.transactionIsOpen)
            }
            // Rolled back through GRDB, as the group writer does after a failure.
            try db.beginImmediateTransaction()
            try db.run("INSERT INTO item (id) VALUES (?)", [.text("gone")])
            var nestedFailed = false
            do { try db.beginImmediateTransaction() } catch { nestedFailed = true }
            try db.rollback()
            states.append(db.transactionIsOpen)
            var committedOutside = true
            do { try db.commitTransaction() } catch { committedOutside = false }
            return (states, nestedFailed, committedOutside)
        }
        #expect(states == [false, true, false, true, false, true, false, false])
        #expect(nestedFailed)
        #expect(!committedOutside)
        let ids = try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM item ORDER BY id") }
        #expect(ids == ["c0", "c1", "c2"])
    }
}
