import Foundation
import OasstProtocol
import TestSupport
import Testing

/// What a recorded body must be read as.
enum BodyKind: Sendable, CustomStringConvertible {
    /// No body at all.
    case none
    /// A body our own type must NOT accept (the server rejected it as malformed, too).
    case rejectedBy(String, @Sendable (Data) throws -> Void)
    /// Must decode to this type and re-encode to the same JSON tree.
    case type(String, @Sendable (Data) throws -> JSONValue)
    /// An `OasstErrorBody` with this code.
    case error(Int)
    /// A 422 `ValidationErrorBody`.
    case validation

    var description: String {
        switch self {
        case .none: return "none"
        case .rejectedBy(let name, _): return "rejected by \(name)"
        case .type(let name, _): return name
        case .error(let code): return "error \(code)"
        case .validation: return "422"
        }
    }
}

/// Decodes with the project's types and re-encodes, returning the re-encoded JSON tree.
func roundTrip<T: Codable & SendableMetatype>(_ type: T.Type) -> BodyKind {
    .type(String(describing: type)) { data in
        let value = try OasstJSON.decode(type, from: data)
        return try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(value))
    }
}

/// Expects the project's type to refuse the body.
func refused<T: Decodable & SendableMetatype>(_ type: T.Type) -> BodyKind {
    .rejectedBy(String(describing: type)) { data in _ = try OasstJSON.decode(type, from: data) }
}

let taskRequest = roundTrip(TaskRequest.self)
let ack = roundTrip(AckRequest.self)
let nack = roundTrip(NackRequest.self)
let interaction = roundTrip(Interaction.self)
let createUser = roundTrip(CreateFrontendUserRequest.self)
let bareUser = roundTrip(User.self)
let task = roundTrip(OasstTask.self)
let taskDone = roundTrip(TaskDone.self)
let frontEndUser = roundTrip(FrontEndUser.self)
let availability = roundTrip(TaskAvailability.self)

/// Every fixture file → (request body kind, response status, response body kind). A file missing here fails.
let fixtureTable: [Int: (request: BodyKind, status: Int, response: BodyKind)] = [
    1: (createUser, 200, frontEndUser), 2: (createUser, 200, frontEndUser), 3: (.none, 200, frontEndUser),
    4: (.none, 404, .error(4002)), 5: (bareUser, 200, availability), 6: (.none, 400, .error(4000)),
    7: (taskRequest, 200, task), 8: (ack, 204, .none), 9: (interaction, 200, taskDone),
    10: (taskRequest, 200, task), 11: (ack, 204, .none), 12: (interaction, 200, taskDone),
    13: (interaction, 400, .error(2105)), 14: (taskRequest, 200, task), 15: (interaction, 400, .error(2104)),
    16: (ack, 204, .none), 17: (interaction, 422, .validation), 18: (interaction, 422, .validation),
    19: (interaction, 400, .error(2051)), 20: (interaction, 400, .error(2052)), 21: (interaction, 200, taskDone),
    22: (interaction, 400, .error(2105)), 23: (taskRequest, 503, .error(1006)), 24: (taskRequest, 200, task),
    25: (ack, 204, .none), 26: (interaction, 422, .validation), 27: (interaction, 422, .validation),
    28: (interaction, 400, .error(1008)), 29: (interaction, 200, taskDone), 30: (interaction, 400, .error(1009)),
    31: (interaction, 400, .error(1004)), 32: (taskRequest, 200, task), 33: (ack, 204, .none),
    34: (interaction, 200, taskDone), 35: (taskRequest, 200, task), 36: (ack, 204, .none),
    37: (interaction, 200, taskDone), 38: (taskRequest, 200, task), 39: (ack, 204, .none),
    40: (interaction, 200, taskDone), 41: (taskRequest, 200, task), 42: (ack, 204, .none),
    43: (interaction, 400, .error(2003)), 44: (interaction, 400, .error(2003)), 45: (interaction, 422, .validation),
    46: (interaction, 200, taskDone), 47: (interaction, 400, .error(2105)), 48: (taskRequest, 503, .error(1006)),
    49: (bareUser, 200, availability), 50: (taskRequest, 200, task), 51: (ack, 204, .none),
    52: (interaction, 200, taskDone), 53: (ack, 204, .none), 54: (ack, 204, .none), 55: (ack, 400, .error(2103)),
    56: (ack, 404, .error(2100)), 57: (ack, 422, .validation), 58: (interaction, 400, .error(2106)),
    59: (interaction, 400, .error(2107)), 60: (interaction, 400, .error(2100)), 61: (ack, 400, .error(2000)),
    62: (nack, 400, .error(4000)), 63: (nack, 204, .none), 64: (nack, 204, .none), 65: (nack, 400, .error(2106)),
    66: (nack, 400, .error(2100)), 67: (ack, 204, .none), 68: (interaction, 200, taskDone),
    69: (taskRequest, 403, .error(2)), 70: (taskRequest, 403, .error(2)),
    71: (refused(TaskRequest.self), 400, .error(4000)), 72: (refused(TaskRequest.self), 422, .validation),
    73: (taskRequest, 503, .error(1006)), 74: (refused(Interaction.self), 422, .validation),
    // `/tasks/close` takes `{message_id}`, the same shape as an ack.
    75: (ack, 500, .error(0)), 76: (taskRequest, 200, task), 77: (taskRequest, 400, .error(1012)),
    78: (taskRequest, 200, task), 79: (taskRequest, 429, .error(429)), 80: (bareUser, 200, availability),
    81: (createUser, 200, frontEndUser), 82: (taskRequest, 451, .error(4003)), 83: (createUser, 200, frontEndUser),
    84: (taskRequest, 200, task), 85: (ack, 204, .none), 86: (interaction, 400, .error(2101)),
    87: (ack, 400, .error(2101)), 88: (nack, 400, .error(2101)), 89: (interaction, 400, .error(2100)),
    90: (ack, 404, .error(2100)), 91: (taskRequest, 200, task), 92: (interaction, 200, taskDone),
    93: (ack, 204, .none), 94: (interaction, 400, .error(1004)), 95: (interaction, 404, .error(2001)),
    96: (interaction, 200, taskDone), 97: (ack, 204, .none), 98: (nack, 500, .error(0)), 99: (nack, 204, .none),
]

@Suite struct FixtureRoundTripTests {
    static func fixtureNames() throws -> [String] {
        try FixtureDirectory.exchangeFiles().map(\.lastPathComponent)
    }

    @Test func everyFixtureIsClaimedAndEveryClaimHasAFile() throws {
        let numbers = try Self.fixtureNames().map { Int($0.prefix(2)) ?? -1 }
        #expect(numbers.count >= 99)
        #expect(Set(numbers).count == numbers.count, "two files share a number")
        let unclaimed = numbers.filter { fixtureTable[$0] == nil }
        #expect(unclaimed.isEmpty, "fixture files nobody claims: \(unclaimed)")
        let stale = Set(fixtureTable.keys).subtracting(numbers)
        #expect(stale.isEmpty, "table rows without a file: \(stale.sorted())")
    }

    @Test(arguments: try fixtureNames())
    func fixtureBodiesReadAndReencodeLosslessly(name: String) throws {
        let exchange = try RecordedExchange(
            contentsOf: FixtureDirectory.openAssistantBackend.appendingPathComponent(name))
        let row = try #require(fixtureTable[exchange.number], "no table row for \(name)")
        #expect(exchange.response.status == row.status, "\(name): status")
        try check(exchange.request.body, as: row.request, label: "\(name) request")
        try check(exchange.response.body, as: row.response, label: "\(name) response")
    }

    private func check(_ body: JSONValue?, as kind: BodyKind, label: String) throws {
        switch kind {
        case .none:
            #expect(body == nil, "\(label): expected no body")
        case .rejectedBy(let name, let decode):
            let value = try #require(body, "\(label): body missing")
            let data = try RecordedExchange.data(value)
            #expect(throws: OasstDecodingError.self, "\(label): \(name) should refuse it") { try decode(data) }
        case .type(let name, let reencode):
            let original = try #require(body, "\(label): body missing")
            let again = try reencode(RecordedExchange.data(original))
            #expect(
                again == original,
                "\(label): \(name) lost or changed data at \(firstDifference(original, again) ?? "?")")
        case .error(let code):
            let value = try #require(body, "\(label): body missing")
            let data = try RecordedExchange.data(value)
            let error = try OasstJSON.decode(OasstErrorBody.self, from: data)
            #expect(error.errorCode == code, "\(label): error code")
            #expect(try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(error)) == body)
        case .validation:
            let value = try #require(body, "\(label): body missing")
            let data = try RecordedExchange.data(value)
            let error = try OasstJSON.decode(ValidationErrorBody.self, from: data)
            #expect(!error.detail.isEmpty, "\(label): empty detail")
            #expect(try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(error)) == body)
        }
    }
}

/// The path of the first place where two JSON trees differ, with both values there (short failure messages).
func firstDifference(_ a: JSONValue, _ b: JSONValue, path: String = "$") -> String? {
    switch (a, b) {
    case (.object(let x), .object(let y)):
        for key in Set(x.keys).union(y.keys).sorted() {
            guard let left = x[key] else { return "\(path).\(key): absent → present" }
            guard let right = y[key] else { return "\(path).\(key): present → absent" }
            if let found = firstDifference(left, right, path: "\(path).\(key)") { return found }
        }
        return nil
    case (.array(let x), .array(let y)):
        if x.count != y.count { return "\(path): \(x.count) items → \(y.count) items" }
        for (index, pair) in zip(x, y).enumerated() {
            if let found = firstDifference(pair.0, pair.1, path: "\(path)[\(index)]") { return found }
        }
        return nil
    default:
        return a == b ? nil : "\(path): \(String(a.description.prefix(80))) → \(String(b.description.prefix(80)))"
    }
}
