/// `message_ranking`: the answer to the reply-ranking tasks.
public struct MessageRankingInteraction: Codable, Sendable, Equatable, Hashable {
    /// The task's ack id.
    public var messageID: String
    /// Indexes into `reply_messages` as delivered, best first; a permutation of `0..<n`.
    public var ranking: [Int]
    /// Every reply is flawed (a full permutation is still required).
    public var notRankable: Bool
    /// The task's owner.
    public var user: User

    /// Creates the answer.
    public init(messageID: String, ranking: [Int], notRankable: Bool = false, user: User) {
        self.messageID = messageID
        self.ranking = ranking
        self.notRankable = notRankable
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case ranking, user
        case messageID = "message_id"
        case notRankable = "not_rankable"
    }

    /// Decodes the answer; a missing `not_rankable` is `false`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try c.decode(String.self, forKey: .messageID)
        ranking = try c.decode([Int].self, forKey: .ranking)
        notRankable = try c.decodeIfPresent(Bool.self, forKey: .notRankable) ?? false
        user = try c.decode(User.self, forKey: .user)
    }
}

extension MessageRankingInteraction {
    /// Writes the members and `type`, names sorted, inside an object `Interaction` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("message_id")
        writer.string(messageID)
        writer.key("not_rankable")
        writer.bool(notRankable)
        writer.key("ranking")
        writer.beginArray()
        for position in ranking { writer.int(position) }
        writer.endArray()
        writer.key("type")
        writer.string(typeName)
        writer.key("user")
        writer.value(user)
    }
}
