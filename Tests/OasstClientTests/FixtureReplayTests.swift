import Foundation
import OasstClient
import OasstProtocol
import TestSupport
import Testing

/// Recorded exchanges the client cannot produce: they show requests it never sends.
let notClientCalls: [Int: String] = [
    6: "availability without a user body", 57: "non-UUID task id in the path", 71: "task request without user",
    72: "unknown task type", 74: "unknown interaction type", 75: "/tasks/close is never used",
    98: "600-character reason (the client cuts it to 512)",
]

@Suite struct FixtureReplayTests {
    static func fixtureNumbers() throws -> [Int] {
        try FixtureDirectory.exchangeFiles().compactMap { Int($0.lastPathComponent.prefix(2)) }
    }

    /// Sends the recorded request through the matching `OasstClient` call against a fake seeded with the
    /// recording, and checks the outcome: success for 2xx, else the recorded status and code.
    @Test(arguments: try fixtureNumbers())
    func replayThroughTheClient(number: Int) async throws {
        let exchange = try RecordedExchange.load(number)
        if let reason = notClientCalls[number] {
            #expect(!reason.isEmpty)
            return
        }
        let fake = FakeTransport()
        try fake.expect(exchange)
        let headerUser = exchange.request.header("x-oasst-user").map { value -> User in
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            return User(id: parts.last ?? "", displayName: "", authMethod: parts.first ?? "")
        }
        let path = exchange.request.path
        let body = try RecordedExchange.data(exchange.request.body)
        let outcome: OasstError?
        switch (exchange.request.method, path) {
        case ("POST", "/api/v1/frontend_users/"):
            let request = try OasstJSON.decode(CreateFrontendUserRequest.self, from: body)
            let client = ClientFixtures.client(fake, user: request.user)
            outcome = await ClientFixtures.failure { try await client.createFrontendUser(request) }
        case ("GET", _) where path.hasPrefix("/api/v1/frontend_users/"):
            let parts = path.split(separator: "/").suffix(2).map(String.init)
            let user = User(id: parts[1], displayName: "", authMethod: parts[0])
            outcome = await ClientFixtures.failure { try await ClientFixtures.client(fake).frontendUser(user) }
        case ("POST", _) where path.hasPrefix("/api/v1/tasks/availability?lang="):
            let user = try OasstJSON.decode(User.self, from: body)
            let lang = String(path.split(separator: "=").last ?? "")
            outcome = await ClientFixtures.failure {
                try await ClientFixtures.client(fake, user: user).availability(lang: lang)
            }
        case ("POST", "/api/v1/tasks/"):
            let request = try OasstJSON.decode(TaskRequest.self, from: body)
            let client = ClientFixtures.client(fake, user: request.user)
            outcome = await ClientFixtures.failure { try await client.requestTask(request.type, lang: request.lang) }
        case ("POST", "/api/v1/tasks/interaction"):
            let interaction = try OasstJSON.decode(Interaction.self, from: body)
            outcome = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        case ("POST", _) where path.hasSuffix("/ack") || path.hasSuffix("/nack"):
            let taskID = try #require(UUID(uuidString: String(path.split(separator: "/")[3])))
            let client = ClientFixtures.client(fake, user: headerUser ?? ClientFixtures.user("alice"))
            if path.hasSuffix("/ack") {
                let ack = try OasstJSON.decode(AckRequest.self, from: body)
                outcome = await ClientFixtures.failure { try await client.ack(taskID: taskID, ackID: ack.messageID) }
            } else {
                let nack = try OasstJSON.decode(NackRequest.self, from: body)
                outcome = await ClientFixtures.failure { try await client.nack(taskID: taskID, reason: nack.reason) }
            }
        default:
            Issue.record("no client call for \(exchange.name); add it to notClientCalls with a reason")
            return
        }
        #expect(fake.mismatches.isEmpty, "\(exchange.name): \(fake.mismatches)")
        fake.verify()
        if (200..<300).contains(exchange.response.status) {
            #expect(outcome == nil, "\(exchange.name): \(outcome.map { "\($0)" } ?? "")")
        } else {
            let error = try #require(outcome, "\(exchange.name) should fail")
            #expect(error.status == exchange.response.status)
            #expect(error.code == exchange.response.body?["error_code"]?.intValue)
            if let code = error.code {
                #expect(error.action == ClientAction.forErrorCode(code, status: exchange.response.status))
            } else {
                #expect(error.kind == .validation)
                #expect(!error.details.isEmpty)
                #expect(!error.details.contains { $0.loc == [.key("body"), .key("type")] })
            }
        }
    }
}
