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

    /// The `oasst` binary built beside this benchmark (same configuration), or `OASST_BINARY`.
    static var oasstBinary: URL {
        if let override = ProcessInfo.processInfo.environment["OASST_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("oasst")
    }

    /// A new empty temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "oasst-bench-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
