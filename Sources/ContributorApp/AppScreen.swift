/// Which screen is shown under any overlay.
public enum AppScreen: Equatable, Sendable {
    /// Choosing a task kind.
    case start
    /// Waiting for a task of the chosen kind.
    case loading
    /// Working on the current task.
    case task
    /// The queue (outbox) view.
    case queue
}
