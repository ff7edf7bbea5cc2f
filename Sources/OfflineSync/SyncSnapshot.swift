import Foundation
import OfflineStore

/// What the status bar and queue view show: connectivity plus queue counts, published on every change.
public struct SyncSnapshot: Sendable, Equatable {
    /// Reachability of the server.
    public var connectivity: Connectivity
    /// Outbox and cache counts.
    public var counts: QueueCounts
    /// The earliest next try of a pending item.
    public var nextTry: Date?

    /// Creates a snapshot.
    public init(connectivity: Connectivity, counts: QueueCounts, nextTry: Date?) {
        self.connectivity = connectivity
        self.counts = counts
        self.nextTry = nextTry
    }
}
