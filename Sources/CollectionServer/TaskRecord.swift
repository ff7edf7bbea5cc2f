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

    /// Reads a `task` row selected with `columns`, by position (looking columns up by name was a tenth of each
    /// read).
    init(row: Row) {
        id = row[0]
        userID = row[1]
        type = TaskType(rawValue: row[2]) ?? .random
        createdDate = row[3]
        expiryDate = row[4]
        ack = row[5]
        frontendMessageID = row[6]
        done = row[7]
        skipped = row[8]
        targetMessageID = row[9]
        treeID = row[10]
        replyIDs = Self.strings(row[11])
        validLabels = Self.strings(row[12])
    }

    /// Whether the task is past its expiry at `now`.
    func isExpired(at now: Date) -> Bool { now.timeIntervalSince1970 > expiryDate }

    /// Decodes a JSON string array column.
    static func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? OasstJSON.decode([String].self, from: Data(text.utf8))) ?? []
    }

    /// Encodes a string array for a JSON column.
    static func json(_ values: [String]) -> String {
        guard let data = try? OasstJSON.encode(values) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The columns `init(row:)` reads, in the order it reads them.
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
