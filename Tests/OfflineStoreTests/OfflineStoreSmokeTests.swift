import Testing

@Suite struct OfflineStoreSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
