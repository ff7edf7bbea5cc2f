/// The 422 body of FastAPI schema validation: `{"detail": [ValidationIssue, …]}` (no `error_code`).
public struct ValidationErrorBody: Codable, Sendable, Equatable, Hashable {
    /// Every failure; for the interaction union, the failures of every member type.
    public var detail: [ValidationIssue]

    /// Creates the body.
    public init(detail: [ValidationIssue]) {
        self.detail = detail
    }
}
