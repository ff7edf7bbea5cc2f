/// The outbox as the status bar and the queue view show it; the runner sends it on every change.
public struct QueueStatus: Equatable, Sendable {
    /// One outbox entry, already summarised for display.
    public struct Item: Equatable, Sendable {
        /// Short id shown in the list.
        public var id: String
        /// Task kind, e.g. `assistant_reply`.
        public var kind: String
        /// `queued`, `sending`, `held`, …
        public var state: String
        /// Attempts so far.
        public var attempts: Int
        /// Last error or hold reason (untrusted; sanitised when drawn).
        public var detail: String

        /// Creates an item.
        public init(id: String, kind: String, state: String, attempts: Int = 0, detail: String = "") {
            self.id = id
            self.kind = kind
            self.state = state
            self.attempts = attempts
            self.detail = detail
        }
    }

    /// Entries waiting to be sent.
    public var queued: Int
    /// Entries held after a permanent rejection.
    public var held: Int
    /// The entries, oldest first (may be empty when only counts are known).
    public var items: [Item]

    /// Creates a status.
    public init(queued: Int = 0, held: Int = 0, items: [Item] = []) {
        self.queued = queued
        self.held = held
        self.items = items
    }
}
