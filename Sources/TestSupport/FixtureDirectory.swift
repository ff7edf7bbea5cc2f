import Foundation

/// Locates the shared folders beside the repository (`../shared/...`), which tests read in place.
public enum FixtureDirectory {
    /// The package root, found from this source file's path (`Sources/TestSupport/…`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `../shared/fixtures/oa-backend`, or `OASST_FIXTURES` when set.
    public static var openAssistantBackend: URL {
        if let override = ProcessInfo.processInfo.environment["OASST_FIXTURES"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/oa-backend")
    }

    /// Every recorded exchange file (`NN-*.json`), sorted by name; excludes `openapi.json`.
    public static func exchangeFiles() throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: openAssistantBackend.path)
        return names.filter { $0.hasSuffix(".json") && $0 != "openapi.json" }.sorted()
            .map { openAssistantBackend.appendingPathComponent($0) }
    }
}
