import GRDB

/// Opens the server's SQLite database (WAL through `DatabasePool`) and creates its schema.
enum ServerDatabase {
    /// Opens (creating when needed) the database at `path` and migrates it.
    static func open(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Commits do not wait for the disk; `WALSyncer` syncs the WAL every few milliseconds (group commit).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 16 MB of page cache per connection (SQLite's default is 2 MB): the working set of a busy team stays
            // in memory instead of being re-read from the file on every request.
            try db.execute(sql: "PRAGMA cache_size = -16384")
            // Statement and savepoint journals in memory: on disk, a group transaction's savepoints created, wrote
            // and deleted about 20 temporary files a second under load.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Checkpoint every 4,000 WAL pages (16 MB) instead of 1,000: a busy page is copied back to the database
            // once per checkpoint, so fewer checkpoints write and sync less. The server's writer connection hands
            // its checkpoints to `WALSyncer`'s thread instead (`WALSyncer.install(on:)`).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return pool
    }

    /// The schema, version by version.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE user (
                        id TEXT PRIMARY KEY,
                        api_client TEXT NOT NULL,
                        auth_method TEXT NOT NULL,
                        username TEXT NOT NULL,
                        display_name TEXT NOT NULL,
                        enabled INTEGER NOT NULL DEFAULT 1,
                        deleted INTEGER NOT NULL DEFAULT 0,
                        notes TEXT NOT NULL DEFAULT '',
                        show_on_leaderboard INTEGER NOT NULL DEFAULT 1,
                        created_date REAL NOT NULL,
                        tos_acceptance_date REAL,
                        UNIQUE (api_client, auth_method, username)
                    );
                    CREATE TABLE message_tree (
                        id TEXT PRIMARY KEY,
                        state TEXT NOT NULL,
                        lang TEXT NOT NULL,
                        created_date REAL NOT NULL
                    );
                    CREATE INDEX message_tree_state ON message_tree (state, lang);
                    CREATE TABLE message (
                        id TEXT PRIMARY KEY,
                        tree_id TEXT NOT NULL REFERENCES message_tree (id),
                        parent_id TEXT REFERENCES message (id),
                        api_client TEXT NOT NULL,
                        frontend_message_id TEXT NOT NULL,
                        user_id TEXT REFERENCES user (id),
                        role TEXT NOT NULL,
                        text TEXT NOT NULL,
                        lang TEXT NOT NULL,
                        depth INTEGER NOT NULL,
                        created_date REAL NOT NULL,
                        review_count INTEGER NOT NULL DEFAULT 0,
                        review_result INTEGER,
                        deleted INTEGER NOT NULL DEFAULT 0,
                        synthetic INTEGER NOT NULL DEFAULT 0,
                        rank INTEGER,
                        UNIQUE (api_client, frontend_message_id)
                    );
                    CREATE INDEX message_parent ON message (parent_id);
                    CREATE INDEX message_tree_idx ON message (tree_id);
                    CREATE INDEX message_user ON message (user_id, created_date);
                    CREATE TABLE task (
                        id TEXT PRIMARY KEY,
                        api_client TEXT NOT NULL,
                        user_id TEXT NOT NULL REFERENCES user (id),
                        type TEXT NOT NULL,
                        created_date REAL NOT NULL,
                        expiry_date REAL NOT NULL,
                        ack INTEGER,
                        frontend_message_id TEXT,
                        done INTEGER NOT NULL DEFAULT 0,
                        skipped INTEGER NOT NULL DEFAULT 0,
                        skip_reason TEXT,
                        target_message_id TEXT,
                        tree_id TEXT,
                        reply_ids TEXT,
                        valid_labels TEXT,
                        payload TEXT NOT NULL
                    );
                    CREATE INDEX task_user ON task (user_id, created_date);
                    CREATE INDEX task_ack ON task (api_client, frontend_message_id);
                    CREATE INDEX task_target ON task (target_message_id, type);
                    CREATE TABLE text_label (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        message_id TEXT NOT NULL REFERENCES message (id),
                        user_id TEXT NOT NULL REFERENCES user (id),
                        task_id TEXT,
                        labels TEXT NOT NULL,
                        created_date REAL NOT NULL
                    );
                    CREATE INDEX text_label_message ON text_label (message_id, user_id);
                    CREATE TABLE ranking (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        parent_id TEXT NOT NULL REFERENCES message (id),
                        user_id TEXT NOT NULL REFERENCES user (id),
                        task_id TEXT NOT NULL,
                        ranking TEXT NOT NULL,
                        ranked_message_ids TEXT NOT NULL,
                        not_rankable INTEGER NOT NULL,
                        created_date REAL NOT NULL
                    );
                    CREATE INDEX ranking_parent ON ranking (parent_id, user_id);
                    CREATE TABLE reaction (
                        message_id TEXT NOT NULL REFERENCES message (id),
                        user_id TEXT NOT NULL REFERENCES user (id),
                        emoji TEXT NOT NULL,
                        PRIMARY KEY (message_id, user_id, emoji)
                    );
                    """)
        }
        migrator.registerMigration("v2-task-tree-index") { db in
            // Tree refreshes and reply hand-out count the open tasks of a tree on every task request; without this
            // index each count scanned the whole task table (payloads included).
            try db.execute(sql: "CREATE INDEX task_tree ON task (tree_id, type)")
        }
        migrator.registerMigration("v3-message-user-text-index") { db in
            // The duplicate-text check (1009) runs on every text answer; by (user, time) it read every recent
            // message of the user, so delivering a large outbox slowed down quadratically.
            try db.execute(sql: "CREATE INDEX message_user_text ON message (user_id, text)")
        }
        migrator.registerMigration("v4-task-open-index") { db in
            // Every task request counts the user's open tasks of the last minutes (1012); by (user, time) alone it
            // read every task the user received in the window.
            try db.execute(sql: "CREATE INDEX task_open ON task (user_id, done, skipped, created_date)")
        }
        migrator.registerMigration("v5-drop-unused-user-indexes") { db in
            // No query reads these any more (task_open and message_user_text start with user_id too, and serve the
            // foreign keys); each cost an index update per task and per message written.
            try db.execute(sql: "DROP INDEX task_user")
            try db.execute(sql: "DROP INDEX message_user")
        }
        migrator.registerMigration("v6-drop-task-payload") { db in
            // Nothing read the stored task JSON, and every ack and answer rewrote it with the row (its pages were
            // most of what a hand-out cycle wrote to the WAL); what a task pointed at stays in its own columns.
            try db.execute(sql: "ALTER TABLE task DROP COLUMN payload")
        }
        migrator.registerMigration("v7-tree-author") { db in
            // The lottery draws an author among the waiting trees' authors, then one of their trees. Reading each
            // waiting tree's root message for its author made every draw cost as much as the waiting pool is large
            // (thousands of prompts on a busy server, and a draw each time a tree fills up); the root's author ('' for
            // none) is now kept with the tree and indexed with its state.
            try db.execute(
                sql: """
                    ALTER TABLE message_tree ADD COLUMN author TEXT NOT NULL DEFAULT '';
                    UPDATE message_tree SET author = IFNULL((SELECT user_id FROM message WHERE message.id = message_tree.id), '');
                    CREATE INDEX message_tree_lottery ON message_tree (state, lang, author);
                    """)
        }
        migrator.registerMigration("v8-open-task-indexes") { db in
            // Every look-up of tasks by target message or by tree (the hand-out queries, tree refreshes, the tree
            // gate) asks only for open tasks (done = 0 AND skipped = 0). Through the full indexes it read every task a
            // message or tree ever had, row by row: about 40 % of the hand-out queries' page reads. Indexing only the
            // open tasks keeps these indexes a page or two, and leaves the task rows of answered tasks alone.
            try db.execute(
                sql: """
                    DROP INDEX task_target;
                    DROP INDEX task_tree;
                    CREATE INDEX task_open_target ON task (target_message_id, type) WHERE done = 0 AND skipped = 0;
                    CREATE INDEX task_open_tree ON task (tree_id, type) WHERE done = 0 AND skipped = 0;
                    """)
        }
        migrator.registerMigration("v9-partial-task-indexes") { db in
            // The remaining task indexes, likewise over the rows their queries ask for: the pending-task count (1012)
            // reads only a user's open tasks, and answers look tasks up by a bound ack id. A new task no longer adds an
            // entry to either (it is open, with no ack id yet, so it went in the NULL ack ids and changed its open
            // entry again when answered); the open-task index stays a page. Neither serves the user foreign key any
            // more (SQLite wants a full index for that): users are never deleted nor renumbered.
            try db.execute(
                sql: """
                    DROP INDEX task_ack;
                    DROP INDEX task_open;
                    CREATE INDEX task_ack ON task (api_client, frontend_message_id) WHERE frontend_message_id IS NOT NULL;
                    CREATE INDEX task_open ON task (user_id, created_date) WHERE done = 0 AND skipped = 0;
                    """)
        }
        return migrator
    }
}
