import Foundation
import GRDB
import OasstProtocol

@testable import OfflineStore

/// Shared values and helpers for the store tests.
enum StoreFixture {
    static let alice = User(id: "alice", displayName: "Alice", authMethod: "local")
    static let bob = User(id: "bob", displayName: "Bob", authMethod: "local")
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A fresh temporary directory for one test's database.
    static func temporaryFile() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("oasst-store-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("store.sqlite")
    }

    static func taskJSON(_ id: String, type: String = "assistant_reply") -> Data {
        Data(#"{"id":"\#(id)","type":"\#(type)","conversation":{"messages":[]}}"#.utf8)
    }

    static func replyJSON(ackId: String, text: String, userMessageId: String) -> Data {
        Data(
            #"{"type":"text_reply_to_message","message_id":"\#(ackId)","user_message_id":"\#(userMessageId)","text":"\#(text)","lang":"en","user":{"id":"alice","display_name":"Alice","auth_method":"local"}}"#
                .utf8)
    }

    /// Stores a task for alice and submits a text reply for it.
    @discardableResult
    static func submitReply(
        _ store: OfflineStore, taskId: String, text: String = "hello", at date: Date = t0
    ) throws -> OutboxItem {
        let task = try store.storeTask(
            taskId: taskId, taskType: "assistant_reply", taskJSON: taskJSON(taskId), user: alice,
            requestedType: "random", lang: "en", receivedAt: date)
        let messageId = OfflineStore.newId()
        return try store.submit(
            Submission(
                taskId: taskId, interactionJSON: replyJSON(ackId: task.ackId, text: text, userMessageId: messageId),
                userMessageId: messageId), now: date)
    }

    /// The schema text of every table and index, for comparing databases.
    static func schema(_ reader: any DatabaseReader) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
                    AND name != 'grdb_migrations' ORDER BY name
                    """)
        }
    }
}
