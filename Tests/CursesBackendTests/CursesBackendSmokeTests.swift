import Testing

@Suite struct CursesBackendSmokeTests {
    @Test func targetLinks() {
        #expect(Bool(true))
    }
}
