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
    /// Ranking tasks: reply ids in delivered order, as stored (a JSON array).
    var replyIDsText: String?
    /// Label tasks: the valid label names, as stored (a JSON array).
    var validLabelsText: String?

    /// Ranking tasks: reply ids in delivered order (decoded when asked for: only the answer to the task needs them).
    var replyIDs: [String] { Self.strings(replyIDsText) }
    /// Label tasks: the valid label names (decoded when asked for).
    var validLabels: [String] { Self.strings(validLabelsText) }

    /// Reads a `task` row selected with `columns`, by position (looking columns up by name was a tenth of each
    /// read).
    init(row: SQLiteRow) {
        id = row.text(0) ?? ""
        userID = row.text(1) ?? ""
        type = row.text(2).flatMap(TaskType.init(rawValue:)) ?? .random
        createdDate = row.real(3) ?? 0
        expiryDate = row.real(4) ?? 0
        ack = row.bool(5)
        frontendMessageID = row.text(6)
        done = row.bool(7) ?? false
        skipped = row.bool(8) ?? false
        targetMessageID = row.text(9)
        treeID = row.text(10)
        replyIDsText = row.text(11)
        validLabelsText = row.text(12)
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
        try db.firstRow(findSQL, [.text(id), .text(client)], read: TaskRecord.init(row:))
    }

    /// `find`'s statement (built once: the text is also the statement cache's key).
    private static let findSQL = "SELECT \(columns) FROM task WHERE id = ? AND api_client = ?"
}
