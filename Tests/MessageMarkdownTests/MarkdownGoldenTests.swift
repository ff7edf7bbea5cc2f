import TerminalUI
import TestSupport
import Testing

@testable import MessageMarkdown

/// Golden screens of the corpus at width 80 and 40 (record with `RECORD_SNAPSHOTS=1`).
@Suite struct MarkdownGoldenTests {
    /// Draws rendered lines into a screen exactly as tall as the text.
    static func screen(_ lines: [StyledLine], width: Int) -> Screen {
        var screen = Screen(width: width, height: max(1, lines.count))
        for (row, line) in lines.enumerated() { screen.put(line, x: 0, y: row) }
        return screen
    }

    @Test(arguments: MarkdownCorpus.all.map(\.name), [80, 40])
    func corpusMatchesGolden(name: String, width: Int) throws {
        let text = try #require(MarkdownCorpus.all.first { $0.name == name }?.text)
        let lines = MarkdownRenderer.render(text, width: width, base: .messageAssistant)
        assertSnapshot(Self.screen(lines, width: width), named: "\(name)-\(width)")
    }
}
