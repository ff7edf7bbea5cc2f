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

extension AckRequest: JSONWritable {
    /// Writes `{"message_id": …}`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("message_id")
        writer.string(messageID)
        writer.endObject()
    }
}
