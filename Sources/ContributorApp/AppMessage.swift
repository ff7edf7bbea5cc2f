import OasstProtocol
import TerminalUI

/// Everything that can change the app's state: terminal input and the results of effects.
public enum AppMessage: Equatable, Sendable {
    /// A key, paste, mouse action or resize from the terminal.
    case input(InputEvent)
    /// Answer to `fetchAvailability`: counts per task type.
    case availabilityLoaded(TaskAvailability)
    /// Answer to `fetchAvailability` when it failed.
    case availabilityFailed(AppError)
    /// Answer to `fetchTask` (or a task restored from the store): the task, the ack id already
    /// stored for it (nil = the app makes one), and a saved draft to restore.
    case taskLoaded(OasstTask, ackID: String?, draft: String?)
    /// Answer to `fetchTask` when it failed (no tasks, rate limit, offline, …).
    case taskFailed(AppError)
    /// Answer to `enqueueSubmission`/`enqueueReport`: committed to the outbox under this ack id.
    case submissionQueued(ackID: String)
    /// Answer to `enqueueSubmission`/`enqueueReport` when the store refused it.
    case submissionFailed(AppError)
    /// Answer to `nackTask` when it could not be sent (shown; the next task still loads).
    case nackFailed(AppError)
    /// Answer to `openExternalEditor`: the new text, or nil when unchanged (empty file, non-zero exit).
    case editorReturned(String?)
    /// Answer to `openExternalEditor` when the editor failed to run.
    case editorFailed(AppError)
    /// Connectivity changed (sent by the runner whenever a call succeeds or fails to connect).
    case connectivityChanged(ConnectionStatus)
    /// The outbox changed (answer to `openQueue`, `retryQueueItem`, `flushQueue`, and on any change).
    case queueChanged(QueueStatus)
    /// A held submission came back from the outbox (shown with its reason).
    case submissionHeld(AppError)
    /// A line of information for the contributor (an export path, why a recall was refused).
    case info(String)
    /// The server's settings, fetched after the first frame when the UI started from cached work.
    case settingsLoaded(messageSizeLimit: Int)
    /// Time passed (about once a second): debounced draft saves and "offline 4m" use it.
    case tick
}
