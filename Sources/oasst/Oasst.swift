import ArgumentParser
import ContributorApp
import CurlTransport
import CursesBackend
import Foundation
import MessageMarkdown
import TerminalUI

/// The `oasst` command: contribute to an open human-feedback dataset from the terminal.
@main
struct Oasst: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oasst",
        abstract: "Write, label and rank chat-assistant data from the terminal.",
        discussion: """
            With no subcommand, oasst opens the contributor UI. Without a configured server it starts \
            its own collection server on loopback, so there is work at once.

            Examples:
              oasst                          contribute on the embedded server
              oasst --server https://host    contribute to a remote Open-Assistant backend
              oasst serve --port 8080        run the collection server for a team
              oasst export > trees.jsonl     export finished conversation trees
              oasst queue list               show submissions waiting for the network
              oasst --version                the version, with its libraries' versions
            """,
        subcommands: [Contribute.self, Serve.self, Export.self, Queue.self],
        defaultSubcommand: Contribute.self
    )

    /// The version line with the C libraries' versions, for bug reports. Built only for `--version`:
    /// asking libcurl for its version initialises OpenLDAP and SASL, which cost every start ~5 ms.
    static var versionText: String {
        "\(AppInfo.version) (\(CurlTransport.libraryVersion); cmark-gfm \(MarkdownRenderer.libraryVersion); "
            + "\(CursesTerminal.libraryVersion))"
    }

    /// The command for `arguments`. Without a subcommand name the contributor UI is parsed on its own:
    /// building the whole command tree reflects every subcommand's options, ~7 ms of each start. Help,
    /// subcommands and any error go through the full tree, so messages and usage stay the root's.
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        let subcommands = Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
        let needsRoot =
            arguments.first.map { subcommands.contains($0) } == true
            || arguments.contains { ["-h", "--help", "--version"].contains($0) }
        if !needsRoot, let command = try? Contribute.parseAsRoot(arguments) { return command }
        return try parseAsRoot(arguments)
    }

    /// Ends the process once a command has run: flushes standard output and error, then leaves without `exit`'s
    /// teardown. Transport threads may still be opening libcurl or finishing a request, and the C libraries'
    /// exit handlers (OpenSSL's cleanup, the loaded libraries' destructors) would free their state under them;
    /// everything that must outlive the process is already committed (the offline store, the server's database).
    static func terminate(_ status: Int32) -> Never {
        fflush(nil)
        _exit(status)
    }

    /// Parses arguments and runs; usage errors exit 2, failures print one line and exit 1.
    static func main() async {
        // Before any command opens a database (the settings are refused once SQLite is in use).
        SQLiteTuning.apply()
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            print(versionText)
            return
        }
        do {
            var command = try parseCommand(Array(CommandLine.arguments.dropFirst()))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            terminate(0)
        } catch let error as FatalError {
            FileHandle.standardError.write(Data("oasst: error: \(Sanitizer.plain(error.description))\n".utf8))
            terminate(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
