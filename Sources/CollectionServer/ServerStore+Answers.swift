import Foundation
import GRDB
import OasstProtocol

/// Ack, nack and the four interactions, with the backend's check order (§7).
extension ServerStore {
    /// Resolves the `X-OASST-USER` identity for ack / nack: unknown → 404 / 4002, then disabled / ToS.
    private func headerUser(
        _ db: Database, client: String, header: (authMethod: String, id: String)
    ) throws
        -> UserRecord
    {
        guard let user = try findUser(db, client: client, authMethod: header.authMethod, username: header.id)
        else { throw ServerError.userNotFound }
        return user
    }

    /// `POST /tasks/{id}/ack`: binds the ack id (idempotent with the same id).
    func ack(client: String, taskID: UUID, ackID: String, header: (authMethod: String, id: String)?) async throws {
        let now = self.now
        try await write { [self] db in
            if let header {
                let user = try headerUser(db, client: client, header: header)
                try user.check(enforceTerms: false)
            }
            guard !ackID.isEmpty else { throw ServerError.oasst(2000, "message_id must not be empty") }
            let id = UUIDText.lowercased(taskID)
            guard let task = try TaskRecord.find(db, client: client, id: id) else {
                throw ServerError.oasst(2100, "Task for task_id=UUID('\(id)') not found", status: 404)
            }
            if task.frontendMessageID == ackID && task.ack == true { return }
            if task.isExpired(at: now) { throw ServerError.taskExpired }
            if task.done || task.ack == true { throw ServerError.oasst(2103, "Task already updated.") }
            try db.run("UPDATE task SET ack = 1, frontend_message_id = ? WHERE id = ?", [.text(ackID), .text(id)])
        }
    }

    /// `POST /tasks/{id}/nack`: marks the task skipped and hides its item from this user.
    func nack(client: String, taskID: UUID, reason: String?, header: (authMethod: String, id: String)?) async throws {
        let now = self.now
        try await write { [self] db in
            guard let header else { throw ServerError.userRequired }
            let user = try headerUser(db, client: client, header: header)
            try user.check(enforceTerms: configuration.enforceTermsOfService)
            let id = UUIDText.lowercased(taskID)
            guard let task = try TaskRecord.find(db, client: client, id: id) else {
                throw ServerError.oasst(2100, "Task not found")
            }
            if task.isExpired(at: now) { throw ServerError.taskExpired }
            if task.done { throw ServerError.taskDone }
            if task.userID != user.id { throw ServerError.otherUser }
            try db.cachedStatement(sql: "UPDATE task SET skipped = 1, ack = 0, skip_reason = ? WHERE id = ?").execute(
                arguments: [reason, id])
            // A skipped reply task may have been the last blocker of its tree; the next request re-checks.
            treeGate.invalidate()
            let emoji: String?
            switch task.type {
            case .prompterReply, .assistantReply: emoji = "_skip_reply"
            case .rankAssistantReplies, .rankPrompterReplies: emoji = "_skip_ranking"
            case .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply: emoji = "_skip_labeling"
            case .initialPrompt, .random, .rankInitialPrompts, .summarizeStory, .rateSummary, .replyToConversation,
                .rankConversationReplies, .labelConversationReply:
                emoji = nil
            }
            if let emoji, let target = task.targetMessageID {
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO reaction (message_id, user_id, emoji) VALUES (?, ?, ?)"
                ).execute(arguments: [target, user.id, emoji])
                let skips =
                    try Int.fetchOne(
                        db.cachedStatement(
                            sql: "SELECT COUNT(*) FROM reaction WHERE message_id = ? AND emoji = '_skip_reply'"),
                        arguments: [target]) ?? 0
                if emoji == "_skip_reply", skips >= configuration.autoModMaxSkipReply, let tree = task.treeID {
                    try db.cachedStatement(
                        sql: """
                            UPDATE message_tree SET state = 'halted_by_moderator'
                            WHERE id = ? AND state IN ('growing', 'initial_prompt_review', 'prompt_lottery_waiting')
                            """
                    ).execute(arguments: [tree])
                }
            }
        }
    }

    /// The task an ack id names: none → 400 / 2100, several → 400 / 1004.
    private func taskByAckID(_ db: Database, client: String, ackID: String) throws -> TaskRecord {
        let tasks = try db.rows(Self.taskByAckIDSQL, [.text(client), .text(ackID)], read: TaskRecord.init(row:))
        guard let task = tasks.first else {
            throw ServerError.oasst(2100, "Task for frontend_message_id='\(ackID)' not found")
        }
        if tasks.count > 1 { throw ServerError.interactionFailed }
        return task
    }

    /// `taskByAckID`'s statement (built once).
    private static let taskByAckIDSQL =
        "SELECT \(TaskRecord.columns) FROM task WHERE api_client = ? AND frontend_message_id = ? LIMIT 2"

    /// The common task checks: expired → not acked → done → other user.
    private func checkAnswerable(_ task: TaskRecord, user: UserRecord, now: Date) throws {
        if task.isExpired(at: now) { throw ServerError.taskExpired }
        if task.ack != true { throw ServerError.taskNotAcked }
        if task.done { throw ServerError.taskDone }
        if task.userID != user.id { throw ServerError.otherUser }
    }

    /// `POST /tasks/interaction`.
    func interaction(client: String, interaction: Interaction) async throws -> TaskDone {
        let now = self.now
        // Text work that needs no database is done before the transaction (the single writer has enough to do).
        let prepared: String?
        switch interaction {
        case .textReplyToMessage(let body): prepared = TextTrim.trimmed(body.text)
        case .textLabels(let body): prepared = Self.labelsJSON(body.labels)
        case .messageRanking, .messageRating: prepared = nil
        }
        return try await write { [self] db in
            let user = try upsertUser(db, client: client, user: interaction.user, now: now)
            try user.check(enforceTerms: configuration.enforceTermsOfService)
            switch interaction {
            case .textReplyToMessage(let body):
                try textReply(db, client: client, user: user, body: body, text: prepared ?? body.text, now: now)
            case .messageRanking(let body):
                try ranking(db, client: client, user: user, body: body, now: now)
            case .textLabels(let body):
                try labels(db, client: client, user: user, body: body, labelsText: prepared ?? "{}", now: now)
            case .messageRating(let body):
                let exists =
                    try Bool.fetchOne(
                        db.cachedStatement(
                            sql: "SELECT 1 FROM message WHERE api_client = ? AND frontend_message_id = ?"),
                        arguments: [client, body.messageID]) ?? false
                if !exists {
                    throw ServerError.oasst(
                        2001, "Message with frontend_message_id \(body.messageID) not found.", status: 404)
                }
                throw ServerError.oasst(2100, "Task for frontend_message_id='\(body.messageID)' not found")
            }
            return TaskDone(id: UUIDText.random())
        }
    }

    /// A reply; `text` is the body's text trimmed of surrounding white space.
    private func textReply(
        _ db: Database, client: String, user: UserRecord, body: TextReplyInteraction, text: String, now: Date
    )
        throws
    {
        guard !body.messageID.isEmpty, !body.userMessageID.isEmpty else {
            throw ServerError.oasst(2000, "message_id must not be empty")
        }
        let task = try taskByAckID(db, client: client, ackID: body.messageID)
        try checkAnswerable(task, user: user, now: now)
        if text.unicodeScalars.count > configuration.messageSizeLimit {
            throw ServerError.oasst(1008, "Message size too long.")
        }
        let duplicate =
            try db.firstRow(
                // `+created_date`: look the text up through the (user_id, text) index, not every recent message.
                "SELECT 1 FROM message WHERE user_id = ? AND text = ? AND +created_date > ? AND deleted = 0",
                [.text(user.id), .text(text), .real(now.timeIntervalSince1970 - configuration.duplicateMessageWindow)]
            ) { _ in true } ?? false
        if duplicate { throw ServerError.oasst(1009, "User recent messages have duplicates") }
        var parent: (id: String, treeID: String, depth: Int)?
        if let target = task.targetMessageID, task.type == .assistantReply || task.type == .prompterReply {
            let row = try db.firstRow(
                "SELECT m.id, m.tree_id, m.depth, mt.state FROM message m JOIN message_tree mt ON mt.id = m.tree_id WHERE m.id = ?",
                [.text(target)]
            ) { row in
                (
                    parent: (id: row.text(0) ?? "", treeID: row.text(1) ?? "", depth: row.integer(2) ?? 0),
                    state: row.text(3)
                )
            }
            parent = row?.parent
            let state = row?.state ?? ""
            guard ["growing", "ranking", "ready_for_scoring", "ready_for_export"].contains(state) else {
                throw ServerError.oasst(2010, "Message tree is in an aborted state (\(state)).")
            }
            let replied =
                try db.firstRow(
                    // `+user_id`: by parent (a few rows), not through every message of the user.
                    "SELECT 1 FROM message WHERE parent_id = ? AND +user_id = ? AND deleted = 0",
                    [.text(target), .text(user.id)]
                ) { _ in true } ?? false
            if replied { throw ServerError.oasst(1011, "User has already replied to this message.") }
        }
        let role: String
        switch task.type {
        case .initialPrompt, .prompterReply: role = "prompter"
        case .assistantReply: role = "assistant"
        case .random, .rankInitialPrompts, .rankPrompterReplies, .rankAssistantReplies, .labelInitialPrompt,
            .labelPrompterReply, .labelAssistantReply, .summarizeStory, .rateSummary, .replyToConversation,
            .rankConversationReplies, .labelConversationReply:
            throw ServerError.oasst(2107, "Unexpected task payload type: \(Self.payloadName(task.type))")
        }
        let taken =
            try db.firstRow(
                "SELECT 1 FROM message WHERE api_client = ? AND frontend_message_id = ?",
                [.text(client), .text(body.userMessageID)]
            ) { _ in true } ?? false
        if taken || body.userMessageID.count > 200 { throw ServerError.interactionFailed }
        let messageID = UUIDText.timeOrderedText(at: now)
        let lang = body.lang ?? "en"
        let treeID: String
        let depth: Int
        if let parent {
            treeID = parent.treeID
            depth = parent.depth + 1
        } else {
            treeID = messageID
            depth = 0
            try db.run(
                """
                INSERT INTO message_tree (id, state, lang, created_date, author)
                VALUES (?, 'initial_prompt_review', ?, ?, ?)
                """, [.text(treeID), .text(lang), .real(now.timeIntervalSince1970), .text(user.id)])
        }
        try db.run(
            """
            INSERT INTO message (id, tree_id, parent_id, api_client, frontend_message_id, user_id, role, text, lang,
                depth, created_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(messageID), .text(treeID), .text(parent?.id), .text(client), .text(body.userMessageID),
                .text(user.id), .text(role), .text(text), .text(lang), .integer(depth),
                .real(now.timeIntervalSince1970),
            ])
        try db.run("UPDATE task SET done = 1 WHERE id = ?", [.text(task.id)])
    }

    private func ranking(
        _ db: Database, client: String, user: UserRecord, body: MessageRankingInteraction, now: Date
    ) throws {
        guard !body.messageID.isEmpty else { throw ServerError.oasst(2000, "message_id must not be empty") }
        let task = try taskByAckID(db, client: client, ackID: body.messageID)
        try checkAnswerable(task, user: user, now: now)
        guard task.type == .rankAssistantReplies || task.type == .rankPrompterReplies, let parent = task.targetMessageID
        else {
            throw ServerError.oasst(2102, "Task payload type mismatch: \(Self.payloadName(task.type))")
        }
        let replyIDs = task.replyIDs
        let count = replyIDs.count
        guard body.ranking.count == count, Set(body.ranking) == Set(0..<count) else {
            throw ServerError.oasst(
                2003, "Invalid ranking submitted. Each reply index must appear exactly once (num_replies=\(count)).")
        }
        for replyID in replyIDs {
            let stillChild =
                try db.firstRow(
                    "SELECT 1 FROM message WHERE id = ? AND parent_id = ? AND deleted = 0",
                    [.text(replyID), .text(parent)]
                ) { _ in true } ?? false
            if !stillChild { throw ServerError.oasst(2011, "Corrupt ranking result") }
        }
        let ranked = body.ranking.map { replyIDs[$0] }
        let rankingText = "[" + body.ranking.map(String.init).joined(separator: ",") + "]"
        try db.run(
            """
            INSERT INTO ranking (parent_id, user_id, task_id, ranking, ranked_message_ids, not_rankable,
                created_date) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(parent), .text(user.id), .text(task.id), .text(rankingText), .text(TaskRecord.json(ranked)),
                .bool(body.notRankable), .real(now.timeIntervalSince1970),
            ])
        try db.run("UPDATE task SET done = 1 WHERE id = ?", [.text(task.id)])
        if let tree = task.treeID { try refreshTree(db, treeID: tree) }
    }

    /// Labels; `labelsText` is the body's labels as stored (`labelsJSON`).
    private func labels(
        _ db: Database, client: String, user: UserRecord, body: TextLabelsInteraction, labelsText: String, now: Date
    )
        throws
    {
        let messageID = UUIDText.lowercased(body.messageID)
        guard let taskUUID = body.taskID else {
            let exists =
                try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM message WHERE id = ?"), arguments: [messageID])
                ?? false
            if !exists { throw ServerError.oasst(2001, "Message not found", status: 404) }
            try db.cachedStatement(
                sql: "DELETE FROM text_label WHERE message_id = ? AND user_id = ? AND task_id IS NULL"
            ).execute(arguments: [messageID, user.id])
            try db.cachedStatement(
                sql: "INSERT INTO text_label (message_id, user_id, labels, created_date) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [messageID, user.id, labelsText, now.timeIntervalSince1970])
            if body.isReport == true {
                try db.cachedStatement(
                    sql: "INSERT OR IGNORE INTO reaction (message_id, user_id, emoji) VALUES (?, ?, 'red_flag')"
                ).execute(arguments: [messageID, user.id])
            }
            return
        }
        let taskID = UUIDText.lowercased(taskUUID)
        guard let task = try TaskRecord.find(db, client: client, id: taskID) else {
            throw ServerError.oasst(2100, "Task not found")
        }
        try checkAnswerable(task, user: user, now: now)
        guard [.labelInitialPrompt, .labelPrompterReply, .labelAssistantReply].contains(task.type),
            let target = task.targetMessageID
        else {
            throw ServerError.oasst(2102, "Task payload type mismatch: \(Self.payloadName(task.type))")
        }
        if task.type == .labelInitialPrompt && messageID != target {
            throw ServerError.oasst(2050, "Invalid message id for labels")
        }
        let valid = Set(task.validLabels)
        if body.labels.keys.contains(where: { !valid.contains($0) }) {
            throw ServerError.oasst(2051, "Invalid text label specified")
        }
        let missing = LabelCatalog.mandatory.filter { body.labels[$0] == nil }
        if !missing.isEmpty {
            throw ServerError.oasst(2052, "Mandatory text labels missing: \(missing.joined(separator: ", "))")
        }
        let author = try db.firstRow("SELECT user_id FROM message WHERE id = ?", [.text(target)]) { $0.text(0) } ?? nil
        if author == user.id { throw ServerError.oasst(2053, "Labeling own message is not allowed") }
        let before =
            try db.firstRow(
                "SELECT 1 FROM text_label WHERE message_id = ? AND user_id = ? AND task_id IS NOT NULL",
                [.text(target), .text(user.id)]
            ) { _ in true } ?? false
        if before { throw ServerError.oasst(2053, "Message was already labeled by user") }
        try db.run(
            "INSERT INTO text_label (message_id, user_id, task_id, labels, created_date) VALUES (?, ?, ?, ?, ?)",
            [.text(target), .text(user.id), .text(task.id), .text(labelsText), .real(now.timeIntervalSince1970)])
        try db.run("UPDATE task SET done = 1 WHERE id = ?", [.text(task.id)])
        try recordReview(db, messageID: target)
    }

    /// The backend's payload class name for a task type (used in 2102 / 2107 messages).
    static func payloadName(_ type: TaskType) -> String {
        let camel = type.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return camel + "Payload"
    }

    /// Labels as a JSON object text with sorted keys (the validator admits only finite values from 0 to 1).
    static func labelsJSON(_ labels: [String: Double]) -> String {
        OasstJSON.labelsText(labels) ?? "{}"
    }
}
