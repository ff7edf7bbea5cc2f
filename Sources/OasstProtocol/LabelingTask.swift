import Foundation

/// What every label task has in common (`label_initial_prompt`, `label_prompter_reply`, `label_assistant_reply`).
public protocol LabelingTask: Sendable {
    /// Task id (sent as `task_id` in the answer).
    var id: UUID { get }
    /// UUID of the labelled message (sent as `message_id` in the answer) = the last conversation message.
    var messageID: UUID { get }
    /// Label names allowed in the answer.
    var validLabels: [String] { get }
    /// Label names that must be in the answer.
    var mandatoryLabels: [String] { get }
    /// `full` or `simple`.
    var mode: String? { get }
    /// `quality` (full mode) or `spam` (simple mode); informational.
    var disposition: String? { get }
    /// One description per valid label, in `validLabels` order.
    var labels: [LabelDescription] { get }
    /// The thread, labelled message last.
    var conversation: Conversation { get }
}

extension LabelingTask {
    /// Whether the server asked for the reduced (simple, "Classify …") label set.
    public var isSimpleMode: Bool { mode == "simple" }
}
