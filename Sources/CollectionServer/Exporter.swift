import Foundation
import GRDB
import OasstProtocol

/// Writes message trees as JSON Lines in the Open-Assistant export format (one `ExportMessageTree` per line,
/// replies nested, null fields omitted); by default only `ready_for_export` trees.
public struct Exporter: Sendable {
    let pool: DatabasePool

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Opens a server database for export (it may be in use by a running server: WAL allows concurrent readers).
    public init(databasePath: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: databasePath])
        }
        self.pool = try ServerDatabase.open(path: databasePath)
    }

    /// One JSON line per tree (no trailing newline); `includeAllTrees` exports every tree whatever its state;
    /// `includeEvents` adds the raw per-user `ranking` and `emoji` events to each message.
    public func lines(includeAllTrees: Bool = false, includeEvents: Bool = false) throws -> [String] {
        try pool.read { db in
            let trees = try Row.fetchAll(
                db,
                sql: includeAllTrees
                    ? "SELECT * FROM message_tree ORDER BY created_date, id"
                    : "SELECT * FROM message_tree WHERE state = 'ready_for_export' ORDER BY created_date, id")
            return try trees.map { tree in
                let id: String = tree["id"]
                var object: [String: JSONValue] = [
                    "message_tree_id": .string(id), "tree_state": .string(tree["state"]),
                ]
                if let root = try Row.fetchOne(db, sql: "SELECT * FROM message WHERE id = ?", arguments: [id]) {
                    object["prompt"] = try node(db, row: root, events: includeEvents)
                }
                return String(decoding: try OasstJSON.encode(JSONValue.object(object)), as: UTF8.self)
            }
        }
    }

    /// Writes the JSONL file; returns the number of trees written.
    @discardableResult
    public func write(to url: URL, includeAllTrees: Bool = false, includeEvents: Bool = false) throws -> Int {
        let lines = try self.lines(includeAllTrees: includeAllTrees, includeEvents: includeEvents)
        let text = lines.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: url, options: .atomic)
        return lines.count
    }

    private func node(_ db: Database, row: Row, events: Bool) throws -> JSONValue {
        let id: String = row["id"]
        var object: [String: JSONValue] = [
            "message_id": .string(id), "text": .string(row["text"]), "role": .string(row["role"]),
            "lang": .string(row["lang"]), "deleted": .bool(row["deleted"]), "synthetic": .bool(row["synthetic"]),
            "created_date": .string(OasstDate.format(Date(timeIntervalSince1970: row["created_date"]))),
        ]
        if let parent: String = row["parent_id"] { object["parent_id"] = .string(parent) }
        if let user: String = row["user_id"] { object["user_id"] = .string(user) }
        let reviewCount: Int = row["review_count"]
        object["review_count"] = .integer(Int64(reviewCount))
        if let result: Bool = row["review_result"], result || reviewCount > 2 {
            object["review_result"] = .bool(result)
        }
        if let rank: Int = row["rank"] { object["rank"] = .integer(Int64(rank)) }
        var emojis: [String: JSONValue] = [:]
        for reaction in try Row.fetchAll(
            db, sql: "SELECT emoji, COUNT(*) AS n FROM reaction WHERE message_id = ? GROUP BY emoji", arguments: [id])
        {
            emojis[reaction["emoji"]] = .integer(reaction["n"])
        }
        if !emojis.isEmpty { object["emojis"] = .object(emojis) }
        var sums: [String: (Double, Int)] = [:]
        for text in try String.fetchAll(db, sql: "SELECT labels FROM text_label WHERE message_id = ?", arguments: [id])
        {
            guard let data = text.data(using: .utf8),
                let labels = try? JSONDecoder().decode([String: Double].self, from: data)
            else { continue }
            for (name, value) in labels {
                let current = sums[name] ?? (0, 0)
                sums[name] = (current.0 + value, current.1 + 1)
            }
        }
        if !sums.isEmpty {
            object["labels"] = .object(
                sums.mapValues { .object(["value": .double($0.0 / Double($0.1)), "count": .integer(Int64($0.1))]) })
        }
        let children = try Row.fetchAll(
            db, sql: "SELECT * FROM message WHERE parent_id = ? ORDER BY rank IS NULL, rank, created_date, id",
            arguments: [id])
        object["replies"] = .array(try children.map { try node(db, row: $0, events: events) })
        if events {
            var kinds: [String: JSONValue] = [:]
            let rankings = try Row.fetchAll(
                db, sql: "SELECT * FROM ranking WHERE parent_id = ? ORDER BY created_date, id", arguments: [id])
            if !rankings.isEmpty {
                kinds["ranking"] = .array(
                    try rankings.map { ranking in
                        var event: [String: JSONValue] = [
                            "type": .string("ranking"), "user_id": .string(ranking["user_id"]),
                            "ranking": try OasstJSON.decode(
                                JSONValue.self, from: Data((ranking["ranking"] as String).utf8)),
                            "ranked_message_ids": .array(
                                TaskRecord.strings(ranking["ranked_message_ids"]).map { .string($0) }),
                            "ranking_parent_id": .string(id), "message_tree_id": .string(row["tree_id"]),
                        ]
                        if ranking["not_rankable"] as Bool { event["not_rankable"] = .bool(true) }
                        return .object(event)
                    })
            }
            let reactions = try Row.fetchAll(
                db, sql: "SELECT user_id, emoji FROM reaction WHERE message_id = ? ORDER BY emoji, user_id",
                arguments: [id])
            if !reactions.isEmpty {
                kinds["emoji"] = .array(
                    reactions.map {
                        .object([
                            "type": .string("emoji"), "user_id": .string($0["user_id"]), "emoji": .string($0["emoji"]),
                        ])
                    })
            }
            if !kinds.isEmpty { object["events"] = .object(kinds) }
        }
        return .object(object)
    }
}
