import Foundation
import OasstProtocol

/// One queued answer as stored: what to send, for whom, and how delivery is going. Also the queue-view row.
public struct OutboxItem: Sendable, Equatable, Identifiable {
    /// Local id, increasing in creation order (the id `oasst queue drop ID` takes).
    public var id: Int64
    /// The server's task id.
    public var taskId: String
    /// The task's `type` (e.g. `assistant_reply`), for the queue view.
    public var taskType: String
    /// The client-generated lower-case UUID bound to the task by ack; reused on every retry.
    public var ackId: String
    /// The client UUID of the message a text answer creates, when the answer is text.
    public var userMessageId: String?
    /// The identity the task was fetched for; the answer is sent under it.
    public var user: User
    /// The task JSON as the server sent it.
    public var taskJSON: Data
    /// The interaction body to POST to `/tasks/interaction`.
    public var interactionJSON: Data
    /// When the contributor submitted it.
    public var createdAt: Date
    /// The last moment the server is expected to accept it (received + 2 days − margin).
    public var deadline: Date
    /// Delivery state.
    public var state: OutboxState
    /// Why it is held or failed (shown to the contributor).
    public var holdReason: String?
    /// How many sends were started.
    public var attempts: Int
    /// When the deliverer may try it next.
    public var nextTryAt: Date
    /// The last error seen (untrusted text: sanitise before showing).
    public var lastError: String?
    /// When the ack last returned 204.
    public var ackedAt: Date?
    /// When the server confirmed it.
    public var deliveredAt: Date?

    /// Seconds since submission, for the queue view.
    public func age(now: Date) -> TimeInterval { now.timeIntervalSince(createdAt) }
}
