/// The person behind a front end, as the backend identifies them: `(auth_method, id)`.
public struct User: Codable, Hashable, Sendable {
    /// The front end's own user name (not the server's `user_id` UUID).
    public var id: String
    /// The name shown to others; a changed value overwrites the stored one.
    public var displayName: String
    /// One of `discord`, `google`, `local`, `system`.
    public var authMethod: String

    /// Creates a user identity as sent in request bodies.
    public init(id: String, displayName: String, authMethod: String) {
        self.id = id
        self.displayName = displayName
        self.authMethod = authMethod
    }

    /// The `X-OASST-USER` header value, `<auth_method>:<id>`.
    public var headerValue: String { "\(authMethod):\(id)" }

    enum CodingKeys: String, CodingKey {
        case id
        case displayName = "display_name"
        case authMethod = "auth_method"
    }
}

extension User: JSONWritable {
    /// Writes the three fields, names sorted.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("auth_method")
        writer.string(authMethod)
        writer.key("display_name")
        writer.string(displayName)
        writer.key("id")
        writer.string(id)
        writer.endObject()
    }
}
