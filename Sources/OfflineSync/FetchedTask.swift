import Foundation

/// A task as a task request returned it: its id, type and the JSON to store.
public struct FetchedTask: Sendable, Equatable {
    /// The server's task id.
    public var taskId: String
    /// The task's `type`.
    public var taskType: String
    /// The task JSON as received.
    public var json: Data

    /// Creates a fetched task.
    public init(taskId: String, taskType: String, json: Data) {
        self.taskId = taskId
        self.taskType = taskType
        self.json = json
    }
}
