import OasstProtocol

/// Side effects as values: the runner performs them off the UI thread and answers with an `AppMessage`.
public enum AppEffect: Equatable, Sendable {
    /// Load task counts → `.availabilityLoaded` or `.availabilityFailed`.
    case fetchAvailability(lang: String)
    /// Request one task → `.taskLoaded(task, ackID: nil, draft: nil)` or `.taskFailed`.
    case fetchTask(type: TaskType, lang: String)
    /// Store an answer durably (ack with `ackID`, then send `interaction`) → `.submissionQueued(ackID:)`
    /// once committed, or `.submissionFailed`.
    case enqueueSubmission(task: OasstTask, ackID: String, interaction: Interaction)
    /// Store a report (free `text_labels` with `is_report`, no task) → `.submissionQueued(ackID:)` with the
    /// given id, or `.submissionFailed`.
    case enqueueReport(reportID: String, interaction: Interaction)
    /// Skip the task (nack, reason ≤ 512 scalars or nil for `{}`) → nothing, or `.nackFailed`.
    case nackTask(task: OasstTask, reason: String?)
    /// Save the draft of the task (debounced by the app) → nothing.
    case saveDraft(taskID: String, draft: String)
    /// Remove the draft of a task that was submitted or skipped → nothing.
    case discardDraft(taskID: String)
    /// Suspend the UI and edit `text` in `$VISUAL`/`$EDITOR` → `.editorReturned` or `.editorFailed`.
    case openExternalEditor(text: String)
    /// Load the outbox items for the queue view → `.queueChanged`.
    case openQueue
    /// Retry one outbox item now → `.queueChanged`.
    case retryQueueItem(id: String)
    /// Take a queued or held item back for editing → `.taskLoaded(task, ackID: its ack id, draft: its text)`
    /// and `.queueChanged`, or `.info` saying why not (it is being sent).
    case recallQueueItem(id: String)
    /// Write the item's text to a file → `.info("Written to PATH")`.
    case exportQueueItem(id: String)
    /// Drop the item for good (the contributor confirmed) → `.queueChanged`.
    case discardQueueItem(id: String)
    /// Send everything queued now → `.queueChanged`.
    case flushQueue
    /// Repaint the whole terminal (C-l), not just the diff → nothing.
    case redrawScreen
    /// Leave the UI (the draft was saved by an effect before this one) → nothing.
    case quit
}
