import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import Testing

@testable import CollectionServer

/// The project's own client (`OasstClient` over libcurl) works against this server on a real loopback port, and
/// reads its errors the way it reads the real backend's.
@Suite struct ClientCompatibilityTests {
    @Test func clientRunsAWholeLabelCycleAndSeesBackendErrors() async throws {
        let configuration = ServerHarness.configuration {
            $0.rateLimits.assistantReplyPerUser = .init(times: 1, seconds: 120)
            $0.clock = { Date() }
        }
        let server = try CollectionServer(
            configuration: configuration, databasePath: ServerHarness.temporaryDatabase(),
            apiKeys: [ServerHarness.apiKey])
        let port = try await server.start()
        let user = User(id: "zoe", displayName: "Zoe", authMethod: "local")
        let client = OasstClient(
            configuration: OasstClientConfiguration(
                baseURL: "http://127.0.0.1:\(port)", apiKey: ServerHarness.apiKey, user: user),
            transport: CurlTransport())
        do {
            let created = try await client.createFrontendUser(tosAcceptance: true)
            #expect(created.id == "zoe" && created.tosAcceptanceDate != nil)
            #expect(try await client.publicSettings().messageSizeLimit == 2000)
            let availability = try await client.availability()
            #expect(availability[.labelInitialPrompt] > 0)
            let task = try await client.requestTask(.labelInitialPrompt)
            let labeling = try #require(task.labeling)
            let ackID = UUID().uuidString.lowercased()
            try await client.ack(taskID: labeling.id, ackID: ackID)
            try await client.ack(taskID: labeling.id, ackID: ackID)
            let answer = Interaction.textLabels(
                TextLabelsInteraction(
                    messageID: labeling.messageID, taskID: labeling.id, text: "x",
                    labels: ["spam": 0, "lang_mismatch": 0, "quality": 0.5], user: user))
            _ = try await client.send(answer)
            do {
                _ = try await client.send(answer)
                Issue.record("a replay must fail")
            } catch {
                #expect(error.code == 2105 && error.action == .delivered)
            }
            _ = try? await client.requestTask(.assistantReply)
            do {
                _ = try await client.requestTask(.assistantReply)
                Issue.record("the second assistant_reply request must be rate limited")
            } catch {
                #expect(error.status == 429 && error.code == 429)
                #expect((error.retryAfter ?? 0) > 0)
            }
            do {
                try await client.ack(taskID: UUID(), ackID: "x")
                Issue.record("unknown task must fail")
            } catch {
                #expect(error.status == 404 && error.code == 2100)
            }
        } catch {
            Issue.record("client error: \(error)")
        }
        await server.shutdown()
    }
}
