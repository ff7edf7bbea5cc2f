import Foundation
import HTTPTypes
import HummingbirdTesting
import OasstProtocol
import Testing

@testable import CollectionServer

/// Hostile or broken requests get a clear JSON error and never bring the server down.
@Suite struct BadInputTests {
    @Test func bodiesMustBeSentAsJSON() throws {
        for type in [
            "application/json", "Application/JSON; charset=utf-8", "application/vnd.api+json", "text/json", "JSON",
            "jSoN/x",
        ] {
            #expect(RequestValidator.mentionsJSON(type), "\(type)")
        }
        for type in ["text/plain", "application/x-www-form-urlencoded", "jso", "", "application/jsn", "j_son", "jsoñ"] {
            #expect(!RequestValidator.mentionsJSON(type), "\(type)")
            #expect(throws: ServerError.self) { try RequestValidator.json(Data("{}".utf8), contentType: type) }
        }
        #expect(try RequestValidator.json(Data("{}".utf8), contentType: "APPLICATION/JSON") == .object([:]))
    }

    @Test func malformedInputIsAnsweredWithClearErrors() async throws {
        let configuration = ServerHarness.configuration { $0.maxBodyBytes = 4096 }
        try await ServerHarness.with(configuration) { harness in
            let malformed = try await harness.send(.post, "/api/v1/tasks/", raw: Data("{\"type\": ".utf8))
            #expect(malformed.status == 422)
            #expect(malformed.body?["detail"] != nil)

            let huge = try await harness.send(
                .post, "/api/v1/tasks/interaction", raw: Data(repeating: 0x20, count: 100_000))
            #expect(huge.status == 413)
            #expect(huge.errorCode == 413)
            #expect(huge.body?["message"]?.stringValue?.contains("4096") == true)

            let wrongType = try await harness.send(
                .post, "/api/v1/tasks/", raw: Data("type=random".utf8),
                headers: ["X-API-Key": ServerHarness.apiKey, "Content-Type": "application/x-www-form-urlencoded"])
            #expect(wrongType.status == 422)
            #expect(wrongType.body?["detail"] != nil)

            let unknown = try await harness.send(.get, "/api/v1/nothing/here")
            #expect(unknown.status == 404)
            #expect(unknown.body?["detail"] == "Not Found")

            let wrongMethod = try await harness.send(.get, "/api/v1/tasks/interaction")
            #expect(wrongMethod.status == 404 || wrongMethod.status == 405)
            #expect(wrongMethod.body?["detail"] != nil)

            let badUUID = try await harness.send(
                .post, "/api/v1/tasks/123/nack", json: .object([:]),
                headers: ["X-API-Key": ServerHarness.apiKey, "X-OASST-USER": "local:alice"])
            #expect(badUUID.status == 422)

            let notObject = try await harness.send(.post, "/api/v1/tasks/interaction", json: .array([]))
            #expect(notObject.status == 422)

            let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
            let nested = try await harness.send(
                .post, "/api/v1/tasks/interaction", raw: Data(deep.utf8),
                headers: ["X-API-Key": ServerHarness.apiKey, "Content-Type": "application/json"])
            #expect(nested.status == 413 || nested.status == 422)

            let noKey = try await harness.send(.get, "/api/v1/admin/backend_settings/public", headers: [:])
            #expect(noKey.status == 403 && noKey.errorCode == 2)

            let queryKey = try await harness.send(
                .get, "/api/v1/admin/backend_settings/public?api_key=\(ServerHarness.apiKey)", headers: [:])
            #expect(queryKey.status == 200)
            #expect(queryKey.body?["MESSAGE_SIZE_LIMIT"]?.intValue == 2000)

            let badLabels = try await harness.interact(
                .object([
                    "type": "text_labels", "message_id": "not-a-uuid", "text": "x",
                    "labels": .object(["spam": .string("maybe")]), "user": ServerHarness.user("alice"),
                ]))
            #expect(badLabels.status == 422)

            let emptyUser = try await harness.requestTask("random", user: "")
            #expect(emptyUser.status == 400 && emptyUser.errorCode == 2012)

            let badAuth = try await harness.send(
                .post, "/api/v1/tasks/",
                json: .object([
                    "type": "random",
                    "user": .object(["id": "a", "display_name": "A", "auth_method": "carrier-pigeon"]),
                ]))
            #expect(badAuth.status == 422)

            let catalogue = try await harness.send(.get, "/api/v1/text_labels/valid_labels")
            #expect(catalogue.status == 200)
            if case .array(let labels)? = catalogue.body?["valid_labels"] {
                #expect(labels.count == 15)
            } else {
                Issue.record("no valid_labels")
            }
            let unknownMessage = try await harness.send(
                .get, "/api/v1/text_labels/valid_labels?message_id=\(UUID().uuidString)")
            #expect(unknownMessage.status == 404 && unknownMessage.errorCode == 2001)

            let still = try await harness.requestTask("initial_prompt", user: "alice")
            #expect(still.status == 200)
        }
    }

    @Test func requestLogNeverContainsTheKey() async throws {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var lines: [String] = []
            func add(_ line: String) { lock.withLock { lines.append(line) } }
        }
        let lines = Lines()
        let server = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: ServerHarness.temporaryDatabase(),
            apiKeys: ["secret-key-123"], log: { lines.add($0) })
        try await server.makeApplication().test(.router) { client in
            _ = try await client.execute(
                uri: "/api/v1/admin/backend_settings/public?api_key=secret-key-123", method: .get)
            _ = try await client.execute(
                uri: "/api/v1/admin/backend_settings/public", method: .get,
                headers: [.init("X-API-Key")!: "secret-key-123"])
        }
        let logged = lines.lock.withLock { lines.lines }
        #expect(logged.count == 2)
        #expect(logged.allSatisfy { $0.contains("GET /api/v1/admin/backend_settings/public 200") })
        #expect(!logged.contains { $0.contains("secret-key-123") })
    }

    @Test func startReportsAnEphemeralPortAndShutsDown() async throws {
        let server = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: ServerHarness.temporaryDatabase(),
            apiKeys: [ServerHarness.apiKey])
        let port = try await server.start()
        #expect(port > 0)
        #expect(try await server.start() == port)
        #expect(await server.port == port)
        await server.shutdown()
        #expect(await server.port == nil)
    }
}

/// `run()` serves until `shutdown()` is called from elsewhere.
@Suite struct RunLoopTests {
    @Test func runReturnsAfterShutdown() async throws {
        let server = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: ServerHarness.temporaryDatabase(),
            apiKeys: [ServerHarness.apiKey])
        let running = Task { try await server.run(handlingSignals: false) }
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = await server.port
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect((port ?? 0) > 0)
        await server.shutdown()
        try await running.value
        #expect(await server.port == nil)
    }
}
