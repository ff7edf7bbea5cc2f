import Foundation

/// A failed call as the sync engine sees it: the action to take plus what to record and show.
public struct ServiceFailure: Error, Sendable, Equatable {
    /// What to do about it.
    public var action: FailureAction
    /// The backend's `error_code`, when the server answered with one.
    public var code: Int?
    /// The HTTP status, when there was an HTTP response.
    public var httpStatus: Int?
    /// The server's or transport's message (untrusted: sanitise before showing).
    public var message: String
    /// Seconds to wait before retrying, when the server said (429 "Retry After N seconds").
    public var retryAfter: TimeInterval?
    /// True when no HTTP response arrived (refused, DNS, timeout, truncated): the network failed.
    public var isTransport: Bool

    /// Creates a failure value.
    public init(
        action: FailureAction, code: Int? = nil, httpStatus: Int? = nil, message: String,
        retryAfter: TimeInterval? = nil, isTransport: Bool = false
    ) {
        self.action = action
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.retryAfter = retryAfter
        self.isTransport = isTransport
    }

    /// A network failure with no HTTP response.
    public static func transport(_ message: String) -> ServiceFailure {
        ServiceFailure(action: .retryLater, message: message, isTransport: true)
    }

    /// A backend error body `{"error_code": code, "message": …}` with the protocol's action for that code.
    public static func server(code: Int, status: Int = 400, message: String = "") -> ServiceFailure {
        ServiceFailure(
            action: Self.action(forCode: code, status: status), code: code, httpStatus: status, message: message)
    }

    /// The PROTOCOL.md §7 action for a backend error code.
    public static func action(forCode code: Int, status: Int) -> FailureAction {
        switch code {
        case 0, 4, 429, 1001, 1002, 1004, 1005, 1006, 1007: return .retryLater
        case 2105: return .delivered
        case 2104: return .sendAckThenRetry
        case 4002: return .createUserThenRetry
        case 2, 1008, 1009, 1011, 1012, 2010, 2101, 2106, 4001, 4003: return .holdForPerson
        case 2001, 2011, 2053, 2100: return .requestAnotherTask
        case 1010, 2000, 2003, 2012, 2050, 2051, 2052, 2102, 2103, 2107, 4000: return .fixInput
        default: return status >= 500 ? .retryLater : .holdForPerson
        }
    }
}
