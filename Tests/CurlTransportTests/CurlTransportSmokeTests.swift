import Testing

@Suite struct CurlTransportSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
