import GRDB
import GRDBSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SQLite's C API on GRDB's cached statements, for the statements the writer runs several times per request:
/// arguments bound by position (text as GRDB binds it, up to a NUL) and columns read in place. GRDB's `Row`,
/// `DatabaseValue` and `StatementArguments` copies were about a fifth of the writer's time under load.
extension Database {
    /// The C API's "copy the bytes now" destructor for bound text.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Runs `sql` (prepared once per connection) with `arguments` in order, returning `read` of each row.
    func rows<T>(_ sql: String, _ arguments: [SQLiteValue] = [], read: (SQLiteRow) throws -> T) throws -> [T] {
        let handle = try prepared(sql, arguments)
        defer { sqlite3_reset(handle) }
        var results: [T] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return results }
            guard code == SQLITE_ROW else { throw failure(code, sql: sql) }
            results.append(try read(SQLiteRow(handle: handle)))
        }
    }

    /// `read` of the first row `sql` returns, or nil when there is none.
    func firstRow<T>(_ sql: String, _ arguments: [SQLiteValue] = [], read: (SQLiteRow) throws -> T) throws -> T? {
        let handle = try prepared(sql, arguments)
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw failure(code, sql: sql) }
        return try read(SQLiteRow(handle: handle))
    }

    /// Runs a statement that returns no rows (INSERT, UPDATE, SAVEPOINT…).
    func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws {
        try runToEnd(prepared(sql, arguments), sql: sql)
    }

    /// Steps a reset and bound statement to its end, then resets it.
    private func runToEnd(_ handle: OpaquePointer, sql: String) throws {
        defer { sqlite3_reset(handle) }
        var code = sqlite3_step(handle)
        while code == SQLITE_ROW { code = sqlite3_step(handle) }
        guard code == SQLITE_DONE else { throw failure(code, sql: sql) }
    }

    /// Whether a transaction is open, asked of SQLite directly (GRDB's `isInsideTransaction` also checks the calling
    /// dispatch queue, which cost more than the question).
    var transactionIsOpen: Bool {
        guard let connection = sqliteConnection else { return false }
        return sqlite3_get_autocommit(connection) == 0
    }

    /// The text `beginImmediateTransaction()` runs (one storage, so `StatementShortcut` finds it by address).
    static let beginImmediateSQL = "BEGIN IMMEDIATE TRANSACTION"
    /// The text `commitTransaction()` runs.
    static let commitSQL = "COMMIT TRANSACTION"

    /// `beginTransaction(.immediate)` on a prepared statement: GRDB's parsed and compiled its SQL anew for every
    /// transaction (the writer begins and commits one per request group).
    func beginImmediateTransaction() throws {
        try runToEnd(statement(Self.beginImmediateSQL), sql: Self.beginImmediateSQL)
    }

    /// `commit()` on a prepared statement (see `beginImmediateTransaction()`); a failed commit throws, leaving the
    /// transaction to the caller's rollback as before.
    func commitTransaction() throws {
        try run(Self.commitSQL)
    }

    /// The cached statement for `sql`, reset and bound to `arguments`. Only inside a transaction: GRDB refuses
    /// statements after an error aborted the transaction, and here SQLite would run them in autocommit mode.
    private func prepared(_ sql: String, _ arguments: [SQLiteValue]) throws -> OpaquePointer {
        guard transactionIsOpen else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "statement outside a transaction", sql: sql)
        }
        let handle = try statement(sql)
        try bind(arguments, to: handle, sql: sql)
        return handle
    }

    /// The prepared statement for `sql` on this connection (`StatementShortcut`, then GRDB's cache), reset.
    private func statement(_ sql: String) throws -> OpaquePointer {
        guard let connection = sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection", sql: sql)
        }
        let handle = try StatementShortcut.statement(sql, in: self, connection: connection).sqliteStatement
        sqlite3_reset(handle)
        return handle
    }

    private func bind(_ arguments: [SQLiteValue], to handle: OpaquePointer, sql: String) throws {
        guard Int(sqlite3_bind_parameter_count(handle)) == arguments.count else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(arguments.count) arguments for \(sqlite3_bind_parameter_count(handle)) parameters", sql: sql
            )
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .text(let text?):
                code = Self.bindText(text, to: handle, at: index)
            case .integer(let value?):
                code = sqlite3_bind_int64(handle, index, Int64(value))
            case .real(let value?):
                code = sqlite3_bind_double(handle, index, value)
            case .text(nil), .integer(nil), .real(nil):
                code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw failure(code, sql: sql) }
        }
    }

    /// Binds `text` up to its first NUL, as GRDB does, from the string's own UTF-8 storage: passing the `String` as a
    /// C string made a NUL-terminated copy of it for every argument, which SQLite then copied again.
    private static func bindText(_ text: String, to handle: OpaquePointer, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            let nul = memchr(base, 0, bytes.count)
            let length = nul.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: length) { characters in
                sqlite3_bind_text(handle, index, characters, Int32(length), transient)
            }
        }
    }

    private func failure(_ code: Int32, sql: String) -> DatabaseError {
        let message = sqlite3_errmsg(sqliteConnection).map { String(cString: $0) } ?? "SQLite error \(code)"
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }
}
