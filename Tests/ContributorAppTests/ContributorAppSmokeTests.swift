import Testing

@Suite struct ContributorAppSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
