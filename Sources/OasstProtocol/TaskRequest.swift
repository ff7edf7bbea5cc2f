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
