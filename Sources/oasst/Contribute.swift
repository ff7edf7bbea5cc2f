import ArgumentParser
import Foundation

/// `oasst contribute` (the default): the interactive contributor UI.
struct Contribute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the contributor UI (the default when no subcommand is given).")

    @Option(help: "Server base URL (an Open-Assistant backend or `oasst serve`); default: the embedded server.")
    var server: String?

    @Option(help: "Your user name on the server.")
    var user: String?

    @Option(help: "Language of the tasks you want (BCP 47, e.g. en, de, es).")
    var lang: String?

    @Option(help: "Theme name or path to a theme file.")
    var theme: String?

    @Option(help: "Colour: auto, always or never.")
    var color: String = "auto"

    @Option(help: "Config file (default: $XDG_CONFIG_HOME/oasst/config.toml, or $OASST_CONFIG).")
    var config: String?

    mutating func run() async throws {
        try TerminalPreflight.check(environment: ProcessInfo.processInfo.environment)
        throw FatalError("the contributor UI is not wired yet")
    }
}
