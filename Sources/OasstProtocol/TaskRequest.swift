/// Body of `POST /api/v1/tasks/`: which kind of task, for whom, in which language pool.
public struct TaskRequest: Codable, Sendable, Equatable, Hashable {
    /// Requested type; `random` lets the server pick.
    public var type: TaskType
    /// The contributor (becomes the task's owner).
    public var user: User
    /// BCP 47 language pool; `nil` is absent (server uses `en`).
    public var lang: String?
    /// Must stay `false` or absent; absent when `nil`.
    public var collective: Bool?

    /// Creates a request.
    public init(type: TaskType = .random, user: User, lang: String? = nil, collective: Bool? = nil) {
        self.type = type
        self.user = user
        self.lang = lang
        self.collective = collective
    }
}

extension TaskRequest: JSONWritable {
    /// Writes the members in sorted order, leaving out the absent ones as the synthesized encoding does.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let collective {
            writer.key("collective")
            writer.bool(collective)
        }
        if let lang {
            writer.key("lang")
            writer.string(lang)
        }
        writer.key("type")
        writer.string(type.rawValue)
        writer.key("user")
        writer.value(user)
        writer.endObject()
    }
}
