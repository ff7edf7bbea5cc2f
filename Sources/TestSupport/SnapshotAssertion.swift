import Foundation
import TerminalUI
import Testing

/// Golden screen files: compares `Screen.snapshot()` with `Tests/<Target>Tests/Snapshots/<name>.screen`.
/// `RECORD_SNAPSHOTS=1` (re)writes the file and still fails, so no baseline lands unreviewed.
public enum SnapshotAssertion {
    /// The golden file for a test file and a snapshot name: the `Snapshots` folder of the test target
    /// that holds `filePath` (the folder directly under `Tests/`).
    public static func snapshotURL(name: String, filePath: String) -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        var probe = directory
        while probe.path != "/" {
            if probe.deletingLastPathComponent().lastPathComponent == "Tests" {
                directory = probe
                break
            }
            probe = probe.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("Snapshots").appendingPathComponent(name + ".screen")
    }

    /// True when the environment asks to record snapshots instead of comparing them.
    public static var isRecording: Bool {
        let value = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The first lines where two snapshots differ, for a readable failure message.
    public static func describeDifference(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<missing>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<missing>"
            if want != got {
                out.append("line \(index + 1):\n  expected: \(want)\n  actual:   \(got)")
                if out.count == 8 {
                    out.append("…")
                    break
                }
            }
        }
        return out.joined(separator: "\n")
    }
}

/// Compares `screen.snapshot()` with the golden file `Snapshots/<name>.screen` of the calling test target.
/// A missing file or a difference records a test issue; `RECORD_SNAPSHOTS=1` writes the file and fails.
public func assertSnapshot(
    _ screen: Screen, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = SnapshotAssertion.snapshotURL(name: name, filePath: filePath)
    let actual = screen.snapshot()
    if SnapshotAssertion.isRecording {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot \(url.path); review it, then run again without RECORD_SNAPSHOTS",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record(
            "Missing snapshot file \(url.path); run the test with RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        Issue.record(
            """
            Snapshot \(name) differs from \(url.path):
            \(SnapshotAssertion.describeDifference(expected: expected, actual: actual))
            Run with RECORD_SNAPSHOTS=1 to re-record after checking the change.
            """, sourceLocation: sourceLocation)
    }
}
