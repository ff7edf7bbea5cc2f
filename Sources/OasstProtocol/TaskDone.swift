import Foundation

/// The 200 answer to an interaction: `{"id": <fresh uuid>, "type": "task_done"}` (never a next task).
public struct TaskDone: Codable, Sendable, Equatable, Hashable {
    /// A fresh random UUID related to nothing.
    public var id: UUID

    /// Creates the answer.
    public init(id: UUID) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey {
        case id, type
    }

    /// Decodes; `type` must be `task_done`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        guard type == "task_done" else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "expected task_done, got '\(type.prefix(64))'")
        }
        id = try c.decodeUUID(forKey: .id)
    }

    /// Encodes `id` and `type`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeUUID(id, forKey: .id)
        try c.encode("task_done", forKey: .type)
    }
}

extension TaskDone: JSONWritable {
    /// Writes the id and `type`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.uuid(id)
        writer.key("type")
        writer.string("task_done")
        writer.endObject()
    }
}
