/// One body for `POST /api/v1/tasks/interaction`, encoded with its `type` discriminator.
public enum Interaction: Codable, Sendable, Equatable, Hashable {
    /// `text_reply_to_message`.
    case textReplyToMessage(TextReplyInteraction)
    /// `message_rating`.
    case messageRating(MessageRatingInteraction)
    /// `message_ranking`.
    case messageRanking(MessageRankingInteraction)
    /// `text_labels`.
    case textLabels(TextLabelsInteraction)

    private enum TypeKey: String, CodingKey {
        case type
    }

    /// Decodes by `type`; an unknown type is an error (the server answers 422 to it as well).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let name = try container.decode(String.self, forKey: .type)
        guard let type = InteractionType(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown interaction type '\(name.prefix(64))'")
        }
        switch type {
        case .textReplyToMessage: self = .textReplyToMessage(try TextReplyInteraction(from: decoder))
        case .messageRating: self = .messageRating(try MessageRatingInteraction(from: decoder))
        case .messageRanking: self = .messageRanking(try MessageRankingInteraction(from: decoder))
        case .textLabels: self = .textLabels(try TextLabelsInteraction(from: decoder))
        }
    }

    /// Encodes the payload plus `type`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .textReplyToMessage(let body): try body.encode(to: encoder)
        case .messageRating(let body): try body.encode(to: encoder)
        case .messageRanking(let body): try body.encode(to: encoder)
        case .textLabels(let body): try body.encode(to: encoder)
        }
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type.rawValue, forKey: .type)
    }

    /// The discriminator.
    public var type: InteractionType {
        switch self {
        case .textReplyToMessage: return .textReplyToMessage
        case .messageRating: return .messageRating
        case .messageRanking: return .messageRanking
        case .textLabels: return .textLabels
        }
    }

    /// The user the answer is sent for (must be the task's owner).
    public var user: User {
        switch self {
        case .textReplyToMessage(let body): return body.user
        case .messageRating(let body): return body.user
        case .messageRanking(let body): return body.user
        case .textLabels(let body): return body.user
        }
    }

    /// The `message_id` as sent: an ack id, or the labelled message's UUID for labels.
    public var messageID: String {
        switch self {
        case .textReplyToMessage(let body): return body.messageID
        case .messageRating(let body): return body.messageID
        case .messageRanking(let body): return body.messageID
        case .textLabels(let body): return UUIDText.lowercased(body.messageID)
        }
    }
}

extension Interaction {
    /// Writes the interaction with `JSONWriter`; `false` for labels with a non-finite value, which `OasstJSON` leaves
    /// to `JSONEncoder` (it throws for them).
    func write(to writer: inout JSONWriter) -> Bool {
        let name = type.rawValue
        writer.beginObject()
        switch self {
        case .textReplyToMessage(let body): body.writeMembers(to: &writer, typeName: name)
        case .messageRating(let body): body.writeMembers(to: &writer, typeName: name)
        case .messageRanking(let body): body.writeMembers(to: &writer, typeName: name)
        case .textLabels(let body):
            // JSON has no non-finite numbers: `JSONEncoder` throws for them, and so does `OasstJSON.encode`.
            guard body.labels.values.allSatisfy(\.isFinite) else { return false }
            body.writeMembers(to: &writer, typeName: name)
        }
        writer.endObject()
        return true
    }
}
