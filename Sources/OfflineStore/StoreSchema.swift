import GRDB

/// The store's append-only named migrations. Never edit a shipped migration; add a new one at the end.
public enum StoreSchema {
    /// Every migration this build knows, in order.
    public static var identifiers: [String] { migrator.migrations }

    /// The migrator applied at open.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try db.execute(sql: v1Initial)
        }
        return migrator
    }

    /// Applies missing migrations, after refusing a database that has migrations this build does not know.
    static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = migrator
        let unknown = try writer.read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            let applied = try migrator.appliedIdentifiers(db)
            return applied.subtracting(migrator.migrations).sorted()
        }
        if !unknown.isEmpty { throw StoreError.newerSchema(unknownMigrations: unknown) }
        try migrator.migrate(writer)
    }

    /// Version 1: outbox, task cache, drafts. Times are Unix seconds (REAL); JSON columns are UTF-8 text.
    static let v1Initial = """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id TEXT NOT NULL,
            task_type TEXT NOT NULL,
            ack_id TEXT NOT NULL,
            user_message_id TEXT,
            user_key TEXT NOT NULL,
            user_json TEXT NOT NULL,
            task_json TEXT NOT NULL,
            interaction_json TEXT NOT NULL,
            created_at REAL NOT NULL,
            deadline REAL NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'held', 'failed')),
            hold_reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at REAL NOT NULL,
            last_error TEXT,
            acked_at REAL,
            delivered_at REAL
        );
        CREATE INDEX outbox_by_state ON outbox(state, next_try_at);
        CREATE INDEX outbox_by_task ON outbox(task_id);
        CREATE TABLE task (
            task_id TEXT PRIMARY KEY NOT NULL,
            task_type TEXT NOT NULL,
            task_json TEXT NOT NULL,
            user_key TEXT NOT NULL,
            user_json TEXT NOT NULL,
            requested_type TEXT NOT NULL,
            lang TEXT,
            received_at REAL NOT NULL,
            ack_id TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL CHECK (state IN ('ready', 'taken', 'answered', 'skipping', 'skipped')),
            skip_reason TEXT,
            state_changed_at REAL NOT NULL
        );
        CREATE INDEX task_by_state ON task(user_key, state, received_at);
        CREATE TABLE draft (
            task_id TEXT PRIMARY KEY NOT NULL,
            content_json TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        """
}
