import Foundation
import OasstClient
import OasstProtocol
import Testing

/// A scripted `HTTPTransport` for tests: each expected call (method, path, headers, JSON body) is answered in
/// order with a canned response; an unexpected call records a test issue, and `verify()` fails on calls that
/// never came. Can be seeded from a recorded fixture exchange.
public final class FakeTransport: HTTPTransport, @unchecked Sendable {
    /// How a header is checked.
    public enum HeaderRule: Sendable, Equatable {
        /// Must be sent, any value.
        case present
        /// Must not be sent.
        case absent
        /// Must be sent with exactly this value.
        case equals(String)
    }

    /// How the body is checked.
    public enum BodyRule: Sendable, Equatable {
        /// Anything.
        case any
        /// No body.
        case none
        /// A JSON body equal to this tree (key order and number spelling do not matter).
        case json(JSONValue)
    }

    /// What the fake does for one expected call.
    public enum Reply: Sendable, Equatable {
        /// Answer with this response.
        case response(HTTPResponse)
        /// Fail as the network would.
        case failure(TransportError)
    }

    /// One expected call and its reply.
    public struct Expectation: Sendable, Equatable {
        /// `GET` or `POST`.
        public var method: String
        /// Path and query after the host, e.g. `/api/v1/tasks/availability?lang=en`.
        public var path: String
        /// Header checks by (case-insensitive) name.
        public var headers: [String: HeaderRule]
        /// Body check.
        public var body: BodyRule
        /// The canned answer.
        public var reply: Reply

        /// Creates an expectation.
        public init(
            method: String, path: String, headers: [String: HeaderRule] = [:], body: BodyRule = .any, reply: Reply
        ) {
            self.method = method
            self.path = path
            self.headers = headers
            self.body = body
            self.reply = reply
        }
    }

    private let lock = NSLock()
    private var pending: [Expectation] = []
    private var received: [HTTPRequest] = []
    private var problems: [String] = []

    /// Creates a fake with nothing expected.
    public init() {}

    /// Adds an expected call.
    public func expect(_ expectation: Expectation) {
        lock.withLock { pending.append(expectation) }
    }

    /// Adds an expected call answered with `status`, a JSON `body` (or none) and a JSON content type.
    public func expect(
        _ method: String, _ path: String, headers: [String: HeaderRule] = [:], body: BodyRule = .any,
        status: Int, responseBody: JSONValue? = nil
    ) throws {
        let data = try responseBody.map { try OasstJSON.encode($0) } ?? Data()
        expect(
            Expectation(
                method: method, path: path, headers: headers, body: body,
                reply: .response(
                    HTTPResponse(status: status, headers: ["content-type": "application/json"], body: data))))
    }

    /// Adds the request of a recorded exchange as an expectation and its response as the reply. Headers the
    /// recording carries are required: `X-API-Key` by presence (recordings hide the key), the others by value.
    public func expect(_ exchange: RecordedExchange) throws {
        var headers: [String: HeaderRule] = [:]
        for (name, value) in exchange.request.headers {
            headers[name.lowercased()] = name.lowercased() == "x-api-key" ? .present : .equals(value)
        }
        let body = try RecordedExchange.data(exchange.response.body)
        expect(
            Expectation(
                method: exchange.request.method, path: exchange.request.path, headers: headers,
                body: exchange.request.body.map { .json($0) } ?? .none,
                reply: .response(
                    HTTPResponse(status: exchange.response.status, headers: exchange.response.headers, body: body))))
    }

    /// Every request received so far, in order.
    public var requests: [HTTPRequest] { lock.withLock { received } }

    /// Expected calls not made yet.
    public var remaining: [Expectation] { lock.withLock { pending } }

    /// Mismatches seen so far (each was also recorded as a test issue).
    public var mismatches: [String] { lock.withLock { problems } }

    /// Records an issue for every expected call that never came.
    public func verify(sourceLocation: SourceLocation = #_sourceLocation) {
        for missing in remaining {
            Issue.record("expected call never made: \(missing.method) \(missing.path)", sourceLocation: sourceLocation)
        }
    }

    /// Answers the next expected call, or records an issue and fails like the network would.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (expectation, problem) = lock.withLock { () -> (Expectation?, String?) in
            received.append(request)
            guard !pending.isEmpty else {
                let text = "unexpected call: \(request.method) \(Self.pathAndQuery(request.url))"
                problems.append(text)
                return (nil, text)
            }
            let next = pending.removeFirst()
            let mismatch = Self.mismatch(next, request)
            if let mismatch { problems.append(mismatch) }
            return (next, mismatch)
        }
        if let problem {
            Issue.record(Comment(rawValue: problem))
            throw TransportError.other(code: -999, message: "FakeTransport: \(problem)")
        }
        switch expectation?.reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil: throw TransportError.other(code: -999, message: "FakeTransport: no reply")
        }
    }

    /// `/path?query` of an absolute URL.
    public static func pathAndQuery(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    private static func mismatch(_ expected: Expectation, _ request: HTTPRequest) -> String? {
        var problems: [String] = []
        let path = pathAndQuery(request.url)
        if request.method != expected.method || path != expected.path {
            problems.append("call \(request.method) \(path), expected \(expected.method) \(expected.path)")
        }
        for (name, rule) in expected.headers.sorted(by: { $0.key < $1.key }) {
            let value = request.header(name)
            switch rule {
            case .present where value == nil: problems.append("header \(name) missing")
            case .absent where value != nil: problems.append("header \(name) should be absent")
            case .equals(let wanted) where value != wanted:
                problems.append("header \(name) is \(value ?? "absent"), expected \(wanted)")
            case .present, .absent, .equals: break
            }
        }
        switch expected.body {
        case .any: break
        case .none:
            if let body = request.body, !body.isEmpty { problems.append("unexpected body") }
        case .json(let wanted):
            if let body = request.body, let actual = try? OasstJSON.decode(JSONValue.self, from: body) {
                if actual != wanted {
                    problems.append("body \(actual.description.prefix(300)) ≠ \(wanted.description.prefix(300))")
                }
            } else {
                problems.append("body missing or not JSON")
            }
        }
        return problems.isEmpty ? nil : "\(expected.method) \(expected.path): " + problems.joined(separator: "; ")
    }
}
