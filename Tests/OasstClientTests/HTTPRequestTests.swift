import OasstClient
import Testing

/// `HTTPRequest.header(_:)` finds fields the way HTTP compares their names: ASCII letters without regard to case,
/// every other byte exactly.
@Suite struct HTTPRequestTests {
    private let request = HTTPRequest(
        method: "POST", url: "http://127.0.0.1/api/v1/tasks/",
        headers: [
            (name: "X-API-Key", value: "secret"), (name: "Content-Type", value: "application/json"),
            (name: "X-Oasst-User", value: "local:a"), (name: "x-oasst-user", value: "local:b"),
            (name: "Weird@[", value: "w"), (name: "Straße", value: "s"),
        ])

    @Test func namesMatchWhateverTheirASCIICase() {
        #expect(request.header("x-api-key") == "secret")
        #expect(request.header("X-API-KEY") == "secret")
        #expect(request.header("content-TYPE") == "application/json")
        #expect(request.header("X-OASST-USER") == "local:a", "the first of repeated fields")
    }

    @Test func otherBytesMustMatchExactly() {
        #expect(request.header("Weird@[") == "w")
        #expect(request.header("weird`{") == nil, "@ and ` differ only in the case bit but are not letters")
        #expect(request.header("Content-Typ") == nil)
        #expect(request.header("Content-Types") == nil)
        #expect(request.header("STRASSE") == nil)
        #expect(request.header("straße") == "s")
        #expect(request.header("STRAßE") == "s")
        #expect(request.header("") == nil)
    }
}
