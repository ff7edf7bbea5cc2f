import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OasstProtocol

/// The HTTP surface: authentication, body limits, schema validation, rate limits and the mapping of protocol
/// errors to the backend's JSON bodies.
struct ServerRoutes: Sendable {
    /// The server's name in logs and settings.
    static let name = "oasst-serve"

    let store: ServerStore
    let apiKeys: Set<String>
    let log: (@Sendable (String) -> Void)?
    let limiter = RateLimiter()

    private var configuration: ServerConfiguration { store.configuration }

    /// The router (`makeRouter`) with the hand-out requests' shortcut (`HandOutRouter`).
    func makeHandOutRouter() -> HandOutRouter {
        let router = makeRouter()
        // The same handlers the router's routes call, behind the same middleware.
        func wrapped(
            _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
        ) -> any HTTPResponder<BasicRequestContext> {
            router.middlewares.constructResponder(finalResponder: CallbackResponder(callback: handler))
        }
        return HandOutRouter(
            router: router,
            requestTask: wrapped { request, _ in try await self.requestTask(request) },
            ack: wrapped { request, context in try await self.ack(request, context) },
            interaction: wrapped { request, _ in try await self.interaction(request) })
    }

    /// Builds the router with every endpoint. Each route closure only forwards to a handler method: Swift 6.3.1
    /// crashed (signal 11 in LLVM's coroutine splitting) optimising a route body written inline in its closure.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware(log: log, maxBodyBytes: configuration.maxBodyBytes))
        router.post("/api/v1/frontend_users/") { request, _ in try await self.createUser(request) }
        router.get("/api/v1/frontend_users/{auth_method}/{id}") { request, context in
            try await self.frontendUser(request, context)
        }
        router.post("/api/v1/tasks/") { request, _ in try await self.requestTask(request) }
        router.post("/api/v1/tasks/availability") { request, _ in try await self.availability(request) }
        router.post("/api/v1/tasks/interaction") { request, _ in try await self.interaction(request) }
        router.post("/api/v1/tasks/close") { request, _ in try self.close(request) }
        router.post("/api/v1/tasks/{task_id}/ack") { request, context in try await self.ack(request, context) }
        router.post("/api/v1/tasks/{task_id}/nack") { request, context in try await self.nack(request, context) }
        router.get("/api/v1/admin/backend_settings/public") { request, _ in try self.publicSettings(request) }
        router.get("/api/v1/text_labels/valid_labels") { request, _ in try await self.validLabels(request) }
        return router
    }

    // MARK: handlers

    private func frontendUser(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let client = try self.client(request)
        let user = try await store.frontendUser(
            client: client, authMethod: context.parameters.get("auth_method") ?? "",
            username: context.parameters.get("id") ?? "")
        return try Self.json(user)
    }

    private func availability(_ request: Request) async throws -> Response {
        let client = try self.client(request)
        let body = try await self.body(request)
        let user = try RequestValidator.availabilityUser(body)
        let lang = request.uri.queryParameters.get("lang") ?? "en"
        return try Self.json(try await store.availability(client: client, user: user, lang: lang))
    }

    private func interaction(_ request: Request) async throws -> Response {
        let client = try self.client(request)
        let interaction = try RequestValidator.interaction(try await body(request))
        return try Self.json(try await store.interaction(client: client, interaction: interaction))
    }

    private func close(_ request: Request) throws -> Response {
        _ = try client(request)
        throw ServerError.internalError
    }

    private func ack(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let client = try self.client(request)
        let taskID = try Self.taskID(context)
        let ack = try RequestValidator.ack(try await body(request))
        try await store.ack(client: client, taskID: taskID, ackID: ack.messageID, header: Self.oasstUser(request))
        return Self.noContent()
    }

    private func nack(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let client = try self.client(request)
        let taskID = try Self.taskID(context)
        let nack = try RequestValidator.nack(try await body(request))
        try await store.nack(client: client, taskID: taskID, reason: nack.reason, header: Self.oasstUser(request))
        return Self.noContent()
    }

    private func publicSettings(_ request: Request) throws -> Response {
        _ = try client(request)
        let settings = BackendSettings(values: [
            "PROJECT_NAME": .string(Self.name),
            "MESSAGE_SIZE_LIMIT": .integer(Int64(configuration.messageSizeLimit)),
            "TASK_VALIDITY_MINUTES": .integer(Int64(configuration.taskValidity / 60)),
            "DEBUG_IGNORE_TOS_ACCEPTANCE": .bool(!configuration.enforceTermsOfService),
        ])
        return try Self.json(settings)
    }

    private func validLabels(_ request: Request) async throws -> Response {
        _ = try client(request)
        return try Self.labelsResponse(try await labelNames(request))
    }

    /// Every label name, or those valid for `?message_id=` (kept apart from the JSON building: Swift 6.3.1
    /// crashed optimising the two in one async function).
    private func labelNames(_ request: Request) async throws -> [String] {
        guard let id = request.uri.queryParameters.get("message_id") else { return LabelCatalog.allNames }
        guard let uuid = UUIDText.parse(id) else {
            throw ServerError.invalid(["query", "message_id"], "value is not a valid uuid", type: "type_error.uuid")
        }
        return try await store.validLabelNames(messageID: UUIDText.lowercased(uuid))
    }

    private static func labelsResponse(_ names: [String]) throws -> Response {
        let labels = names.map(LabelCatalog.description)
        return try json(JSONValue.object(["valid_labels": try RequestValidator.jsonValue(labels)]))
    }

    private func createUser(_ request: Request) async throws -> Response {
        let client = try self.client(request)
        let body = try RequestValidator.createUser(try await self.body(request))
        return try Self.json(try await store.createFrontendUser(client: client, request: body))
    }

    private func requestTask(_ request: Request) async throws -> Response {
        let client = try self.client(request)
        let parsed = try RequestValidator.taskRequest(try await body(request))
        if configuration.rateLimits.enabled {
            let limits = configuration.rateLimits
            let identity =
                Self.oasstUser(request).map { "\($0.authMethod):\($0.id)" }
                ?? parsed.user.map { "\($0.authMethod):\($0.id)" }
            var checks: [(key: String, limit: ServerConfiguration.RateLimits.Limit)] = []
            if let identity {
                let base = "\(client)|\(identity)"
                checks.append((base + "|task", limits.taskPerUser))
                if parsed.type == .assistantReply { checks.append((base + "|assistant", limits.assistantReplyPerUser)) }
                if parsed.type == .prompterReply { checks.append((base + "|prompter", limits.prompterReplyPerUser)) }
            } else {
                checks.append(("\(client)|api", limits.taskPerAPIKey))
            }
            if let wait = await limiter.admit(checks, now: configuration.clock()) {
                throw ServerError.oasst(429, "Too Many Requests. Retry After \(wait) seconds.", status: 429)
            }
        }
        guard let user = parsed.user else { throw ServerError.userRequired }
        let task = try await store.requestTask(
            client: client, request: TaskRequest(type: parsed.type, user: user, lang: parsed.lang))
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: task.json)))
    }

    // MARK: helpers

    /// The API client named by `?api_key=` (wins) or `X-API-Key`; anything else is 403 / 2.
    func client(_ request: Request) throws -> String {
        let key = request.uri.queryParameters.get("api_key") ?? Self.header(request, Self.apiKeyField)
        guard let key, apiKeys.contains(key) else { throw ServerError.notAuthorized }
        return key
    }

    /// The request body as JSON, capped at `maxBodyBytes` (413 beyond).
    func body(_ request: Request) async throws -> JSONValue? {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ErrorMiddleware.tooLarge(configuration.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw ErrorMiddleware.tooLarge(configuration.maxBodyBytes)
        }
        return try RequestValidator.json(
            Data(buffer.readableBytesView), contentType: Self.header(request, .contentType))
    }

    /// `X-API-Key` (the field names are checked once, not on every request).
    static let apiKeyField = HTTPField.Name("X-API-Key")
    /// `X-OASST-USER`.
    static let oasstUserField = HTTPField.Name("X-OASST-USER")

    /// A header value by (case-insensitive) field name; several fields of that name are joined as `HTTPFields`'
    /// subscript joins them. Found by walking the few fields: the subscript built its answer through generic lazy
    /// joining, about 4,000 instructions per look-up (three look-ups a request).
    static func header(_ request: Request, _ field: HTTPField.Name?) -> String? {
        guard let field else { return nil }
        return Self.header(in: request.headers, field)
    }

    /// `header(_:_:)` on a field list.
    static func header(in fields: HTTPFields, _ name: HTTPField.Name) -> String? {
        var first: String?
        var more: [String] = []
        for field in fields where field.name == name {
            if first == nil { first = field.value } else { more.append(field.value) }
        }
        guard let first else { return nil }
        if more.isEmpty { return first }
        return ([first] + more).joined(separator: name == .cookie ? "; " : ", ")
    }

    /// `?oasst_user=` (wins) or `X-OASST-USER`, split at the first colon; no colon means no user.
    static func oasstUser(_ request: Request) -> (authMethod: String, id: String)? {
        guard let value = request.uri.queryParameters.get("oasst_user") ?? header(request, Self.oasstUserField),
            let colon = value.firstIndex(of: ":")
        else { return nil }
        return (String(value[..<colon]), String(value[value.index(after: colon)...]))
    }

    /// The `{task_id}` path parameter as a UUID (422 otherwise).
    static func taskID(_ context: BasicRequestContext) throws -> UUID {
        guard let text = context.parameters.get("task_id"), let id = UUIDText.parse(text) else {
            throw ServerError.invalid(["path", "task_id"], "value is not a valid uuid", type: "type_error.uuid")
        }
        return id
    }

    /// A 200 JSON response.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try OasstJSON.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 204 with the backend's JSON content type and an empty body.
    static func noContent() -> Response {
        Response(status: .noContent, headers: [.contentType: "application/json"])
    }
}
