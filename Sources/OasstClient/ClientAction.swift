/// What the caller should do after a failed call (PROTOCOL.md §7, "Client actions").
public enum ClientAction: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Keep it queued and retry later with backoff (transport failures, server trouble, rate limits).
    case retryLater
    /// Treat the submission as stored (2105: the task was already answered).
    case delivered
    /// Stop and show the contributor; keep the draft (identity, ToS, duplicates, expiry).
    case holdForPerson
    /// A client bug or input to correct; do not retry unchanged.
    case fixInput
    /// Drop the task (nack it when the server still knows it) and get a new one.
    case requestAnotherTask
    /// 4002: create the frontend user, then retry the call.
    case createUserThenRetry
    /// 2104: send the ack (same ack id), then the interaction again.
    case sendAckThenRetry

    /// The action for a backend `error_code` answered with `status` (unknown codes fall back on the status).
    public static func forErrorCode(_ code: Int, status: Int) -> ClientAction {
        switch code {
        case 0, 4, 429, 1001, 1002, 1004, 1005, 1006, 1007, 1012: return .retryLater
        case 2105: return .delivered
        case 2, 1009, 1011, 2010, 2101, 2106, 4001, 4003: return .holdForPerson
        case 1008, 1010, 2000, 2003, 2012, 2050, 2051, 2052, 2102, 2103, 2107, 4000: return .fixInput
        case 2001, 2011, 2053, 2100: return .requestAnotherTask
        case 4002: return .createUserThenRetry
        case 2104: return .sendAckThenRetry
        default: return forStatus(status)
        }
    }

    /// The action for an HTTP status without a known code: server-side and throttling trouble is retried,
    /// 422 is a client bug, anything else is shown to the person.
    public static func forStatus(_ status: Int) -> ClientAction {
        switch status {
        case 408, 425, 429, 500...599: return .retryLater
        case 422: return .fixInput
        default: return .holdForPerson
        }
    }
}
