import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

@Suite struct CurlTransportTLSTests {
    @Test(.enabled(if: OpenSSLTestServer.isAvailable, "needs /usr/bin/openssl"))
    func selfSignedCertificateIsRejected() async throws {
        let server = try OpenSSLTestServer()
        defer { server.stop() }
        let transport = CurlTransport()

        let error = await TransportErrorKind.caught {
            try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        }

        let failure = try #require(error as? TransportError)
        guard case .tls(let message) = failure else {
            Issue.record("expected .tls, got \(failure)")
            return
        }
        // Verification (curl 60), not some other handshake failure.
        #expect(message.lowercased().contains("certificate"))
    }

    @Test func plainHTTPServerBehindAnHTTPSURLIsATLSFailure() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlTransport(configuration: CurlTransportConfiguration(totalTimeout: .seconds(5)))

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: "https://127.0.0.1:\(server.port)/"))
        }

        #expect(kind == .tls)
    }

    @Test func libraryInitialisesOnce() {
        #expect(CurlTransport.initializeLibrary())
        #expect(CurlTransport.initializeLibrary())
    }
}
