import Testing

@Suite struct EndToEndSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
