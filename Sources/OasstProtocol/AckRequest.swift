/// Body of `POST /api/v1/tasks/{task_id}/ack`: binds the client's ack id to the task
/// (also the shape of the never-used `/tasks/close`).
public struct AckRequest: Codable, Sendable, Equatable, Hashable {
    /// The ack id: a client-generated, persisted, lower-case UUID string; never empty.
    public var messageID: String

    /// Creates the body.
    public init(messageID: String) {
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
    }
}
