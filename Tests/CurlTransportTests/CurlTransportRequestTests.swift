import CCurl
import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

@Suite struct CurlTransportRequestTests {
    @Test func sendsTheRequestHeadersAndMethod() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let request = HTTPRequest(
            method: "POST", url: server.url("/api/v1/tasks/"),
            headers: [
                ("X-API-Key", "key-1234"), ("X-OASST-USER", "discord:42"), ("Content-Type", "application/json"),
            ],
            body: Data("{}".utf8))

        let response = try await transport.send(request)

        #expect(response.status == 200)
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.target == "/api/v1/tasks/")
        #expect(seen.header("x-api-key") == "key-1234")
        #expect(seen.header("X-OASST-USER") == "discord:42")
        #expect(seen.header("content-type") == "application/json")
        #expect(seen.header("Content-Length") == "2")
        #expect(seen.header("Expect") == nil)
        #expect(seen.header("User-Agent") == "oasst-tui")
    }

    @Test func jsonBodyRoundTripsAndResponseHeadersAreLowerCased() async throws {
        let server = try LoopbackHTTPServer { request in
            LoopbackHTTPReply(
                status: 201, headers: [("Content-Type", "application/json"), ("X-Request-ID", "r-7")],
                body: .bytes(request.body))
        }
        defer { server.stop() }
        let transport = CurlTransport()
        let payload = ["type": "text_reply_to_message", "text": "Grüße, 世界 👋", "user_message_id": "u-1"]
        let body = try JSONEncoder().encode(payload)

        let response = try await transport.send(
            HTTPRequest(
                method: "POST", url: server.url("/echo"), headers: [("Content-Type", "application/json")], body: body))

        #expect(response.status == 201)
        #expect(try JSONDecoder().decode([String: String].self, from: response.body) == payload)
        #expect(server.requests.first?.body == body)
        #expect(response.headers["x-request-id"] == "r-7")
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
    }

    @Test func twoHundredMixedRequestsShareOneConnection() async throws {
        let server = try LoopbackHTTPServer { request in
            .text("\(request.method) \(request.target) \(request.body.count)")
        }
        defer { server.stop() }
        let transport = CurlTransport()
        let methods = ["GET", "POST", "GET", "PUT", "HEAD", "DELETE", "POST"]

        for index in 0..<200 {
            let method = methods[index % methods.count]
            let hasBody = method == "POST" || method == "PUT"
            let body = hasBody ? Data("{\"n\":\(index)}".utf8) : nil
            let response = try await transport.send(
                HTTPRequest(
                    method: method, url: server.url("/r/\(index)"),
                    headers: hasBody ? [("Content-Type", "application/json")] : [], body: body))
            let expected = method == "HEAD" ? "" : "\(method) /r/\(index) \(body?.count ?? 0)"
            #expect(String(decoding: response.body, as: UTF8.self) == expected)
        }

        #expect(server.acceptedConnections == 1)
        let seen = server.requests
        #expect(seen.count == 200)
        for (index, request) in seen.enumerated() {
            let method = methods[index % methods.count]
            #expect(request.method == method)
            if method == "GET" || method == "HEAD" || method == "DELETE" {
                #expect(request.body.isEmpty)
                #expect(request.header("Content-Length") == nil)
            }
        }
    }

    @Test func largePostSendsNoExpectContinue() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlTransport()
        let body = Data(repeating: UInt8(ascii: "z"), count: 2 * 1024 * 1024)

        let response = try await transport.send(
            HTTPRequest(method: "POST", url: server.url("/big"), headers: [("Content-Type", "text/plain")], body: body))

        #expect(response.status == 200)
        let seen = try #require(server.requests.first)
        #expect(seen.header("Expect") == nil)
        #expect(seen.body == body)
    }

    @Test func concurrentSendsOnOneTransportRunInTurnOverOneConnection() async throws {
        let server = try LoopbackHTTPServer { request in .text(request.target) }
        defer { server.stop() }
        let transport = CurlTransport()

        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<20 {
                group.addTask {
                    let response = try await transport.send(HTTPRequest(method: "GET", url: server.url("/c/\(index)")))
                    return (index, String(decoding: response.body, as: UTF8.self))
                }
            }
            var collected: [Int: String] = [:]
            for try await (index, text) in group {
                collected[index] = text
            }
            return collected
        }

        #expect(answers.count == 20)
        for (index, text) in answers {
            #expect(text == "/c/\(index)")
        }
        #expect(server.acceptedConnections == 1)
    }

    @Test func separateTransportsUseSeparateConnections() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let uploader = CurlTransport(name: "uploader")
        let fetcher = CurlTransport(name: "fetcher")

        for _ in 0..<3 {
            _ = try await uploader.send(HTTPRequest(method: "GET", url: server.url("/u")))
            _ = try await fetcher.send(HTTPRequest(method: "GET", url: server.url("/f")))
        }

        #expect(server.acceptedConnections == 2)
        #expect(Set(server.requests.map(\.connection)).count == 2)
    }

    @Test func headerWithLineBreakIsRejectedBeforeSending() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let transport = CurlTransport()

        let kind = await TransportErrorKind.of {
            try await transport.send(
                HTTPRequest(method: "GET", url: server.url("/x"), headers: [("X-Note", "a\r\nX-Injected: 1")]))
        }

        #expect(kind == .other(43))
        #expect(server.requests.isEmpty)
    }

    @Test func libraryVersionNamesLibcurl() {
        #expect(CurlTransport.libraryVersion.hasPrefix("libcurl/"))
    }

    /// libcurl is opened on first use (CCurl.c), not linked: every entry point must resolve, and the library
    /// initialise once however many threads ask at the same time.
    @Test func libcurlLoadsOnceFromAnyThread() async {
        let results = await withTaskGroup(of: Int32.self) { group in
            for _ in 0..<8 { group.addTask { oasst_curl_load() } }
            return await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: 1, count: 8))
        #expect(oasst_curl_load_error() == nil)
        #expect(oasst_curl_global_init_default() == CURLE_OK)
        #expect(CurlTransport.initializeLibrary())
    }

    @Test func timeoutsBecomeWholeMilliseconds() {
        #expect(CurlTransportConfiguration.milliseconds(.seconds(5)) == 5000)
        #expect(CurlTransportConfiguration.milliseconds(.milliseconds(1500)) == 1500)
        #expect(CurlTransportConfiguration.milliseconds(.zero) == 1)
    }
}
