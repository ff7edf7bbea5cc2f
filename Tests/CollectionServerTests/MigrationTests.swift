import Foundation
import GRDB
import Testing

@testable import CollectionServer

/// A database written by an older `oasst serve` opens in the new one with its data kept.
@Suite struct MigrationTests {
    /// A new database file migrated up to `version` (an older server's schema), with `sql` run in it.
    private func database(upTo version: String, containing sql: String) throws -> String {
        let path = ServerHarness.temporaryDatabase()
        let old = try DatabaseQueue(path: path)
        try ServerDatabase.migrator.migrate(old, upTo: version)
        try old.write { db in try db.execute(sql: sql) }
        try old.close()
        return path
    }

    @Test func treesLearnTheirRootsAuthor() throws {
        let path = try database(
            upTo: "v6-drop-task-payload",
            containing: """
                INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                VALUES ('u1', 'key', 'local', 'alice', 'Alice', 1);
                INSERT INTO message_tree (id, state, lang, created_date) VALUES ('t1', 'prompt_lottery_waiting', 'en', 1);
                INSERT INTO message_tree (id, state, lang, created_date) VALUES ('t2', 'prompt_lottery_waiting', 'en', 1);
                INSERT INTO message (id, tree_id, api_client, frontend_message_id, user_id, role, text, lang, depth,
                    created_date) VALUES ('t1', 't1', 'key', 'f1', 'u1', 'prompter', 'Hi', 'en', 0, 1);
                INSERT INTO message (id, tree_id, api_client, frontend_message_id, user_id, role, text, lang, depth,
                    created_date) VALUES ('t2', 't2', 'key', 'f2', NULL, 'prompter', 'Seed', 'en', 0, 1);
                """)

        let pool = try ServerDatabase.open(path: path)
        let authors = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, author FROM message_tree ORDER BY id").map {
                "\($0["id"] as String)=\($0["author"] as String)"
            }
        }
        #expect(authors == ["t1=u1", "t2="])
        let plan = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT DISTINCT author FROM message_tree
                    WHERE state = 'prompt_lottery_waiting' AND lang = 'en'
                    """
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("COVERING INDEX message_tree_lottery") }, "\(plan)")
    }

    @Test func taskPayloadIsDroppedAndTasksKept() throws {
        let path = try database(
            upTo: "v5-drop-unused-user-indexes",
            containing: """
                INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                VALUES ('u1', 'key', 'local', 'alice', 'Alice', 1);
                INSERT INTO task (id, api_client, user_id, type, created_date, expiry_date, valid_labels, payload)
                VALUES ('t1', 'key', 'u1', 'label_initial_prompt', 1, 2, '["spam","quality"]', '{"type":"x"}');
                """)

        let pool = try ServerDatabase.open(path: path)
        let columns = try pool.read { db in try db.columns(in: "task").map(\.name) }
        #expect(!columns.contains("payload"))
        let task = try pool.read { db in try TaskRecord.find(db, client: "key", id: "t1") }
        #expect(task?.userID == "u1")
        #expect(task?.type == .labelInitialPrompt)
        #expect(task?.validLabels == ["spam", "quality"])
        #expect(task?.replyIDs == [])
        let integrity = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test func openTaskIndexesKeepOnlyOpenTasks() throws {
        let path = try database(
            upTo: "v7-tree-author",
            containing: """
                INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                VALUES ('u1', 'key', 'local', 'alice', 'Alice', 1);
                INSERT INTO task (id, api_client, user_id, type, created_date, expiry_date, target_message_id, tree_id)
                VALUES ('open', 'key', 'u1', 'assistant_reply', 1, 2, 'm1', 'r1'),
                    ('done', 'key', 'u1', 'assistant_reply', 1, 2, 'm1', 'r1'),
                    ('skipped', 'key', 'u1', 'assistant_reply', 1, 2, 'm1', 'r1');
                UPDATE task SET done = 1 WHERE id = 'done';
                UPDATE task SET skipped = 1 WHERE id = 'skipped';
                """)

        let pool = try ServerDatabase.open(path: path)
        let indexes = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task'")
        }
        #expect(!indexes.contains("task_target"))
        #expect(!indexes.contains("task_tree"))
        let (byTarget, byTree, all) = try pool.read { db in
            (
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM task INDEXED BY task_open_target WHERE target_message_id = 'm1' AND done = 0 AND skipped = 0"
                ),
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT COUNT(*) FROM task INDEXED BY task_open_tree WHERE tree_id = 'r1' AND done = 0 AND skipped = 0"
                ),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task")
            )
        }
        #expect(byTarget == 1)
        #expect(byTree == 1)
        #expect(all == 3)
        let integrity = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
    }

    @Test(arguments: CandidateQuery.allCases)
    func handOutQueriesReadOpenTasksThroughTheOpenTaskIndexes(query: CandidateQuery) throws {
        let pool = try ServerDatabase.open(path: ServerHarness.temporaryDatabase())
        let plan = try pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + query.sql,
                arguments: StatementArguments(
                    query.parameters.map { _ in 0 as (any DatabaseValueConvertible)? })
            ).map { $0["detail"] as String }
        }
        let taskSteps = plan.filter { $0.contains(" t ") || $0.hasSuffix(" t") }
        #expect(!taskSteps.isEmpty, "\(plan)")
        #expect(taskSteps.allSatisfy { $0.contains("task_open_target") || $0.contains("task_open_tree") }, "\(plan)")
    }

    @Test func theAckAndPendingTaskLookUpsUsePartialIndexes() throws {
        let pool = try ServerDatabase.open(path: ServerHarness.temporaryDatabase())
        let (definitions, pending, ack) = try pool.read { db in
            (
                try String.fetchAll(
                    db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('task_ack', 'task_open') ORDER BY name"),
                try Row.fetchAll(
                    db,
                    sql: """
                        EXPLAIN QUERY PLAN SELECT COUNT(*) FROM task WHERE user_id = ? AND done = 0 AND skipped = 0
                        AND created_date > ?
                        """, arguments: ["u", 0]
                ).map { $0["detail"] as String },
                try Row.fetchAll(
                    db,
                    sql:
                        "EXPLAIN QUERY PLAN SELECT id FROM task WHERE api_client = ? AND frontend_message_id = ? LIMIT 2",
                    arguments: ["k", "f"]
                ).map { $0["detail"] as String }
            )
        }
        #expect(definitions.count == 2)
        #expect(definitions.first?.hasSuffix("WHERE frontend_message_id IS NOT NULL") == true, "\(definitions)")
        #expect(definitions.last?.hasSuffix("WHERE done = 0 AND skipped = 0") == true, "\(definitions)")
        #expect(pending.contains { $0.contains("INDEX task_open") }, "\(pending)")
        #expect(ack.contains { $0.contains("INDEX task_ack") }, "\(ack)")
    }
}
