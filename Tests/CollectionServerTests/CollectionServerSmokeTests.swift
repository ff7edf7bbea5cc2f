import Testing

@Suite struct CollectionServerSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
