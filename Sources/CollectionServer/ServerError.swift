import OasstProtocol

/// A protocol error the server answers with: either the backend's `{"error_code", "message"}` shape with its HTTP
/// status, or a 422 schema-validation body.
struct ServerError: Error, Sendable {
    /// HTTP status.
    let status: Int
    /// The body to send.
    let body: Body

    /// The two error body shapes.
    enum Body: Sendable {
        /// `{"error_code": …, "message": …}`.
        case oasst(OasstErrorBody)
        /// `{"detail": [...]}`.
        case validation(ValidationErrorBody)
        /// FastAPI's plain `{"detail": "Not Found"}` for unknown routes and methods.
        case detail(String)
    }

    /// An `OasstError` with a backend code.
    static func oasst(_ code: Int, _ message: String, status: Int = 400) -> ServerError {
        ServerError(status: status, body: .oasst(OasstErrorBody(errorCode: code, message: message)))
    }

    /// A 422 with one issue.
    static func invalid(_ loc: [String], _ msg: String, type: String, ctx: JSONValue? = nil) -> ServerError {
        invalid([ValidationIssue(loc: loc.map { .key($0) }, msg: msg, type: type, ctx: ctx)])
    }

    /// A 422 with several issues.
    static func invalid(_ issues: [ValidationIssue]) -> ServerError {
        ServerError(status: 422, body: .validation(ValidationErrorBody(detail: issues)))
    }

    /// 403 / 2.
    static let notAuthorized = oasst(2, "Could not validate credentials", status: 403)
    /// 400 / 4000.
    static let userRequired = oasst(4000, "User required")
    /// 404 / 4002.
    static let userNotFound = oasst(4002, "User not found", status: 404)
    /// 503 / 4001.
    static let userDisabled = oasst(4001, "User account disabled", status: 503)
    /// 451 / 4003.
    static let termsNotAccepted = oasst(4003, "User has not accepted terms of service.", status: 451)
    /// 400 / 2101.
    static let taskExpired = oasst(2101, "Task already expired.")
    /// 400 / 2104.
    static let taskNotAcked = oasst(2104, "Task is not acknowledged.")
    /// 400 / 2105.
    static let taskDone = oasst(2105, "Task already done.")
    /// 400 / 2106.
    static let otherUser = oasst(2106, "Task was assigned to a different user.")
    /// 400 / 1004.
    static let interactionFailed = oasst(1004, "Interaction request failed.")
    /// 500 / 0.
    static let internalError = oasst(0, "INTERNAL_SERVER_ERROR", status: 500)

    /// 503 / 1006 for a requested type.
    static func notAvailable(_ type: TaskType) -> ServerError {
        oasst(1006, "No tasks of type '\(type.rawValue)' are currently available.", status: 503)
    }
}
