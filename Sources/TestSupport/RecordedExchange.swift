import Foundation
import OasstProtocol

/// One recorded backend exchange (`shared/fixtures/oa-backend/NN-….json`): the request the client sent and the
/// response it got, with bodies kept as lossless JSON trees.
public struct RecordedExchange: Sendable, Equatable {
    /// One recorded request.
    public struct Request: Sendable, Equatable {
        /// `GET` or `POST`.
        public var method: String
        /// Path with query, e.g. `/api/v1/tasks/availability?lang=en`.
        public var path: String
        /// Headers as recorded (names in their recorded case).
        public var headers: [String: String]
        /// The JSON body, or `nil` when none was sent.
        public var body: JSONValue?

        /// The first header value whose name matches case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// One recorded response.
    public struct Response: Sendable, Equatable {
        /// HTTP status.
        public var status: Int
        /// Headers with lower-case names.
        public var headers: [String: String]
        /// The JSON body, or `nil` for an empty body (204).
        public var body: JSONValue?
    }

    /// The file name, e.g. `13-interaction-text_reply-replay-same.json`.
    public var name: String
    /// The recorder's note.
    public var note: String
    /// What was sent.
    public var request: Request
    /// What came back.
    public var response: Response

    /// The two-digit number at the start of the file name.
    public var number: Int { Int(name.prefix(2)) ?? -1 }

    /// Reads and parses one fixture file.
    public init(contentsOf url: URL) throws {
        let root = try OasstJSON.decode(JSONValue.self, from: Data(contentsOf: url))
        guard case .object(let request)? = root["request"], case .object(let response)? = root["response"],
            let method = request["method"]?.stringValue, let path = request["path"]?.stringValue,
            let status = response["status"]?.intValue
        else {
            throw OasstDecodingError(path: "", reason: "not a recorded exchange", type: url.lastPathComponent)
        }
        name = url.lastPathComponent
        note = root["note"]?.stringValue ?? ""
        self.request = Request(
            method: method, path: path, headers: Self.strings(request["headers"]), body: Self.nonNull(request["body"]))
        self.response = Response(
            status: status, headers: Self.strings(response["headers"]), body: Self.nonNull(response["body"]))
    }

    /// Loads the fixture whose file name starts with the two-digit `number`.
    public static func load(_ number: Int) throws -> RecordedExchange {
        let prefix = number < 10 ? "0\(number)-" : "\(number)-"
        guard let url = try FixtureDirectory.exchangeFiles().first(where: { $0.lastPathComponent.hasPrefix(prefix) })
        else {
            throw OasstDecodingError(path: "", reason: "no fixture numbered \(number)", type: "RecordedExchange")
        }
        return try RecordedExchange(contentsOf: url)
    }

    /// Every fixture file, in name order.
    public static func all() throws -> [RecordedExchange] {
        try FixtureDirectory.exchangeFiles().map { try RecordedExchange(contentsOf: $0) }
    }

    /// Serialises a body tree back to bytes (sorted keys).
    public static func data(_ body: JSONValue?) throws -> Data {
        guard let body else { return Data() }
        return try OasstJSON.encode(body)
    }

    private static func strings(_ value: JSONValue?) -> [String: String] {
        guard case .object(let members)? = value else { return [:] }
        return members.compactMapValues(\.stringValue)
    }

    private static func nonNull(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }
}
