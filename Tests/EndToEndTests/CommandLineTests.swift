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

    /// Prose in `--help` is wrapped by the parser alone: a line break written into the text left lines of a few
    /// words ("it starts") between full ones.
    @Test(arguments: [["--help"], ["contribute", "--help"], ["serve", "--help"], ["export", "--help"]])
    func helpProseIsWrappedOnlyAtTheWidth(_ arguments: [String]) throws {
        let result = try OasstBinary.run(arguments)
        #expect(result.status == 0)
        let paragraphs = result.standardOutput.components(separatedBy: "\n\n")
        for paragraph in paragraphs {
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true)
            guard let first = lines.first, !first.hasPrefix(" "), !first.hasPrefix("USAGE:"), !first.hasSuffix(":")
            else { continue }
            for line in lines.dropLast() {
                #expect(
                    line.count >= 60,
                    "a short line inside a paragraph of `oasst \(arguments.joined(separator: " "))`: \(line)")
            }
        }
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try OasstBinary.run(["--no-such-flag"])
        #expect(result.status == 64 || result.status == 2)
    }
}
