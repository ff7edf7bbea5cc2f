import Foundation

/// An autosaved, unsent answer for one task (reply text, label values or ranking order as app-defined JSON).
public struct Draft: Sendable, Equatable {
    /// The task it belongs to.
    public var taskId: String
    /// The app's JSON for the unfinished answer.
    public var contentJSON: Data
    /// When it was last saved.
    public var updatedAt: Date

    /// Creates a draft value.
    public init(taskId: String, contentJSON: Data, updatedAt: Date) {
        self.taskId = taskId
        self.contentJSON = contentJSON
        self.updatedAt = updatedAt
    }
}
