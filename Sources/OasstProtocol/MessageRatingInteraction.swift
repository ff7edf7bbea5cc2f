/// `message_rating`: the answer to `rate_summary` (never handed out).
public struct MessageRatingInteraction: Codable, Sendable, Equatable, Hashable {
    /// Id of the rated message.
    public var messageID: String
    /// Rating, > 0.
    public var rating: Int
    /// The task's owner.
    public var user: User

    /// Creates the answer.
    public init(messageID: String, rating: Int, user: User) {
        self.messageID = messageID
        self.rating = rating
        self.user = user
    }

    enum CodingKeys: String, CodingKey {
        case rating, user
        case messageID = "message_id"
    }
}

extension MessageRatingInteraction {
    /// Writes the members and `type`, names sorted, inside an object `Interaction` opened.
    func writeMembers(to writer: inout JSONWriter, typeName: String) {
        writer.key("message_id")
        writer.string(messageID)
        writer.key("rating")
        writer.int(rating)
        writer.key("type")
        writer.string(typeName)
        writer.key("user")
        writer.value(user)
    }
}
