import Foundation
import TestSupport
import Testing

@Suite struct CommandLineTests {
    @Test func versionNamesTheLibraries() throws {
        let result = try OasstBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("cmark-gfm"))
        #expect(result.standardOutput.contains("ncurses"))
        #expect(result.standardOutput.contains("libcurl"))
    }

    @Test func refusesToStartTheUIWithoutATerminal() throws {
        let result = try OasstBinary.run([], environment: ["TERM": "xterm"])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("oasst: error:"))
        #expect(result.standardError.contains("terminal"))
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try OasstBinary.run(["--no-such-flag"])
        #expect(result.status == 64 || result.status == 2)
    }
}
