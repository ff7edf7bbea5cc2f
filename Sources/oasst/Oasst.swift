import ArgumentParser
import ContributorApp
import CursesBackend
import MessageMarkdown

/// The `oasst` command: contribute to an open human-feedback dataset from the terminal.
@main
struct Oasst: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oasst",
        abstract: "Write, label and rank chat-assistant data from the terminal.",
        version: "\(AppInfo.version) (cmark-gfm \(MarkdownRenderer.libraryVersion), \(CursesTerminal.libraryVersion))"
    )

    mutating func run() throws {
        print("oasst \(AppInfo.version): the terminal app is being built.")
    }
}
