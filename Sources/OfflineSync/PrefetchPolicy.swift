/// How many tasks to keep ready for offline work, and for whom.
public struct PrefetchPolicy: Sendable, Equatable {
    /// Tasks to keep ready (default 3).
    public var target: Int
    /// The server's pending-task cap per user (8 tasks from the last 300 s, PROTOCOL.md §6).
    public var pendingCap: Int
    /// Slots left free under the cap for the contributor's own explicit requests.
    public var reservedSlots: Int
    /// The task type to request (`random` by default).
    public var taskType: String
    /// The language to request.
    public var lang: String?

    /// Creates a policy.
    public init(
        target: Int = 3, pendingCap: Int = 8, reservedSlots: Int = 1, taskType: String = "random", lang: String? = "en"
    ) {
        self.target = target
        self.pendingCap = pendingCap
        self.reservedSlots = reservedSlots
        self.taskType = taskType
        self.lang = lang
    }
}
