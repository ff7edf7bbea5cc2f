import Foundation
import OasstProtocol

/// A task kept in the store: prefetched for offline work, or on screen, with its ack id and receipt time.
public struct CachedTask: Sendable, Equatable {
    /// The server's task id.
    public var taskId: String
    /// The task's `type`.
    public var taskType: String
    /// The task JSON as received.
    public var taskJSON: Data
    /// The identity it was fetched for.
    public var user: User
    /// The type that was requested (`random` or a specific type).
    public var requestedType: String
    /// The language that was requested.
    public var lang: String?
    /// When the response arrived (the server's expiry is about 2 days later).
    public var receivedAt: Date
    /// The lower-case UUID ack id, generated when the task was stored and never changed.
    public var ackId: String
    /// Where it is in its life.
    public var state: CachedTaskState
    /// The nack reason, while `skipping`.
    public var skipReason: String?

    /// When the client stops offering it: `receivedAt` + 2 days − `margin`.
    public func expiresAt(margin: TimeInterval) -> Date {
        receivedAt.addingTimeInterval(OfflineStore.taskValidity - margin)
    }
}
