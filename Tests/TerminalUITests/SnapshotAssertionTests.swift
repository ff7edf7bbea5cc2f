import TestSupport
import Testing

@testable import TerminalUI

@Suite struct SnapshotAssertionTests {
    @Test func snapshotPathIsTheTestTargetsSnapshotsFolder() {
        let url = SnapshotAssertion.snapshotURL(
            name: "editor-80x24", filePath: "/repo/Tests/TerminalUITests/Widgets/EditorTests.swift")
        #expect(url.path == "/repo/Tests/TerminalUITests/Snapshots/editor-80x24.screen")
        let flat = SnapshotAssertion.snapshotURL(name: "a", filePath: "/repo/Tests/AppTests/AppTests.swift")
        #expect(flat.path == "/repo/Tests/AppTests/Snapshots/a.screen")
    }

    @Test func differenceNamesTheChangedLines() {
        let text = SnapshotAssertion.describeDifference(expected: "a\nb\nc", actual: "a\nB\nc\nd")
        #expect(text.contains("line 2:\n  expected: b\n  actual:   B"))
        #expect(text.contains("line 4:\n  expected: <missing>\n  actual:   d"))
        #expect(!text.contains("line 1:"))
    }

    @Test func matchingGoldenFilePasses() {
        var screen = Screen(width: 12, height: 3)
        screen.put("你好 snapshot", x: 0, y: 0, slot: .title)
        screen.put("plain", x: 2, y: 2, slot: .normal)
        screen.cursor = (x: 7, y: 2)
        assertSnapshot(screen, named: "snapshot-self-test")
    }

    @Test(.disabled(if: SnapshotAssertion.isRecording, "recording writes files"))
    func missingGoldenFileFails() {
        let screen = Screen(width: 4, height: 1)
        withKnownIssue("no such golden file") {
            assertSnapshot(screen, named: "no-such-snapshot-file")
        }
    }

    @Test(.disabled(if: SnapshotAssertion.isRecording, "recording writes files"))
    func differingScreenFails() {
        var screen = Screen(width: 12, height: 3)
        screen.put("changed", x: 0, y: 0, slot: .title)
        withKnownIssue("differs from the golden file") {
            assertSnapshot(screen, named: "snapshot-self-test")
        }
    }
}
