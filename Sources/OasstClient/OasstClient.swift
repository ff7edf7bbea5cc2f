import Foundation
import OasstProtocol

/// The Open-Assistant task API over an `HTTPTransport`: builds each call exactly as PROTOCOL.md §1 describes
/// (headers, bodies, paths) and turns every failure into a typed `OasstError` with a `ClientAction`.
public struct OasstClient: Sendable {
    /// Server, key, identity and language.
    public let configuration: OasstClientConfiguration
    /// How requests travel.
    public let transport: any HTTPTransport

    /// Creates a client.
    public init(configuration: OasstClientConfiguration, transport: any HTTPTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    // MARK: Users

    /// `POST /frontend_users/`: creates (or updates) the configured user; `tosAcceptance: true` records ToS.
    public func createFrontendUser(tosAcceptance: Bool? = nil) async throws(OasstError) -> FrontEndUser {
        try await createFrontendUser(CreateFrontendUserRequest(user: configuration.user, tosAcceptance: tosAcceptance))
    }

    /// `POST /frontend_users/` with a full request body.
    public func createFrontendUser(_ request: CreateFrontendUserRequest) async throws(OasstError) -> FrontEndUser {
        let response = try await perform("POST", "/frontend_users/", body: try encode(request), user: request.user)
        return try decodeSuccess(FrontEndUser.self, response)
    }

    /// `GET /frontend_users/{auth_method}/{id}`: looks a user up (404 / 4002 when unknown).
    public func frontendUser(_ user: User? = nil) async throws(OasstError) -> FrontEndUser {
        let user = user ?? configuration.user
        let path = "/frontend_users/\(Self.pathSegment(user.authMethod))/\(Self.pathSegment(user.id))"
        let response = try await perform("GET", path, body: nil, user: user)
        return try decodeSuccess(FrontEndUser.self, response)
    }

    // MARK: Tasks

    /// `POST /tasks/availability?lang=`: counts per task type for the user (body is the bare `User`).
    public func availability(lang: String? = nil, user: User? = nil) async throws(OasstError) -> TaskAvailability {
        let user = user ?? configuration.user
        let query = "?lang=" + Self.queryValue(lang ?? configuration.defaultLang)
        let response = try await perform("POST", "/tasks/availability" + query, body: try encode(user), user: user)
        return try decodeSuccess(TaskAvailability.self, response)
    }

    /// `POST /tasks/`: one new task of `type` (`random` lets the server pick). Never retried automatically:
    /// every call creates a pending task on the server.
    public func requestTask(
        _ type: TaskType = .random, lang: String? = nil, user: User? = nil
    )
        async throws(OasstError) -> OasstTask
    {
        let user = user ?? configuration.user
        let request = TaskRequest(type: type, user: user, lang: lang ?? configuration.defaultLang)
        let response = try await perform("POST", "/tasks/", body: try encode(request), user: user)
        return try decodeSuccess(OasstTask.self, response)
    }

    /// `POST /tasks/{id}/ack` with the persisted ack id; 204 on success (repeatable with the same id).
    public func ack(taskID: UUID, ackID: String, user: User? = nil) async throws(OasstError) {
        let path = "/tasks/\(Self.uuid(taskID))/ack"
        // 204 (or any 2xx): the body is never parsed.
        _ = try await perform(
            "POST", path, body: try encode(AckRequest(messageID: ackID)), user: user ?? configuration.user)
    }

    /// `POST /tasks/{id}/nack` (skip); the reason is cut to 512 Unicode scalars, `nil` sends `{}`.
    public func nack(taskID: UUID, reason: String?, user: User? = nil) async throws(OasstError) {
        let path = "/tasks/\(Self.uuid(taskID))/nack"
        _ = try await perform(
            "POST", path, body: try encode(NackRequest.truncating(reason)), user: user ?? configuration.user)
    }

    /// `POST /tasks/interaction`: delivers an answer as the interaction's own user. A replay answers 2105,
    /// which comes back as an `OasstError` whose action is `.delivered`.
    public func send(_ interaction: Interaction) async throws(OasstError) -> TaskDone {
        let response = try await perform(
            "POST", "/tasks/interaction", body: try encode(interaction), user: interaction.user,
            interaction: interaction.type)
        return try decodeSuccess(TaskDone.self, response)
    }

    // MARK: Settings

    /// `GET /admin/backend_settings/public`: includes `MESSAGE_SIZE_LIMIT`.
    public func publicSettings() async throws(OasstError) -> BackendSettings {
        let response = try await perform("GET", "/admin/backend_settings/public", body: nil, user: configuration.user)
        return try decodeSuccess(BackendSettings.self, response)
    }

    // MARK: Plumbing

    /// Builds the request for a call (exposed for tests and logging).
    public func makeRequest(_ method: String, _ path: String, body: Data?, user: User) -> HTTPRequest {
        var headers: [(name: String, value: String)] = [
            ("X-API-Key", configuration.apiKey), ("X-OASST-USER", user.headerValue),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: configuration.apiRoot + path, headers: headers, body: body)
    }

    private func perform(
        _ method: String, _ path: String, body: Data?, user: User, interaction: InteractionType? = nil
    ) async throws(OasstError) -> HTTPResponse {
        let request = makeRequest(method, path, body: body, user: user)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw .transport(error)
        } catch is CancellationError {
            throw .transport(.other(code: -1, message: "cancelled"))
        } catch {
            throw .transport(.other(code: -1, message: "\(error)"))
        }
        guard (200..<300).contains(response.status) else {
            throw Self.failure(response, interaction: interaction)
        }
        return response
    }

    private func encode<T: Encodable>(_ value: T) throws(OasstError) -> Data {
        do {
            return try OasstJSON.encode(value)
        } catch {
            throw OasstError(
                kind: .invalidRequest, status: nil, code: nil, message: "cannot encode request: \(error)",
                action: .fixInput)
        }
    }

    private func decodeSuccess<T: Decodable>(_ type: T.Type, _ response: HTTPResponse) throws(OasstError) -> T {
        do {
            return try OasstJSON.decode(type, from: response.body)
        } catch {
            throw OasstError(
                kind: .unreadableResponse, status: response.status, code: nil,
                message: "\(error) (body: \(Self.preview(response.body)))", action: .retryLater)
        }
    }

    /// Turns a non-2xx response into an `OasstError`.
    public static func failure(_ response: HTTPResponse, interaction: InteractionType? = nil) -> OasstError {
        let status = response.status
        if let body = try? OasstJSON.decode(OasstErrorBody.self, from: response.body) {
            return .server(status: status, body: body)
        }
        if let body = try? OasstJSON.decode(ValidationErrorBody.self, from: response.body) {
            return .validation(status: status, body: body, interaction: interaction)
        }
        if let value = try? OasstJSON.decode(JSONValue.self, from: response.body), case .object = value {
            // JSON, but not one of the backend's error shapes (e.g. FastAPI's {"detail": "Not Found"}).
            let text = value["detail"]?.stringValue ?? value["message"]?.stringValue ?? value.description
            return OasstError(
                kind: .server, status: status, code: nil, message: String(text.prefix(1000)),
                action: ClientAction.forStatus(status))
        }
        return OasstError(
            kind: .unreadableResponse, status: status, code: nil,
            message: "HTTP \(status) with a non-JSON body: \(preview(response.body))", action: .retryLater)
    }

    private static func preview(_ body: Data) -> String {
        String(decoding: body.prefix(200), as: UTF8.self)
    }

    private static func uuid(_ id: UUID) -> String { UUIDText.lowercased(id) }

    /// Percent-encodes one path segment (everything but RFC 3986 unreserved characters).
    static func pathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// Percent-encodes a query value.
    static func queryValue(_ text: String) -> String { pathSegment(text) }
}
