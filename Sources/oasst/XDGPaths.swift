import Foundation

/// The XDG base directories oasst uses, resolved once from the environment (relative values ignored).
struct XDGPaths: Sendable {
    /// `$XDG_CONFIG_HOME/oasst`: config.toml, keys.toml, themes/.
    var config: URL
    /// `$XDG_DATA_HOME/oasst`: the offline store and the embedded server's database.
    var data: URL
    /// `$XDG_STATE_HOME/oasst`: logs.
    var state: URL
    /// `$XDG_RUNTIME_DIR` (or the state directory): temporary files for the external editor.
    var runtime: URL

    /// Resolves the directories from an environment.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory())
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(fallback)
        }
        config = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("oasst")
        data = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("oasst")
        state = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("oasst")
        if let runtimeDir = environment["XDG_RUNTIME_DIR"], runtimeDir.hasPrefix("/") {
            runtime = URL(fileURLWithPath: runtimeDir)
        } else {
            runtime = state
        }
    }

    /// Creates a directory (and parents) with mode 0700 if it does not exist.
    static func ensureDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
