/// The `type` discriminator of the four interaction bodies sent to `POST /tasks/interaction`.
public enum InteractionType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Answers the three writing tasks.
    case textReplyToMessage = "text_reply_to_message"
    /// Answers `rate_summary` (never handed out).
    case messageRating = "message_rating"
    /// Answers the two reply-ranking tasks.
    case messageRanking = "message_ranking"
    /// Answers the three label tasks (and free labelling).
    case textLabels = "text_labels"

    /// The body fields this type has (for telling which 422 entries concern it).
    public var fieldNames: Set<String> {
        switch self {
        case .textReplyToMessage: return ["type", "user", "message_id", "user_message_id", "text", "lang"]
        case .messageRating: return ["type", "user", "message_id", "rating"]
        case .messageRanking: return ["type", "user", "message_id", "ranking", "not_rankable"]
        case .textLabels: return ["type", "user", "message_id", "text", "labels", "task_id", "is_report", "lang"]
        }
    }
}
