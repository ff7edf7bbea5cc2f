import ArgumentParser
import CollectionServer
import Foundation

/// `oasst export`: the collected trees as Open-Assistant message-tree JSONL.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export collected conversation trees as Open-Assistant JSONL (one tree per line).")

    @Option(help: "Server database file (default: $XDG_DATA_HOME/oasst/server.sqlite).")
    var data: String?

    @Flag(help: "Export every tree, not only those ready for export.")
    var all = false

    @Flag(help: "Include the raw per-user events (rankings, emojis) of each message.")
    var events = false

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    mutating func run() throws {
        let database = data.map { URL(fileURLWithPath: $0) } ?? XDGPaths().data.appendingPathComponent("server.sqlite")
        guard FileManager.default.fileExists(atPath: database.path) else {
            throw FatalError(
                "no server database at \(database.path); run `oasst` or `oasst serve` first, or pass --data")
        }
        let exporter: Exporter
        do {
            exporter = try Exporter(databasePath: database.path)
        } catch {
            throw FatalError("cannot open \(database.path): \(error)")
        }
        if let output {
            let count = try exporter.write(
                to: URL(fileURLWithPath: output), includeAllTrees: all, includeEvents: events)
            FileHandle.standardError.write(Data("oasst export: \(count) trees written to \(output)\n".utf8))
        } else {
            let lines = try exporter.lines(includeAllTrees: all, includeEvents: events)
            for line in lines { print(line) }
            FileHandle.standardError.write(
                Data("oasst export: \(lines.count) trees\(all ? "" : " ready for export")\n".utf8))
        }
    }
}
