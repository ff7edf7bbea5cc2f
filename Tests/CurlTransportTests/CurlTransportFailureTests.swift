import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

@Suite struct CurlTransportFailureTests {
    @Test func serverErrorIsAResponseNotAnError() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(
            LoopbackHTTPReply(
                status: 503, headers: [("Retry-After", "7"), ("Content-Type", "application/json")],
                body: .bytes(Data(#"{"message":"down"}"#.utf8))))
        let transport = CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "GET", url: server.url("/api/v1/tasks/")))

        #expect(response.status == 503)
        #expect(response.headers["retry-after"] == "7")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"message":"down"}"#)
    }

    @Test func slowServerTimesOut() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(LoopbackHTTPReply.text("late").delayed(by: .seconds(20)))
        let transport = CurlTransport(configuration: CurlTransportConfiguration(totalTimeout: .milliseconds(300)))

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/slow")))
        }

        #expect(kind == .timedOut)
        #expect(server.requests.count == 1)
    }

    @Test func nothingListeningIsConnectionRefused() async throws {
        let reserved = try LoopbackHTTPReservedPort()
        let transport = CurlTransport()

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: reserved.baseURL + "/api/v1/tasks/"))
        }

        #expect(kind == .connectionRefused)
    }

    @Test func oversizedAnnouncedBodyIsResponseTooLarge() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.huge(bytes: 100_000))
        let transport = CurlTransport(configuration: CurlTransportConfiguration(maxResponseBytes: 10_000))

        let error = await TransportErrorKind.caught {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/huge")))
        }

        #expect(error as? TransportError == .responseTooLarge(limit: 10_000))
    }

    @Test func oversizedChunkedBodyIsAbortedByTheWriteCallback() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.huge(bytes: 3 * 1024 * 1024, chunked: true))
        let transport = CurlTransport(configuration: CurlTransportConfiguration(maxResponseBytes: 1024 * 1024))

        let error = await TransportErrorKind.caught {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/stream")))
        }

        #expect(error as? TransportError == .responseTooLarge(limit: 1024 * 1024))
    }

    @Test func bodyExactlyAtTheCapIsAccepted() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.huge(bytes: 10_000), .huge(bytes: 10_000, chunked: true))
        let transport = CurlTransport(configuration: CurlTransportConfiguration(maxResponseBytes: 10_000))

        let announced = try await transport.send(HTTPRequest(method: "GET", url: server.url("/a")))
        let chunked = try await transport.send(HTTPRequest(method: "GET", url: server.url("/b")))

        #expect(announced.body.count == 10_000)
        #expect(chunked.body.count == 10_000)
    }

    @Test func shortBodyIsTruncated() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.truncated(announcing: 1000, sending: 10))
        let transport = CurlTransport()

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/cut")))
        }

        #expect(kind == .truncated)
    }

    @Test func hangUpWithoutAnswerFailsAndTheLaneRecovers() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(.closeWithoutAnswer, .text("fine"))
        let transport = CurlTransport()

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/gone")))
        }
        let next = try await transport.send(HTTPRequest(method: "GET", url: server.url("/again")))

        #expect(kind == .other(52))  // CURLE_GOT_NOTHING
        #expect(String(decoding: next.body, as: UTF8.self) == "fine")
    }

    @Test func cancellingTheCallerAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(LoopbackHTTPReply.text("late").delayed(by: .seconds(60)), .text("next"))
        let transport = CurlTransport()

        let pending = Task {
            try await transport.send(HTTPRequest(method: "GET", url: server.url("/wait")))
        }
        for _ in 0..<1000 where server.requests.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(server.requests.count == 1)
        pending.cancel()
        let outcome = await pending.result

        #expect(throws: CancellationError.self) { try outcome.get() }
        let next = try await transport.send(HTTPRequest(method: "GET", url: server.url("/next")))
        #expect(String(decoding: next.body, as: UTF8.self) == "next")
    }

    @Test func fileURLsAreRefused() async throws {
        let transport = CurlTransport()

        let kind = await TransportErrorKind.of {
            try await transport.send(HTTPRequest(method: "GET", url: "file:///etc/passwd"))
        }

        #expect(kind == .other(1))  // CURLE_UNSUPPORTED_PROTOCOL
    }
}
