import GRDB
import OasstProtocol

/// The four hand-out queries: each finds, for one user, the target messages of one or two task kinds. A task
/// request runs only the queries of the kinds it draws (`ServerStore.requestTask`); availability runs all four.
///
/// The queries start from the few trees in the wanted state (CROSS JOIN fixes that order) and look tasks up by
/// target message (`+t.user_id` keeps SQLite from scanning all of the user's tasks per message instead).
/// Likewise `+c.user_id` looks a message's replies up by parent: through the (user_id, …) indexes SQLite read every
/// message the user ever wrote, once per candidate, and the reply and ranking queries slowed down as the user worked
/// (131 µs and 109 µs per query after ~2,000 messages; 33 µs and 44 µs by parent).
enum CandidateQuery: CaseIterable, Hashable, Sendable {
    /// `label_initial_prompt`: prompts in review.
    case promptLabels
    /// `label_assistant_reply` / `label_prompter_reply`: unreviewed replies of growing and ranking trees.
    case replyLabels
    /// `assistant_reply` / `prompter_reply`: accepted messages of growing trees with room for a reply.
    case replyParents
    /// `rank_assistant_replies` / `rank_prompter_replies`: parents in ranking trees that need more rankings.
    case rankParents

    /// The query answering a task kind (nil for kinds without a target, such as `initial_prompt`).
    static func query(for type: TaskType) -> CandidateQuery? {
        switch type {
        case .labelInitialPrompt: return .promptLabels
        case .labelAssistantReply, .labelPrompterReply: return .replyLabels
        case .assistantReply, .prompterReply: return .replyParents
        case .rankAssistantReplies, .rankPrompterReplies: return .rankParents
        case .initialPrompt, .random, .rankInitialPrompts, .summarizeStory, .rateSummary, .replyToConversation,
            .rankConversationReplies, .labelConversationReply:
            return nil
        }
    }

    /// The SQL text (built once).
    var sql: String {
        switch self {
        case .promptLabels: return Self.promptLabelsSQL
        case .replyLabels: return Self.replyLabelsSQL
        case .replyParents: return Self.replyParentsSQL
        case .rankParents: return Self.rankParentsSQL
        }
    }

    /// The query's distinct `:name` parameters in the order SQLite numbers them (first appearance), for binding
    /// by position.
    var parameters: [String] {
        switch self {
        case .promptLabels: return Self.promptLabelsParameters
        case .replyLabels: return Self.replyLabelsParameters
        case .replyParents: return Self.replyParentsParameters
        case .rankParents: return Self.rankParentsParameters
        }
    }

    private static let promptLabelsParameters = parameterOrder(promptLabelsSQL)
    private static let replyLabelsParameters = parameterOrder(replyLabelsSQL)
    private static let replyParentsParameters = parameterOrder(replyParentsSQL)
    private static let rankParentsParameters = parameterOrder(rankParentsSQL)

    /// The distinct `:name` parameters of an SQL text in order of first appearance.
    static func parameterOrder(_ sql: String) -> [String] {
        var names: [String] = []
        var current: [UInt8] = []
        var inName = false
        func finish() {
            guard inName, !current.isEmpty else { return }
            let name = String(decoding: current, as: UTF8.self)
            if !names.contains(name) { names.append(name) }
        }
        for byte in sql.utf8 {
            let isNameByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
            if inName && isNameByte {
                current.append(byte)
                continue
            }
            finish()
            inName = byte == UInt8(ascii: ":")
            current.removeAll(keepingCapacity: true)
        }
        finish()
        return names
    }

    /// The column holding the message's `created_date` (the last one; rows are put in its order in Swift, see
    /// `ordered`).
    var createdColumn: Int32 { hasRole ? 2 : 1 }

    /// Whether the query selects `role` after `id` (the queries that answer two kinds).
    var hasRole: Bool {
        switch self {
        case .promptLabels: return false
        case .replyLabels, .replyParents, .rankParents: return true
        }
    }

    /// Rows in `created_date` order, rows with equal dates in the order SQLite returned them. The queries used to end in
    /// `ORDER BY m.created_date`, which made SQLite build a temporary b-tree for every run (zeroing a fresh page for
    /// it); the candidates are a handful of rows.
    static func ordered(_ rows: [(id: String, role: String?, created: Double)]) -> [(id: String, role: String?)] {
        rows.enumerated().sorted { a, b in
            a.element.created != b.element.created ? a.element.created < b.element.created : a.offset < b.offset
        }.map { (id: $0.element.id, role: $0.element.role) }
    }

    /// Target ids per kind from the query's rows (`id`, then `role` when `hasRole`), in row order.
    func split(_ rows: [(id: String, role: String?)]) -> [TaskType: [String]] {
        func ids(role: String) -> [String] {
            rows.filter { $0.role == role }.map(\.id)
        }
        switch self {
        case .promptLabels:
            return [.labelInitialPrompt: rows.map(\.id)]
        case .replyLabels:
            return [.labelAssistantReply: ids(role: "assistant"), .labelPrompterReply: ids(role: "prompter")]
        case .replyParents:
            return [.assistantReply: ids(role: "prompter"), .prompterReply: ids(role: "assistant")]
        case .rankParents:
            return [.rankAssistantReplies: ids(role: "prompter"), .rankPrompterReplies: ids(role: "assistant")]
        }
    }

    private static let ownOpen = """
        NOT EXISTS (SELECT 1 FROM task t WHERE t.target_message_id = m.id AND +t.user_id = :u AND t.done = 0
            AND t.skipped = 0 AND t.expiry_date > :now)
        """

    private static func openTasks(_ types: String) -> String {
        """
        (SELECT COUNT(*) FROM task t WHERE t.target_message_id = m.id AND +t.type IN (\(types))
            AND t.done = 0 AND t.skipped = 0 AND t.created_date > :lock)
        """
    }

    private static func skipped(_ emoji: String) -> String {
        "NOT EXISTS (SELECT 1 FROM reaction r WHERE r.message_id = m.id AND r.user_id = :u AND r.emoji = '\(emoji)')"
    }

    private static let labelled = """
        NOT EXISTS (SELECT 1 FROM text_label l WHERE l.message_id = m.id AND l.user_id = :u
            AND l.task_id IS NOT NULL)
        """

    private static let live = "c.deleted = 0 AND (c.review_result IS NULL OR c.review_result = 1)"
    private static let accepted = "c.deleted = 0 AND c.review_result = 1"

    private static let promptLabelsSQL = """
        SELECT m.id, m.created_date FROM message_tree mt CROSS JOIN message m ON m.tree_id = mt.id
        WHERE mt.state = 'initial_prompt_review' AND mt.lang = :lang AND m.parent_id IS NULL
        AND m.deleted = 0 AND m.review_result IS NULL AND IFNULL(m.user_id, '') != :u
        AND m.review_count + \(openTasks("'label_initial_prompt'")) < :nPrompt
        AND \(labelled) AND \(skipped("_skip_labeling")) AND \(ownOpen)
        """

    private static let replyLabelsSQL = """
        SELECT m.id, m.role, m.created_date FROM message_tree mt CROSS JOIN message m ON m.tree_id = mt.id
        WHERE mt.state IN ('growing', 'ranking') AND mt.lang = :lang AND m.parent_id IS NOT NULL
        AND m.deleted = 0 AND m.review_result IS NULL AND IFNULL(m.user_id, '') != :u
        AND m.review_count + \(openTasks("'label_assistant_reply', 'label_prompter_reply'")) < :nReply
        AND \(labelled) AND \(skipped("_skip_labeling")) AND \(ownOpen)
        """

    private static let replyParentsSQL = """
        SELECT m.id, m.role, m.created_date FROM message_tree mt CROSS JOIN message m ON m.tree_id = mt.id
        WHERE mt.state = 'growing' AND mt.lang = :lang AND m.review_result = 1 AND m.deleted = 0
        AND m.depth < :depth
        AND (SELECT COUNT(*) FROM message c WHERE c.parent_id = m.id AND \(live))
            < CASE m.role WHEN 'prompter' THEN :children ELSE :prompterChildren END
        AND \(openTasks("'assistant_reply', 'prompter_reply'")) = 0
        AND NOT EXISTS (SELECT 1 FROM message c WHERE c.parent_id = m.id AND +c.user_id = :u AND c.deleted = 0)
        AND \(skipped("_skip_reply")) AND \(ownOpen)
        AND (SELECT COUNT(*) FROM message c WHERE c.tree_id = mt.id AND \(live))
            + (SELECT COUNT(*) FROM task t WHERE t.tree_id = mt.id
                AND +t.type IN ('assistant_reply', 'prompter_reply') AND t.done = 0 AND t.skipped = 0
                AND t.created_date > :lock) < :goal
        """

    private static let rankParentsSQL = """
        SELECT m.id, m.role, m.created_date FROM message_tree mt CROSS JOIN message m ON m.tree_id = mt.id
        WHERE mt.state = 'ranking' AND mt.lang = :lang AND m.deleted = 0 AND m.review_result = 1
        AND (SELECT COUNT(*) FROM message c WHERE c.parent_id = m.id AND \(accepted)) >= 2
        AND (:rankPrompter OR m.role = 'prompter')
        AND (SELECT COUNT(*) FROM ranking r WHERE r.parent_id = m.id)
            + \(openTasks("'rank_assistant_replies', 'rank_prompter_replies'")) < :nRank
        AND NOT EXISTS (SELECT 1 FROM message c WHERE c.parent_id = m.id AND +c.user_id = :u AND \(accepted))
        AND NOT EXISTS (SELECT 1 FROM ranking r WHERE r.parent_id = m.id AND r.user_id = :u)
        AND \(skipped("_skip_ranking")) AND \(ownOpen)
        """
}
