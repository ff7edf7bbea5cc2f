import Foundation
import GRDB
import OasstProtocol
import Testing

@testable import CollectionServer

/// The server keeps the users requests name in memory (`UserCache`); what a request changes about a user must reach
/// the next request, and what a failed request wrote must be forgotten with it.
@Suite struct UserCacheTests {
    private static func frontendUser(_ name: String, displayName: String, enabled: Bool) -> JSONValue {
        .object([
            "id": .string(name), "display_name": .string(displayName), "auth_method": .string("local"),
            "enabled": .bool(enabled),
        ])
    }

    @Test func changesToAUserReachTheNextRequest() async throws {
        let configuration = ServerHarness.configuration { $0.rateLimits.enabled = false }
        try await ServerHarness.with(configuration) { harness in
            #expect(try await harness.requestTask("initial_prompt", user: "ann").status == 200)

            let disabled = try await harness.send(
                .post, "/api/v1/frontend_users/", json: Self.frontendUser("ann", displayName: "Ann", enabled: false))
            #expect(disabled.status == 200)
            let refused = try await harness.requestTask("initial_prompt", user: "ann")
            #expect(refused.errorCode == 4001)

            let enabled = try await harness.send(
                .post, "/api/v1/frontend_users/", json: Self.frontendUser("ann", displayName: "Ann", enabled: true))
            #expect(enabled.status == 200)
            #expect(try await harness.requestTask("initial_prompt", user: "ann").status == 200)

            let renamed = try await harness.send(
                .post, "/api/v1/tasks/",
                json: .object([
                    "type": "initial_prompt", "lang": "en",
                    "user": .object(["id": "ann", "display_name": "Ann B.", "auth_method": "local"]),
                ]))
            #expect(renamed.status == 200)
            let shown = try await harness.send(.get, "/api/v1/frontend_users/local/ann")
            #expect(shown.body?["display_name"] == "Ann B.")
        }
    }

    @Test func aUserWrittenByARolledBackRequestIsForgotten() async throws {
        let configuration = ServerHarness.configuration {
            $0.rateLimits.enabled = false
            $0.enforceTermsOfService = true
        }
        try await ServerHarness.with(configuration) { harness in
            // The request stores the new user, then fails the terms check: its savepoint, user included, is undone.
            let refused = try await harness.requestTask("initial_prompt", user: "newcomer")
            #expect(refused.errorCode == 4003)
            let lookedUp = try await harness.send(.get, "/api/v1/frontend_users/local/newcomer")
            #expect(lookedUp.status == 404)
            #expect(lookedUp.errorCode == 4002)
        }
    }

    @Test func theCacheStaysBounded() {
        let cache = UserCache()
        let record = UserRecord(
            row: [
                "id": "00000000-0000-0000-0000-000000000001", "auth_method": "local", "username": "u",
                "display_name": "U", "enabled": true, "deleted": false, "notes": "", "show_on_leaderboard": true,
                "created_date": 0.0, "tos_acceptance_date": nil,
            ])
        for index in 0...UserCache.capacity {
            cache.store(record, as: UserCache.Key(client: "c", authMethod: "local", username: "u\(index)"))
        }
        #expect(cache.count <= UserCache.capacity)
        #expect(cache.user(UserCache.Key(client: "c", authMethod: "local", username: "u\(UserCache.capacity)")) != nil)
    }
}
