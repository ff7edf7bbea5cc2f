/// One schema failure: where (`loc`), what (`msg`), its kind (`type`) and optional context.
public struct ValidationIssue: Codable, Sendable, Equatable, Hashable {
    /// Path into the request, e.g. `["body", "labels"]`.
    public var loc: [ValidationLocation]
    /// Human text (untrusted).
    public var msg: String
    /// Pydantic error kind, e.g. `value_error.missing`.
    public var type: String
    /// Extra details; absent when `nil`.
    public var ctx: JSONValue?

    /// Creates an issue.
    public init(loc: [ValidationLocation], msg: String, type: String, ctx: JSONValue? = nil) {
        self.loc = loc
        self.msg = msg
        self.type = type
        self.ctx = ctx
    }

    /// The location as text, e.g. `body.labels`.
    public var path: String { loc.map(\.description).joined(separator: ".") }

    /// Whether this is a "field required" entry.
    public var isMissingField: Bool { type == "value_error.missing" || msg == "field required" }
}
