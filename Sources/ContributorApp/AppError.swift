/// A failure as the contributor sees it: what happened and what to do next, as words. The runner
/// turns client and store errors into these; the app never shows raw error bodies.
public struct AppError: Error, Equatable, Sendable {
    /// What kind of failure, for the app's reaction (back to the start screen, wait, …).
    public enum Kind: Equatable, Sendable {
        /// Too many task requests; retry after this many seconds.
        case rateLimited(seconds: Int)
        /// Nothing of the requested kind is available right now.
        case noTasks
        /// The server could not be reached; work stays queued.
        case offline
        /// A submission was held (kept, not sent) for the given reason.
        case held
        /// Configuration or identity problem (API key, user, terms of service).
        case configuration
        /// Anything else.
        case other
    }

    /// The kind.
    public var kind: Kind
    /// What happened (may hold server text: sanitised when drawn).
    public var text: String
    /// What the contributor can do next.
    public var nextStep: String

    /// Creates an error.
    public init(kind: Kind, text: String, nextStep: String) {
        self.kind = kind
        self.text = text
        self.nextStep = nextStep
    }

    /// Rate limit (429): says when to try again.
    public static func rateLimited(seconds: Int) -> AppError {
        AppError(
            kind: .rateLimited(seconds: seconds), text: "Too many task requests for now.",
            nextStep: "Try again in \(seconds) s, or pick another kind of task.")
    }

    /// No task of the kind (503 / 1006).
    public static func noTasks(_ kind: String) -> AppError {
        AppError(
            kind: .noTasks, text: "No \(kind) tasks are available for you right now.",
            nextStep: "Pick another kind (random takes any), or try again later.")
    }

    /// Connection failure.
    public static func offline(_ detail: String = "The server cannot be reached.") -> AppError {
        AppError(kind: .offline, text: detail, nextStep: "Your work stays queued and is sent once online (Q shows it).")
    }

    /// A held submission.
    public static func held(_ reason: String) -> AppError {
        AppError(
            kind: .held, text: "A submission was held: \(reason)", nextStep: "Press Q to recall, export or discard it.")
    }
}
