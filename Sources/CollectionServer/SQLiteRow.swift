import GRDBSQLite

/// One result row of a statement run by `Database.rows(_:_:read:)`, read in place by column index: valid only
/// inside the `read` closure it is passed to (it reads the statement's current step).
struct SQLiteRow {
    /// The stepping statement.
    let handle: OpaquePointer

    /// Whether the column is NULL.
    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// A TEXT column; NULL reads as nil.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// An INTEGER column; NULL reads as nil.
    func integer(_ column: Int32) -> Int? {
        isNull(column) ? nil : Int(sqlite3_column_int64(handle, column))
    }

    /// A REAL column; NULL reads as nil.
    func real(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(handle, column)
    }

    /// A boolean column (non-zero is true); NULL reads as nil.
    func bool(_ column: Int32) -> Bool? {
        integer(column).map { $0 != 0 }
    }
}
