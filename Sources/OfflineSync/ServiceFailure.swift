import Foundation
import OasstClient

/// A failed call as the sync engine sees it: the action to take plus what to record and show.
public struct ServiceFailure: Error, Sendable, Equatable {
    /// What to do about it.
    public var action: ClientAction
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
        action: ClientAction, code: Int? = nil, httpStatus: Int? = nil, message: String,
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
            action: ClientAction.forErrorCode(code, status: status), code: code, httpStatus: status, message: message)
    }

    /// A failed `OasstClient` call, keeping its action; transport failures are marked as such.
    public init(_ error: OasstError) {
        var transport = false
        switch error.kind {
        case .transport: transport = true
        case .server, .validation, .unreadableResponse, .invalidRequest: transport = false
        }
        self.init(
            action: error.action, code: error.code, httpStatus: error.status, message: error.message,
            retryAfter: error.retryAfter.map(TimeInterval.init), isTransport: transport)
    }
}
