import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

/// The loopback server's own features, driven through the real transport.
@Suite struct LoopbackHTTPServerTests {
    @Test func closingReplyMakesTheNextRequestReconnect() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(LoopbackHTTPReply.text("one").closingConnection(), .text("two"))
        let transport = CurlTransport()

        let first = try await transport.send(HTTPRequest(method: "GET", url: server.url("/1")))
        let second = try await transport.send(HTTPRequest(method: "GET", url: server.url("/2")))

        #expect(first.headers["connection"] == "close")
        #expect(String(decoding: second.body, as: UTF8.self) == "two")
        #expect(server.acceptedConnections == 2)
        #expect(server.requests.map(\.connection) == [0, 1])
    }

    @Test func rawReplyIsWrittenVerbatim() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            LoopbackHTTPReply(
                behaviour: .raw(Data("HTTP/1.1 202 Accepted\r\nX-Raw: yes\r\nContent-Length: 2\r\n\r\nhi".utf8))))
        let transport = CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "GET", url: server.url("/raw")))

        #expect(response.status == 202)
        #expect(response.headers["x-raw"] == "yes")
        #expect(String(decoding: response.body, as: UTF8.self) == "hi")
    }

    @Test func chunkedRequestBodyIsRecordedDecoded() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let body = Data((0..<5000).map { UInt8($0 % 251) })

        _ = try await transport.send(
            HTTPRequest(
                method: "POST", url: server.url("/upload?x=1"),
                headers: [("Transfer-Encoding", "chunked"), ("Content-Type", "application/octet-stream")], body: body))

        let seen = try #require(server.requests.first)
        #expect(seen.header("transfer-encoding") == "chunked")
        #expect(seen.body == body)
        #expect(seen.path == "/upload")
        #expect(seen.target == "/upload?x=1")
    }

    @Test func handlerAnswersAfterTheScriptRunsOut() async throws {
        let server = try LoopbackHTTPServer { request in .json(#"{"path":"\#(request.path)"}"#, status: 404) }
        defer { server.stop() }
        server.enqueue(.text("scripted"))
        let transport = CurlTransport()

        let first = try await transport.send(HTTPRequest(method: "GET", url: server.url("/a")))
        let second = try await transport.send(HTTPRequest(method: "GET", url: server.url("/b")))

        #expect(String(decoding: first.body, as: UTF8.self) == "scripted")
        #expect(second.status == 404)
        #expect(String(decoding: second.body, as: UTF8.self) == #"{"path":"/b"}"#)
    }

    @Test func stoppedServerRefusesConnections() async throws {
        let server = try LoopbackHTTPServer()
        let transport = CurlTransport(
            configuration: CurlTransportConfiguration(connectTimeout: .seconds(2), totalTimeout: .seconds(3)))
        _ = try await transport.send(HTTPRequest(method: "GET", url: server.url("/before")))

        server.stop()
        _ = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/after")))
        }

        // The freed port is normally refused (refusal itself is tested with a reserved port); under a
        // parallel suite another test's listener can take the same ephemeral port at once (seen in CI),
        // so what matters here is that the stopped server never saw the request.
        #expect(server.requests.count == 1)
    }
}
