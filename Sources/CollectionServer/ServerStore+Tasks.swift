import Foundation
import GRDB
import OasstProtocol

/// Task hand-out: what each user may get, the `random` draw, and building the task JSON.
extension ServerStore {
    /// Types a local server can hand out, with the weight of their kind in a `random` draw (§3.8).
    static func randomWeight(_ type: TaskType) -> Double {
        switch type {
        case .rankAssistantReplies, .rankPrompterReplies: return 10
        case .labelAssistantReply, .labelPrompterReply: return 5
        case .labelInitialPrompt: return 5
        case .assistantReply, .prompterReply: return 2
        case .initialPrompt: return 0.01
        case .random, .rankInitialPrompts, .summarizeStory, .rateSummary, .replyToConversation,
            .rankConversationReplies, .labelConversationReply:
            return 0
        }
    }

    /// `POST /tasks/availability`: counts per requestable type for a user and language (runs the lottery).
    func availability(client: String, user: User, lang: String) async throws -> TaskAvailability {
        let now = self.now
        return try await write { [self] db in
            let record = try upsertUser(db, client: client, user: user, now: now)
            try record.check(enforceTerms: configuration.enforceTermsOfService)
            try advanceTrees(db, lang: lang)
            let candidates = try self.candidates(db, userID: record.id, lang: lang, now: now)
            var counts: [String: Int] = [:]
            var total = 0
            for type in TaskType.requestable where type != .random {
                let count =
                    try type == .initialPrompt ? initialPromptCount(db, lang: lang) : (candidates[type]?.count ?? 0)
                counts[type.rawValue] = count
                total += count
            }
            counts[TaskType.random.rawValue] = total
            return TaskAvailability(counts: counts)
        }
    }

    /// `POST /tasks/`: picks, stores and returns a task for the user, with its JSON (the response body, written
    /// after the transaction: the single writer has enough to do).
    func requestTask(client: String, request: TaskRequest) async throws -> (task: OasstTask, json: Data) {
        let task = try await pickTask(client: client, request: request)
        return (task, try OasstJSON.encode(task))
    }

    /// Picks and stores a task for the user (the writer's part of `requestTask`).
    private func pickTask(client: String, request: TaskRequest) async throws -> OasstTask {
        let now = self.now
        let lang = request.lang ?? "en"
        return try await write { [self] db in
            let user = try upsertUser(db, client: client, user: request.user, now: now)
            try user.check(enforceTerms: configuration.enforceTermsOfService)
            let pending =
                try db.firstRow(
                    """
                    SELECT COUNT(*) FROM task WHERE user_id = ? AND done = 0 AND skipped = 0
                    AND created_date > ?
                    """, [.text(user.id), .real(now.timeIntervalSince1970 - configuration.pendingTaskWindow)]
                ) { $0.integer(0) ?? 0 } ?? 0
            if pending >= configuration.maxPendingTasksPerUser {
                throw ServerError.oasst(1012, "User has too many pending tasks.")
            }
            try advanceTrees(db, lang: lang)
            // Only the queries of the kinds considered run (each at most once), not all four.
            var found: [TaskType: [String]] = [:]
            var ran: Set<CandidateQuery> = []
            func targets(_ type: TaskType) throws -> [String] {
                guard let query = CandidateQuery.query(for: type) else { return [] }
                if ran.insert(query).inserted {
                    found.merge(try candidates(db, query: query, userID: user.id, lang: lang, now: now)) { a, _ in a }
                }
                return found[type] ?? []
            }
            func available(_ type: TaskType) throws -> Bool {
                type == .initialPrompt ? try initialPromptCount(db, lang: lang) > 0 : !(try targets(type)).isEmpty
            }
            let type: TaskType
            if request.type == .random {
                type = try Self.drawKind(available: available)
            } else {
                type = request.type
                guard try available(type) else { throw ServerError.notAvailable(type) }
            }
            let target = type == .initialPrompt ? nil : try targets(type).randomElement()
            let simple =
                type == .labelPrompterReply && request.type == .random
                && Double.random(in: 0..<1) < configuration.simpleLabelProbabilityPrompterReply
            let made = try makeTask(
                db, client: client, user: user, type: type, target: target, simple: simple, now: now)
            if type == .assistantReply || type == .prompterReply {
                treeGate.lower(lang: lang, until: now.timeIntervalSince1970 + configuration.pendingTaskWindow)
            }
            return made
        }
    }

    /// The kinds a `random` request draws from, in a fixed order.
    static let randomKinds: [(TaskType, Double)] = [
        TaskType.assistantReply, .initialPrompt, .labelAssistantReply, .labelInitialPrompt, .labelPrompterReply,
        .prompterReply, .rankAssistantReplies, .rankPrompterReplies,
    ].map { ($0, randomWeight($0)) }

    /// Draws the kind of a `random` request: with probability proportional to its weight among the kinds that are
    /// `available`. Draws among all kinds and, while the drawn kind is unavailable, draws again without it: the
    /// first available kind drawn has exactly that probability, and only the kinds drawn are looked up (the
    /// lookups were a fifth of the server's time per request when all four queries ran every time).
    static func drawKind(available: (TaskType) throws -> Bool) throws -> TaskType {
        var kinds = randomKinds
        while let picked = weightedPick(kinds) {
            if try available(picked) { return picked }
            kinds.removeAll { $0.0 == picked }
        }
        throw ServerError.notAvailable(.random)
    }

    /// Picks one entry with probability proportional to its weight.
    static func weightedPick(_ entries: [(TaskType, Double)]) -> TaskType? {
        let total = entries.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        var point = Double.random(in: 0..<total)
        for (type, weight) in entries {
            if point < weight { return type }
            point -= weight
        }
        return entries.last?.0
    }

    /// How many new prompts the language pool takes (`max_initial_prompt_review` minus prompts in review).
    func initialPromptCount(_ db: Database, lang: String) throws -> Int {
        let inReview =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: "SELECT COUNT(*) FROM message_tree WHERE state = 'initial_prompt_review' AND lang = ?"),
                arguments: [lang]) ?? 0
        return max(0, configuration.maxInitialPromptReview - inReview)
    }

    /// Target message ids per task type that this user may get now (everything except `initial_prompt`).
    func candidates(_ db: Database, userID: String, lang: String, now: Date) throws -> [TaskType: [String]] {
        var result: [TaskType: [String]] = [:]
        for query in CandidateQuery.allCases {
            result.merge(try candidates(db, query: query, userID: userID, lang: lang, now: now)) { first, _ in first }
        }
        return result
    }

    /// The target message ids of the task types one candidate query answers.
    func candidates(
        _ db: Database, query: CandidateQuery, userID: String, lang: String, now: Date
    ) throws -> [TaskType: [String]] {
        // Bound by position in the order SQLite numbers the `:name` parameters (first appearance): building and
        // filtering a dictionary of every named value per query hashed a dozen strings each time.
        let values = query.parameters.map { name -> SQLiteValue in
            switch name {
            case "u": return .text(userID)
            case "lang": return .text(lang)
            case "now": return .real(now.timeIntervalSince1970)
            case "lock": return .real(now.timeIntervalSince1970 - configuration.pendingTaskWindow)
            case "nPrompt": return .integer(configuration.numReviewsInitialPrompt)
            case "nReply": return .integer(configuration.numReviewsReply)
            case "depth": return .integer(configuration.maxTreeDepth)
            case "children": return .integer(configuration.maxChildrenCount)
            case "prompterChildren": return .integer(configuration.numPrompterReplies)
            case "goal": return .integer(configuration.goalTreeSize)
            case "nRank": return .integer(configuration.numRequiredRankings)
            case "rankPrompter": return .bool(configuration.rankPrompterReplies)
            default: return .text(nil)
            }
        }
        let rows = try db.rows(query.sql, values) { row in
            (
                id: row.text(0) ?? "", role: query.hasRole ? row.text(1) : nil,
                created: row.real(query.createdColumn) ?? 0
            )
        }
        return query.split(CandidateQuery.ordered(rows))
    }

    /// Builds the task for a target, stores it and returns it.
    func makeTask(
        _ db: Database, client: String, user: UserRecord, type: TaskType, target: String?, simple: Bool, now: Date
    ) throws -> OasstTask {
        let id = UUIDText.timeOrdered(at: now)
        let thread = try target.map { try self.thread(db, messageID: $0, viewer: user.id) } ?? []
        let conversation = Conversation(messages: thread)
        var replyIDs: [String] = []
        var validLabels: [String] = []
        var treeID: String?
        if let target {
            treeID = try db.firstRow("SELECT tree_id FROM message WHERE id = ?", [.text(target)]) { $0.text(0) } ?? nil
        }
        let task: OasstTask
        switch type {
        case .initialPrompt:
            task = .initialPrompt(InitialPromptTask(id: id))
        case .prompterReply:
            task = .prompterReply(PrompterReplyTask(id: id, conversation: conversation))
        case .assistantReply:
            task = .assistantReply(AssistantReplyTask(id: id, conversation: conversation))
        case .rankAssistantReplies, .rankPrompterReplies:
            guard let target, let treeID, let treeUUID = UUIDText.parse(treeID),
                let parentUUID = UUIDText.parse(target)
            else { throw ServerError.notAvailable(type) }
            let replies = try db.rows(
                Self.acceptedRepliesSQL, [.text(target)],
                read: { row in (id: row.text(0) ?? "", message: Self.message(row, viewer: user.id)) }
            ).shuffled()
            var messages: [ConversationMessage] = []
            for reply in replies {
                var message = try withReactions(db, reply.message, id: reply.id, viewer: user.id)
                message.synthetic = nil
                messages.append(message)
            }
            replyIDs = replies.map(\.id)
            let body = RankRepliesTask(
                id: id, conversation: conversation, replies: messages.map(\.text), replyMessages: messages,
                messageTreeID: treeUUID, rankingParentID: parentUUID, revealSynthetic: false)
            task = type == .rankAssistantReplies ? .rankAssistantReplies(body) : .rankPrompterReplies(body)
        case .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply:
            guard let target, let messageUUID = UUIDText.parse(target), let last = thread.last else {
                throw ServerError.notAvailable(type)
            }
            let labels: [LabelDescription]
            if simple {
                (validLabels, labels) = (LabelCatalog.simpleReply, LabelCatalog.simpleReplyDescriptions)
            } else if type == .labelAssistantReply {
                (validLabels, labels) = (LabelCatalog.fullAssistant, LabelCatalog.fullAssistantDescriptions)
            } else {
                (validLabels, labels) = (LabelCatalog.fullPrompt, LabelCatalog.fullPromptDescriptions)
            }
            let mode = simple ? "simple" : "full"
            let disposition = simple ? "spam" : "quality"
            let body = LabelingTask(
                id: id, messageID: messageUUID, validLabels: validLabels, mandatoryLabels: LabelCatalog.mandatory,
                mode: mode, disposition: disposition, labels: labels, conversation: conversation, text: last.text)
            if type == .labelInitialPrompt {
                task = .labelInitialPrompt(body)
            } else {
                task = type == .labelAssistantReply ? .labelAssistantReply(body) : .labelPrompterReply(body)
            }
        case .random, .rankInitialPrompts, .summarizeStory, .rateSummary, .replyToConversation,
            .rankConversationReplies, .labelConversationReply:
            throw ServerError.notAvailable(type)
        }
        try db.run(
            """
            INSERT INTO task (id, api_client, user_id, type, created_date, expiry_date, target_message_id, tree_id,
                reply_ids, valid_labels)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(UUIDText.lowercased(id)), .text(client), .text(user.id), .text(type.rawValue),
                .real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970 + configuration.taskValidity),
                .text(target), .text(treeID), .text(replyIDs.isEmpty ? nil : TaskRecord.json(replyIDs)),
                .text(validLabels.isEmpty ? nil : TaskRecord.json(validLabels)),
            ])
        return task
    }

    /// The message columns `message(_:viewer:)` reads, in the order it reads them.
    static let threadColumns = "id, parent_id, user_id, frontend_message_id, text, lang, role, synthetic"

    /// A message's accepted replies, with `threadColumns` (built once).
    static let acceptedRepliesSQL =
        "SELECT \(threadColumns) FROM message WHERE parent_id = ? AND deleted = 0 AND review_result = 1"
    /// One message by id, with `threadColumns` (built once).
    static let threadMessageSQL = "SELECT \(threadColumns) FROM message WHERE id = ?"

    /// A message's reactions: emoji and whether it is the viewer's (first argument), by message id.
    static let reactionsSQL = "SELECT emoji, user_id = ? FROM reaction WHERE message_id = ?"

    /// The thread from the root to `messageID`, as seen by `viewer`.
    func thread(_ db: Database, messageID: String, viewer: String) throws -> [ConversationMessage] {
        var messages: [ConversationMessage] = []
        var next: String? = messageID
        while let id = next, messages.count < 1000 {
            guard
                let (message, parent) = try db.firstRow(
                    Self.threadMessageSQL, [.text(id)],
                    read: { row in (Self.message(row, viewer: viewer), row.text(1)) })
            else {
                break
            }
            messages.append(try withReactions(db, message, id: id, viewer: viewer))
            next = parent
        }
        return messages.reversed()
    }

    /// One message row (selected with `threadColumns`) as a `ConversationMessage` for `viewer`, without its
    /// reactions (`withReactions`).
    static func message(_ row: SQLiteRow, viewer: String) -> ConversationMessage {
        let author = row.text(2)
        return ConversationMessage(
            id: row.text(0).flatMap(UUIDText.parse) ?? UUIDText.random(), userID: author.flatMap(UUIDText.parse),
            frontendMessageID: row.text(3), text: row.text(4) ?? "", lang: row.text(5),
            isAssistant: row.text(6) == "assistant", emojis: [:], userEmojis: [], userIsAuthor: author == viewer,
            synthetic: row.bool(7))
    }

    /// The message with its reaction counts and `viewer`'s own reactions (`id` is its stored id).
    func withReactions(
        _ db: Database, _ message: ConversationMessage, id: String, viewer: String
    ) throws -> ConversationMessage {
        var message = message
        // One plain read of the message's reactions, grouped in Swift (`ReactionTally`).
        let rows = try db.rows(Self.reactionsSQL, [.text(viewer), .text(id)]) { row in
            (emoji: row.text(0) ?? "", mine: row.bool(1) ?? false)
        }
        for reaction in ReactionTally.groups(rows) {
            message.emojis[reaction.emoji] = reaction.count
            if reaction.mine { message.userEmojis.append(reaction.emoji) }
        }
        return message
    }
}
