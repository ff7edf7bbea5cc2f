/// Answer of `GET /api/v1/admin/backend_settings/public`; every key is kept, the limits the client needs are typed.
public struct BackendSettings: Codable, Sendable, Equatable, Hashable {
    /// Every setting as sent.
    public var values: [String: JSONValue]

    /// Creates settings from raw values.
    public init(values: [String: JSONValue]) {
        self.values = values
    }

    /// `MESSAGE_SIZE_LIMIT`: longest reply text in Unicode scalars (backend default 2000), if present.
    public var messageSizeLimit: Int? { values["MESSAGE_SIZE_LIMIT"]?.intValue }

    /// `PROJECT_NAME`, if present.
    public var projectName: String? { values["PROJECT_NAME"]?.stringValue }

    /// Decodes the flat settings object.
    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    /// Encodes the flat settings object unchanged.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
