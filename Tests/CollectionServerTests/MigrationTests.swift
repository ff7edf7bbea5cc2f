import Foundation
import GRDB
import Testing

@testable import CollectionServer

/// A database written by an older `oasst serve` opens in the new one with its data kept.
@Suite struct MigrationTests {
    @Test func taskPayloadIsDroppedAndTasksKept() throws {
        let path = ServerHarness.temporaryDatabase()
        let old = try DatabaseQueue(path: path)
        try ServerDatabase.migrator.migrate(old, upTo: "v5-drop-unused-user-indexes")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                    VALUES ('u1', 'key', 'local', 'alice', 'Alice', 1);
                    INSERT INTO task (id, api_client, user_id, type, created_date, expiry_date, valid_labels, payload)
                    VALUES ('t1', 'key', 'u1', 'label_initial_prompt', 1, 2, '["spam","quality"]', '{"type":"x"}');
                    """)
        }
        try old.close()

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
}
