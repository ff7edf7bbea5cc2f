import Testing

@Suite struct MessageMarkdownSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
