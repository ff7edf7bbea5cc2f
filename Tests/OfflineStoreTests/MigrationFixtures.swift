import Foundation
import GRDB

/// Builds databases exactly as each shipped schema version left them, with sample rows. One function per
/// shipped version; the SQL here is frozen (copied when the version shipped) and must never change.
enum MigrationFixtures {
    /// Every shipped version, oldest first, with the builder of its fixture.
    static let all: [(version: String, build: @Sendable (URL) throws -> Void)] = [
        ("v1-initial", buildV1)
    ]

    /// A database as `v1-initial` wrote it: one pending outbox item, one ready task, one draft.
    static func buildV1(at file: URL) throws {
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1-initial');
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
                    INSERT INTO task VALUES ('t-answered', 'assistant_reply', '{"id":"t-answered"}', 'local:alice',
                        '{"auth_method":"local","display_name":"Alice","id":"alice"}', 'random', 'en', 1800000000,
                        'aaaaaaaa-0000-4000-8000-000000000001', 'answered', NULL, 1800000100);
                    INSERT INTO task VALUES ('t-ready', 'label_initial_prompt', '{"id":"t-ready"}', 'local:alice',
                        '{"auth_method":"local","display_name":"Alice","id":"alice"}', 'random', 'en', 1800000050,
                        'aaaaaaaa-0000-4000-8000-000000000002', 'ready', NULL, 1800000050);
                    INSERT INTO outbox (task_id, task_type, ack_id, user_message_id, user_key, user_json, task_json,
                        interaction_json, created_at, deadline, state, attempts, next_try_at, last_error)
                    VALUES ('t-answered', 'assistant_reply', 'aaaaaaaa-0000-4000-8000-000000000001',
                        'bbbbbbbb-0000-4000-8000-000000000001', 'local:alice',
                        '{"auth_method":"local","display_name":"Alice","id":"alice"}', '{"id":"t-answered"}',
                        '{"type":"text_reply_to_message","text":"kept"}', 1800000100, 1800172200, 'sending', 2,
                        1800000200, 'timed out');
                    INSERT INTO draft VALUES ('t-ready', '{"labels":{"spam":0}}', 1800000060);
                    """)
        }
        try queue.close()
    }
}
