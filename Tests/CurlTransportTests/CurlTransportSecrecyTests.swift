import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

@Suite struct CurlTransportSecrecyTests {
    /// Letters and digits only, so it can also stand as a URL scheme that curl quotes back.
    static let key = "sk0oasst0secret0key0123456789"

    static func texts(of error: any Error) -> [String] {
        var texts = [String(describing: error), String(reflecting: error), "\(error)", error.localizedDescription]
        if let transport = error as? TransportError {
            switch transport {
            case .connectionRefused(let text), .hostNotFound(let text), .timedOut(let text), .tls(let text),
                .truncated(let text), .other(_, let text):
                texts.append(text)
            case .responseTooLarge(let limit):
                texts.append(String(limit))
            }
        }
        return texts
    }

    @Test func errorTextsNeverContainTheAPIKey() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            LoopbackHTTPReply.text("late").delayed(by: .seconds(20)),
            .truncated(announcing: 500, sending: 5),
            .huge(bytes: 50_000),
            .closeWithoutAnswer)
        let reserved = try LoopbackHTTPReservedPort()
        let transport = CurlTransport(
            configuration: CurlTransportConfiguration(totalTimeout: .milliseconds(300), maxResponseBytes: 1000))
        let headers = [
            ("X-API-Key", Self.key), ("Authorization", "Bearer \(Self.key)"), ("X-OASST-USER", "local:me"),
        ]
        let urls = [
            server.url("/slow"), server.url("/cut"), server.url("/huge"), server.url("/gone"),
            reserved.baseURL + "/refused",
            // curl names an unknown scheme in its message: here the scheme is the key itself.
            "\(Self.key)://127.0.0.1/",
        ]

        var failures = 0
        for url in urls {
            let error = await TransportErrorKind.caught {
                try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers))
            }
            guard let error else { continue }
            failures += 1
            for text in Self.texts(of: error) {
                #expect(!text.contains(Self.key), "error text leaks the key for \(url.prefix(30))")
            }
        }
        #expect(failures == urls.count)
    }

    @Test func curlMessagesNamingTheSchemeAreRedacted() async throws {
        let transport = CurlTransport()

        let error = await TransportErrorKind.caught {
            try await transport.send(
                HTTPRequest(method: "GET", url: "\(Self.key)://127.0.0.1/", headers: [("X-API-Key", Self.key)]))
        }

        let failure = try #require(error as? TransportError)
        guard case .other(let code, let message) = failure else {
            Issue.record("expected .other, got \(failure)")
            return
        }
        #expect(code == 1)
        #expect(message.contains("<redacted>"))
        #expect(!message.contains(Self.key))
    }

    @Test func redactionCoversEverySecretHeaderAndBearerTokens() {
        let request = HTTPRequest(
            method: "GET", url: "http://127.0.0.1/",
            headers: [("x-api-key", "abc-111"), ("Authorization", "Bearer tok-222"), ("X-OASST-USER", "u-333")])
        let secrets = CurlErrorMapping.secrets(of: request)

        let text = CurlErrorMapping.redact("abc-111 / Bearer tok-222 / tok-222 / u-333", secrets: secrets)

        #expect(text == "<redacted> / <redacted> / <redacted> / u-333")
    }
}
