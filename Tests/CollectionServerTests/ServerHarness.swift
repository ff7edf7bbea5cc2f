import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OasstProtocol
import Testing

@testable import CollectionServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A test clock that tests move forward by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    /// The current test time.
    var now: Date { lock.withLock { current } }

    /// Moves time forward.
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// One answer as the tests see it.
struct Reply: Sendable {
    var status: Int
    var body: JSONValue?
    var contentType: String?
    var rawBody: Data

    /// `error_code` of an error body.
    var errorCode: Int? { body?["error_code"]?.intValue }
}

/// A server on a fresh temporary database plus a test client.
struct ServerHarness: Sendable {
    static let apiKey = "test-key"

    let server: CollectionServer
    let client: (any TestClientProtocol)?
    let baseURL: URL?

    /// A configuration for tests: a test clock and rate limits as configured by the caller.
    static func configuration(
        clock: TestClock = TestClock(), _ change: (inout ServerConfiguration) -> Void = { _ in }
    )
        -> ServerConfiguration
    {
        var configuration = ServerConfiguration()
        configuration.clock = { clock.now }
        change(&configuration)
        return configuration
    }

    /// A fresh temporary database path.
    static func temporaryDatabase() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oasst-server-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("server.sqlite").path
    }

    /// Runs `body` against a new server driven through the router (`.router`) or a live socket (`.live`).
    static func with<T: Sendable>(
        _ configuration: ServerConfiguration, setup: TestingSetup = .router,
        _ body: @Sendable (ServerHarness) async throws -> T
    ) async throws -> T {
        let server = try CollectionServer(
            configuration: configuration, databasePath: temporaryDatabase(), apiKeys: [apiKey, "second-key"])
        return try await server.makeApplication().test(setup) { client in
            try await body(ServerHarness(server: server, client: client, baseURL: nil))
        }
    }

    /// Runs `body` against a new server started on a real loopback port (one connection per request).
    static func withLoopback<T: Sendable>(
        _ configuration: ServerConfiguration, _ body: @Sendable (ServerHarness) async throws -> T
    ) async throws -> T {
        let server = try CollectionServer(
            configuration: configuration, databasePath: temporaryDatabase(), apiKeys: [apiKey, "second-key"])
        let port = try await server.start()
        do {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let result = try await body(ServerHarness(server: server, client: nil, baseURL: url))
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Sends a request; `body` is JSON (or raw bytes through `raw`).
    func send(
        _ method: HTTPRequest.Method, _ path: String, json: JSONValue? = nil, raw: Data? = nil,
        headers: [String: String] = ["X-API-Key": ServerHarness.apiKey, "Content-Type": "application/json"]
    ) async throws -> Reply {
        if let baseURL {
            return try await sendOverLoopback(baseURL, method, path, json: json, raw: raw, headers: headers)
        }
        guard let client else { throw CancellationError() }
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        var buffer: ByteBuffer?
        if let raw {
            buffer = ByteBuffer(bytes: raw)
        } else if let json {
            buffer = ByteBuffer(bytes: try OasstJSON.encode(json))
        }
        let response = try await client.execute(uri: path, method: method, headers: fields, body: buffer)
        let data = Data(response.body.readableBytesView)
        let body = data.isEmpty ? nil : try? OasstJSON.decode(JSONValue.self, from: data)
        return Reply(
            status: Int(response.status.code), body: body, contentType: response.headers[.contentType], rawBody: data)
    }

    private func sendOverLoopback(
        _ baseURL: URL, _ method: HTTPRequest.Method, _ path: String, json: JSONValue?, raw: Data?,
        headers: [String: String]
    ) async throws -> Reply {
        var request = URLRequest(url: try #require(URL(string: baseURL.absoluteString + path)))
        request.httpMethod = method.rawValue
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let raw {
            request.httpBody = raw
        } else if let json {
            request.httpBody = try OasstJSON.encode(json)
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        let body = data.isEmpty ? nil : try? OasstJSON.decode(JSONValue.self, from: data)
        return Reply(
            status: http.statusCode, body: body, contentType: http.value(forHTTPHeaderField: "Content-Type"),
            rawBody: data)
    }

    /// A `user` object.
    static func user(_ name: String) -> JSONValue {
        .object(["id": .string(name), "display_name": .string(name.capitalized), "auth_method": .string("local")])
    }

    /// `POST /tasks/` for a user.
    func requestTask(_ type: String, user: String, lang: String = "en") async throws -> Reply {
        try await send(
            .post, "/api/v1/tasks/",
            json: .object(["type": .string(type), "user": Self.user(user), "lang": .string(lang)]))
    }

    /// `POST /tasks/{id}/ack`.
    func ack(_ taskID: String, _ ackID: String) async throws -> Reply {
        try await send(.post, "/api/v1/tasks/\(taskID)/ack", json: .object(["message_id": .string(ackID)]))
    }

    /// `POST /tasks/{id}/nack` as a user.
    func nack(_ taskID: String, user: String) async throws -> Reply {
        try await send(
            .post, "/api/v1/tasks/\(taskID)/nack", json: .object([:]),
            headers: [
                "X-API-Key": Self.apiKey, "Content-Type": "application/json", "X-OASST-USER": "local:\(user)",
            ])
    }

    /// `POST /tasks/interaction`.
    func interact(_ body: JSONValue) async throws -> Reply {
        try await send(.post, "/api/v1/tasks/interaction", json: body)
    }

    /// Answers any handed-out task correctly (acking first); returns the interaction reply, or `nil` after a nack.
    func answer(_ task: JSONValue, user: String, text: String, nackPrompts: Bool = false) async throws -> Reply? {
        guard let id = task["id"]?.stringValue, let type = task["type"]?.stringValue else { return nil }
        if type == "initial_prompt" && nackPrompts {
            let reply = try await nack(id, user: user)
            #expect(reply.status == 204)
            return nil
        }
        let ackID = UUID().uuidString.lowercased()
        let acked = try await ack(id, ackID)
        #expect(acked.status == 204)
        switch type {
        case "initial_prompt", "prompter_reply", "assistant_reply":
            return try await interact(
                .object([
                    "type": "text_reply_to_message", "message_id": .string(ackID),
                    "user_message_id": .string(UUID().uuidString.lowercased()), "text": .string(text),
                    "lang": "en", "user": Self.user(user),
                ]))
        case "rank_assistant_replies", "rank_prompter_replies":
            guard case .array(let replies)? = task["reply_messages"] else { return nil }
            return try await interact(
                .object([
                    "type": "message_ranking", "message_id": .string(ackID),
                    "ranking": .array((0..<replies.count).reversed().map { .integer(Int64($0)) }),
                    "user": Self.user(user),
                ]))
        case "label_initial_prompt", "label_prompter_reply", "label_assistant_reply":
            var labels: [String: JSONValue] = [:]
            if case .array(let names)? = task["valid_labels"] {
                for name in names.compactMap(\.stringValue) {
                    labels[name] = name == "quality" ? .double(0.75) : .integer(0)
                }
            }
            return try await interact(
                .object([
                    "type": "text_labels", "message_id": task["message_id"] ?? .null, "task_id": .string(id),
                    "text": "labelled", "labels": .object(labels), "user": Self.user(user),
                ]))
        default:
            return nil
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
