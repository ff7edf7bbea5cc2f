import CSQLiteConfig

/// SQLite's process-wide settings, set before any database opens. Debian's SQLite is built thread-safe, so by
/// default every call into a connection took its mutex and every SQLite allocation a global one for memory
/// statistics: 2.1 % of the server's samples on its writer thread. GRDB uses each connection from one thread at a
/// time, and the checkpoint connection is opened without a mutex under a lock of its own.
enum SQLiteTuning {
    /// Multi-thread mode without memory statistics; a no-op once SQLite has been used.
    static func apply() {
        _ = oasst_sqlite_configure_multithread()
    }
}
