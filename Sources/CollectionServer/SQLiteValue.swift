/// A statement argument bound by position with SQLite's C API (`Database.rows(_:_:read:)`): the few storage
/// classes the server's columns use.
enum SQLiteValue: Sendable, Equatable {
    /// TEXT (`nil` binds NULL).
    case text(String?)
    /// INTEGER (`nil` binds NULL).
    case integer(Int?)
    /// REAL (`nil` binds NULL).
    case real(Double?)

    /// A boolean as SQLite stores it (1 or 0).
    static func bool(_ value: Bool) -> SQLiteValue { .integer(value ? 1 : 0) }
}
