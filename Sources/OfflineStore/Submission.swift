import Foundation

/// What the app hands to `OfflineStore.submit`: the finished interaction for a task stored earlier.
public struct Submission: Sendable, Equatable {
    /// The server's task id (the task must have been stored with `storeTask`).
    public var taskId: String
    /// The interaction body to send; for text and ranking answers its `message_id` must be the task's ack id.
    public var interactionJSON: Data
    /// The text answer's `user_message_id` (a fresh lower-case UUID), if the answer is text.
    public var userMessageId: String?

    /// Creates a submission.
    public init(taskId: String, interactionJSON: Data, userMessageId: String? = nil) {
        self.taskId = taskId
        self.interactionJSON = interactionJSON
        self.userMessageId = userMessageId
    }
}
