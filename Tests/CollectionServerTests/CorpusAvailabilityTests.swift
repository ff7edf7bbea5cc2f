import Foundation
import OasstProtocol
import Testing

@testable import CollectionServer

/// A first start loads the seed corpus once and then offers every task type the real backend hands out, in every
/// seeded language.
@Suite struct CorpusAvailabilityTests {
    static let handedOut = [
        "initial_prompt", "prompter_reply", "assistant_reply", "rank_prompter_replies", "rank_assistant_replies",
        "label_initial_prompt", "label_prompter_reply", "label_assistant_reply",
    ]

    @Test(arguments: ["en", "de", "es", "fr"]) func freshServerOffersEveryTaskType(lang: String) async throws {
        try await ServerHarness.with(ServerHarness.configuration()) { harness in
            let reply = try await harness.send(
                .post, "/api/v1/tasks/availability?lang=\(lang)", json: ServerHarness.user("newcomer"))
            #expect(reply.status == 200)
            for type in Self.handedOut {
                #expect((reply.body?[type]?.intValue ?? 0) > 0, "\(type) in \(lang)")
            }
            for type in ["rank_initial_prompts", "summarize_story", "rate_summary"] {
                #expect(reply.body?[type]?.intValue == 0)
            }
            for type in Self.handedOut {
                let task = try await harness.requestTask(type, user: "newcomer-\(type)", lang: lang)
                #expect(task.status == 200, "\(type) in \(lang): \(String(decoding: task.rawBody, as: UTF8.self))")
                #expect(task.body?["type"]?.stringValue == type)
            }
        }
    }

    @Test func corpusIsLoadedOnlyIntoANewDatabase() async throws {
        let path = ServerHarness.temporaryDatabase()
        let first = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: path, apiKeys: [ServerHarness.apiKey])
        let count = try await first.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message") }
        #expect(count == SeedCorpus.trees.map(\.messages.count).reduce(0, +))
        let second = try CollectionServer(
            configuration: ServerHarness.configuration(), databasePath: path, apiKeys: [ServerHarness.apiKey])
        let again = try await second.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message") }
        #expect(again == count)
    }
}
