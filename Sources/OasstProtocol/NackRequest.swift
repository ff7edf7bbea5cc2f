/// Body of `POST /api/v1/tasks/{task_id}/nack` (skip): `{"reason": …}`, or `{}` without a reason.
public struct NackRequest: Codable, Sendable, Equatable, Hashable {
    /// Longest reason the backend stores (`VARCHAR(512)`); longer ones make it fail with 500.
    public static let maxReasonLength = 512

    /// Why the contributor skipped, or `nil` (then the body is `{}`).
    public var reason: String?

    /// Creates the body as given (see `truncating(_:)` for the length rule).
    public init(reason: String? = nil) {
        self.reason = reason
    }

    /// A body whose reason is cut to `maxReasonLength` Unicode scalars.
    public static func truncating(_ reason: String?) -> NackRequest {
        guard let reason else { return NackRequest() }
        let scalars = reason.unicodeScalars
        guard scalars.count > maxReasonLength else { return NackRequest(reason: reason) }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(maxReasonLength))
        return NackRequest(reason: String(cut))
    }
}

extension NackRequest: JSONWritable {
    /// Writes `{"reason": …}`, or `{}` without a reason.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        if let reason {
            writer.key("reason")
            writer.string(reason)
        }
        writer.endObject()
    }
}
