import OasstProtocol

/// What the runner knows before the UI starts: who works, where, in which language.
public struct AppConfiguration: Equatable, Sendable {
    /// Shown in the status bar: a host name, or `local` for the embedded server.
    public var serverName: String
    /// The contributor (sent in every interaction).
    public var user: User
    /// BCP 47 language of the task pool and of written replies.
    public var lang: String
    /// The server's `MESSAGE_SIZE_LIMIT` (characters as Unicode scalars).
    public var messageSizeLimit: Int
    /// The task kind preselected on the start screen (`random` by default).
    public var initialKind: TaskType

    /// Creates a configuration.
    public init(
        serverName: String = "local", user: User, lang: String = "en", messageSizeLimit: Int = 2000,
        initialKind: TaskType = .random
    ) {
        self.serverName = serverName
        self.user = user
        self.lang = lang
        self.messageSizeLimit = messageSizeLimit
        self.initialKind = initialKind
    }
}
