import Testing

@Suite struct OasstClientSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
