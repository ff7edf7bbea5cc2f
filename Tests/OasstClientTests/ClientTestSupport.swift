import Foundation
import OasstClient
import OasstProtocol
import TestSupport
import Testing

/// Shared helpers for the client tests.
enum ClientFixtures {
    static let baseURL = "http://oasst.test"
    static let apiKey = "test-key-123"

    static func user(_ id: String) -> User {
        User(id: id, displayName: id.prefix(1).uppercased() + id.dropFirst(), authMethod: "local")
    }

    static func client(_ transport: FakeTransport, user: User = user("alice"), lang: String = "en") -> OasstClient {
        OasstClient(
            configuration: OasstClientConfiguration(baseURL: baseURL, apiKey: apiKey, user: user, defaultLang: lang),
            transport: transport)
    }

    static func json(_ text: String) throws -> JSONValue {
        try OasstJSON.decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Runs `body` and returns the `OasstError` it threw, or `nil` when it succeeded.
    static func failure<T>(_ body: () async throws -> T) async -> OasstError? {
        do {
            _ = try await body()
            return nil
        } catch let error as OasstError {
            return error
        } catch {
            Issue.record("not an OasstError: \(error)")
            return nil
        }
    }
}
