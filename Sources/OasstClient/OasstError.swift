import OasstProtocol

/// Every failure of an `OasstClient` call, typed: what happened, the server's code and text (raw, unsanitised),
/// and what the caller should do about it.
public struct OasstError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where the failure came from.
    public enum Kind: Equatable, Sendable {
        /// The backend answered with `{"error_code", "message"}` (or another JSON error it chose).
        case server
        /// The backend answered 422 with a `detail` list (schema validation).
        case validation
        /// No HTTP response: the network failed.
        case transport(TransportError)
        /// An HTTP response whose body is not what the protocol promises (proxy page, truncated JSON, …).
        case unreadableResponse
        /// The request could not be encoded (e.g. a label value that is not a finite number); nothing was sent.
        case invalidRequest
    }

    /// Where the failure came from.
    public var kind: Kind
    /// HTTP status, or `nil` when no response arrived.
    public var status: Int?
    /// The backend's `error_code`; `nil` for 422, non-JSON bodies and transport failures.
    public var code: Int?
    /// The server's message as received (untrusted: sanitise before display), or a description of the failure.
    public var message: String
    /// For 422: the validation entries that concern what was sent (union noise removed).
    public var details: [ValidationIssue]
    /// For 429: seconds to wait, parsed from "Retry After N seconds" (the backend sends no header).
    public var retryAfter: Int?
    /// What to do next.
    public var action: ClientAction

    /// Creates an error from its parts.
    public init(
        kind: Kind, status: Int?, code: Int?, message: String, details: [ValidationIssue] = [],
        retryAfter: Int? = nil, action: ClientAction
    ) {
        self.kind = kind
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
        self.action = action
    }

    /// A transport failure: always retried later.
    public static func transport(_ error: TransportError) -> OasstError {
        OasstError(kind: .transport(error), status: nil, code: nil, message: "\(error)", action: .retryLater)
    }

    /// A backend error body: the action follows §7's table; 429 carries `retryAfter`.
    public static func server(status: Int, body: OasstErrorBody) -> OasstError {
        OasstError(
            kind: .server, status: status, code: body.errorCode, message: body.message,
            retryAfter: body.errorCode == 429 || status == 429 ? retryAfterSeconds(in: body.message) : nil,
            action: ClientAction.forErrorCode(body.errorCode, status: status))
    }

    /// A 422 body, reduced to the entries that concern `interaction` when one was sent.
    public static func validation(status: Int, body: ValidationErrorBody, interaction: InteractionType?) -> OasstError {
        let relevant = interaction.map { relevantIssues(body.detail, for: $0) } ?? body.detail
        let details = relevant.isEmpty ? body.detail : relevant
        return OasstError(
            kind: .validation, status: status, code: nil,
            message: details.map { "\($0.path): \($0.msg)" }.joined(separator: "; "), details: details,
            action: .fixInput)
    }

    /// The number in "… Retry After N seconds …", or `nil`.
    public static func retryAfterSeconds(in message: String) -> Int? {
        let lowered = message.lowercased()
        guard let marker = lowered.range(of: "retry after ") else { return nil }
        let digits = lowered[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard lowered[marker.upperBound...].dropFirst(digits.count).hasPrefix(" second") else { return nil }
        return Int(digits)
    }

    /// Drops the union noise of a 422 for `/tasks/interaction`: the `["body", "type"]` entries of the other
    /// members, "field required" for fields `type` does not have, and UUID-format complaints about `message_id`
    /// (only `text_labels` takes a UUID there).
    public static func relevantIssues(_ issues: [ValidationIssue], for type: InteractionType) -> [ValidationIssue] {
        issues.filter { issue in
            guard issue.loc.count >= 2, issue.loc[0] == .key("body"), case .key(let field) = issue.loc[1] else {
                return true
            }
            if field == "type" && issue.loc.count == 2 { return false }
            if issue.isMissingField && !type.fieldNames.contains(field) { return false }
            if field == "message_id" && issue.type == "type_error.uuid" && type != .textLabels { return false }
            return type.fieldNames.contains(field)
        }
    }

    /// `HTTP 400 / 2105: Task already done. → delivered`, or the transport failure.
    public var description: String {
        var text = status.map { "HTTP \($0)" } ?? "no response"
        if let code { text += " / \(code)" }
        return text + ": \(message.prefix(300)) → \(action.rawValue)"
    }
}
