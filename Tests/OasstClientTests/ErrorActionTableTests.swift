import Foundation
import OasstClient
import OasstProtocol
import TestSupport
import Testing

/// PROTOCOL.md §7 "Client actions", one row per code: (code, HTTP status, action).
let errorActionTable: [(code: Int, status: Int, action: ClientAction)] = [
    (0, 500, .retryLater), (2, 403, .holdForPerson), (4, 503, .retryLater), (429, 429, .retryLater),
    (1001, 400, .retryLater), (1002, 400, .retryLater), (1004, 400, .retryLater), (1005, 400, .retryLater),
    (1006, 503, .retryLater), (1007, 400, .retryLater), (1008, 400, .fixInput), (1009, 400, .holdForPerson),
    (1010, 400, .fixInput), (1011, 400, .holdForPerson), (1012, 400, .retryLater), (2000, 400, .fixInput),
    (2001, 404, .requestAnotherTask), (2003, 400, .fixInput), (2010, 400, .holdForPerson),
    (2011, 400, .requestAnotherTask), (2012, 400, .fixInput), (2050, 400, .fixInput), (2051, 400, .fixInput),
    (2052, 400, .fixInput), (2053, 400, .requestAnotherTask), (2100, 404, .requestAnotherTask),
    (2100, 400, .requestAnotherTask), (2101, 400, .holdForPerson), (2102, 400, .fixInput), (2103, 400, .fixInput),
    (2104, 400, .sendAckThenRetry), (2105, 400, .delivered), (2106, 400, .holdForPerson), (2107, 400, .fixInput),
    (4000, 400, .fixInput), (4001, 503, .holdForPerson), (4002, 404, .createUserThenRetry),
    (4003, 451, .holdForPerson),
]

@Suite struct ErrorActionTableTests {
    @Test(arguments: errorActionTable.indices)
    func everyDocumentedCodeMapsToItsAction(row: Int) {
        let (code, status, action) = errorActionTable[row]
        let body = OasstErrorBody(errorCode: code, message: "m")
        let response = HTTPResponse(status: status, body: (try? OasstJSON.encode(body)) ?? Data())
        let error = OasstClient.failure(response)
        #expect(error.kind == .server)
        #expect(error.status == status)
        #expect(error.code == code)
        #expect(error.action == action, "code \(code)")
    }

    @Test func validationIsFixInput() {
        let body = ValidationErrorBody(detail: [ValidationIssue(loc: [.key("body")], msg: "bad", type: "value_error")])
        let error = OasstClient.failure(HTTPResponse(status: 422, body: (try? OasstJSON.encode(body)) ?? Data()))
        #expect(error.action == .fixInput)
        #expect(error.code == nil)
    }

    @Test func unknownCodesFallBackOnTheStatus() {
        #expect(ClientAction.forErrorCode(9999, status: 500) == .retryLater)
        #expect(ClientAction.forErrorCode(9999, status: 503) == .retryLater)
        #expect(ClientAction.forErrorCode(9999, status: 400) == .holdForPerson)
        #expect(ClientAction.forErrorCode(9999, status: 422) == .fixInput)
    }

    /// Every code row of the §7 table in PROTOCOL.md has a row here, so a code added to the spec fails the test.
    @Test func tableCoversEveryCodeInTheProtocolDocument() throws {
        let url = FixtureDirectory.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/docs/PROTOCOL.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try #require(text.range(of: "### Client actions"))
        let end =
            text.range(of: "Codes in the enum", range: section.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        var documented: Set<Int> = []
        for line in text[section.upperBound..<end].split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if let code = cells.first.flatMap({ Int($0) }) { documented.insert(code) }
        }
        #expect(documented.count >= 35)
        let covered = Set(errorActionTable.map(\.code))
        #expect(
            documented.subtracting(covered).isEmpty, "codes without a row: \(documented.subtracting(covered).sorted())")
    }
}
