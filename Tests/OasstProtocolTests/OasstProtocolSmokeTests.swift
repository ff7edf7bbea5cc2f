import Testing

@testable import OasstProtocol

@Suite struct OasstProtocolSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
