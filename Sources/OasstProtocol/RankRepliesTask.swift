import Foundation

/// `rank_assistant_replies` and `rank_prompter_replies` (same shape): order sibling replies best first.
/// Encodes without `type` (see `OasstTask`).
public struct RankRepliesTask: Codable, Sendable, Equatable, Hashable {
    /// Task id.
    public var id: UUID
    /// The thread up to and including the ranking parent.
    public var conversation: Conversation
    /// Deprecated: the reply texts, same order as `replyMessages`.
    public var replies: [String]
    /// The replies to rank, in the delivered (random) order that `ranking` indexes refer to.
    public var replyMessages: [ConversationMessage]
    /// Tree id (= id of its root prompt).
    public var messageTreeID: UUID
    /// Id of the replies' parent (the last conversation message).
    public var rankingParentID: UUID
    /// Whether a "synthetic" badge may be shown.
    public var revealSynthetic: Bool

    /// Creates the task.
    public init(
        id: UUID, conversation: Conversation, replies: [String], replyMessages: [ConversationMessage],
        messageTreeID: UUID, rankingParentID: UUID, revealSynthetic: Bool
    ) {
        self.id = id
        self.conversation = conversation
        self.replies = replies
        self.replyMessages = replyMessages
        self.messageTreeID = messageTreeID
        self.rankingParentID = rankingParentID
        self.revealSynthetic = revealSynthetic
    }

    enum CodingKeys: String, CodingKey {
        case id, conversation, replies
        case replyMessages = "reply_messages"
        case messageTreeID = "message_tree_id"
        case rankingParentID = "ranking_parent_id"
        case revealSynthetic = "reveal_synthetic"
    }

    /// Decodes the task from any decoder.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes every field, UUIDs in lower case.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode(conversation, forKey: .conversation)
        try c.encode(replies, forKey: .replies)
        try c.encode(replyMessages, forKey: .replyMessages)
        try c.encodeUUID(messageTreeID, forKey: .messageTreeID)
        try c.encodeUUID(rankingParentID, forKey: .rankingParentID)
        try c.encode(revealSynthetic, forKey: .revealSynthetic)
    }
}

extension RankRepliesTask: JSONTapeDecodable {
    /// Reads the value from parsed JSON.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let r = try JSONObjectReader<CodingKeys>(json, codingPath: codingPath)
        id = try r.uuid(.id)
        conversation = try r.nested(Conversation.self, .conversation)
        replies = try r.strings(.replies)
        replyMessages = try r.array(of: ConversationMessage.self, .replyMessages)
        messageTreeID = try r.uuid(.messageTreeID)
        rankingParentID = try r.uuid(.rankingParentID)
        revealSynthetic = try r.bool(.revealSynthetic)
    }
}

extension RankRepliesTask {
    /// Writes the members and `type`, names sorted, inside an object `OasstTask` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("conversation")
        writer.value(conversation)
        writer.key("id")
        writer.uuid(id)
        writer.key("message_tree_id")
        writer.uuid(messageTreeID)
        writer.key("ranking_parent_id")
        writer.uuid(rankingParentID)
        writer.key("replies")
        writer.strings(replies)
        writer.key("reply_messages")
        writer.array(replyMessages)
        writer.key("reveal_synthetic")
        writer.bool(revealSynthetic)
        writer.key("type")
        writer.string(typeName)
    }
}
