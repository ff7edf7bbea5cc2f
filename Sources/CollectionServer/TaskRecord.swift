import Foundation
import GRDB
import OasstProtocol

/// A stored task: who got it, when it expires, its ack id and state, and what it points at.
struct TaskRecord: Sendable {
    /// Task UUID (lower-case text).
    var id: String
    /// Owner's server user id.
    var userID: String
    /// Task type.
    var type: TaskType
    /// Creation and expiry times.
    var createdDate: Double
    /// Expiry time.
    var expiryDate: Double
    /// `nil` = never acked, true = acked, false = skipped.
    var ack: Bool?
    /// The bound ack id.
    var frontendMessageID: String?
    /// Answered.
    var done: Bool
    /// Skipped (nacked).
    var skipped: Bool
    /// The reply parent, ranking parent or labelled message.
    var targetMessageID: String?
    /// The tree the target belongs to.
    var treeID: String?
    /// Ranking tasks: reply ids in delivered order.
    var replyIDs: [String]
    /// Label tasks: the valid label names.
    var validLabels: [String]

    /// Reads a `task` row.
    init(row: Row) {
        id = row["id"]
        userID = row["user_id"]
        type = TaskType(rawValue: row["type"]) ?? .random
        createdDate = row["created_date"]
        expiryDate = row["expiry_date"]
        ack = row["ack"]
        frontendMessageID = row["frontend_message_id"]
        done = row["done"]
        skipped = row["skipped"]
        targetMessageID = row["target_message_id"]
        treeID = row["tree_id"]
        replyIDs = Self.strings(row["reply_ids"])
        validLabels = Self.strings(row["valid_labels"])
    }

    /// Whether the task is past its expiry at `now`.
    func isExpired(at now: Date) -> Bool { now.timeIntervalSince1970 > expiryDate }

    /// Decodes a JSON string array column.
    static func strings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    /// Encodes a string array for a JSON column.
    static func json(_ values: [String]) -> String {
        guard let data = try? JSONEncoder().encode(values) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The columns `init(row:)` reads (not the stored payload, the largest one).
    static let columns = """
        id, user_id, type, created_date, expiry_date, ack, frontend_message_id, done, skipped, target_message_id,
        tree_id, reply_ids, valid_labels
        """

    /// Loads a task by id for an API client.
    static func find(_ db: Database, client: String, id: String) throws -> TaskRecord? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(columns) FROM task WHERE id = ? AND api_client = ?"),
            arguments: [id, client]
        )
        .map(TaskRecord.init(row:))
    }
}
