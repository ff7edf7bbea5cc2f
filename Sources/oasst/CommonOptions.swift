import ArgumentParser
import Foundation

/// Options every command that talks to a server shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "Server base URL (an Open-Assistant backend or `oasst serve`); default: the embedded server.")
    var server: String?

    @Option(help: "Your user name on the server.")
    var user: String?

    @Option(help: "Language of the tasks you want (BCP 47, e.g. en, de, es).")
    var lang: String?

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/oasst/config.toml, or $OASST_CONFIG).")
    var config: String?

    /// The config file's path after flag and environment.
    func configURL(paths: XDGPaths, environment: [String: String]) -> URL {
        if let config { return URL(fileURLWithPath: config) }
        if let fromEnvironment = environment["OASST_CONFIG"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        return paths.config.appendingPathComponent("config.toml")
    }

    /// Loads config.toml and resolves the connection settings.
    func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (
        UserConfig, ConnectionSettings, XDGPaths
    ) {
        let paths = XDGPaths(environment: environment)
        let userConfig = try UserConfig.load(configURL(paths: paths, environment: environment))
        let settings = try ConnectionSettings.resolve(
            serverFlag: server, userFlag: user, langFlag: lang, config: userConfig, paths: paths,
            environment: environment)
        return (userConfig, settings, paths)
    }
}
