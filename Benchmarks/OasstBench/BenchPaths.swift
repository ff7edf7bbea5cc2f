import Foundation

/// Where the benchmark finds the repository's neighbours and the binaries built beside it.
enum BenchPaths {
    /// The package root, from this file's path (`Benchmarks/OasstBench/…`).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `../shared/fixtures/oa-backend`, or `OASST_FIXTURES` when set (as the tests read it).
    static var fixtures: URL {
        if let override = ProcessInfo.processInfo.environment["OASST_FIXTURES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/oa-backend")
    }

    /// The `oasst` binary built beside this benchmark (same configuration), or `OASST_BINARY`; an error
    /// naming the build command when it is not there.
    static func oasstBinary() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["OASST_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let me = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        let candidate = me.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("oasst")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw BenchError(
                "no oasst binary at \(candidate.path); build it first: "
                    + "swift build -c release --static-swift-stdlib --product oasst")
        }
        return candidate
    }

    /// A new empty temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oasst-bench-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
