import ArgumentParser
import CollectionServer
import Foundation

/// `oasst serve`: the Open-Assistant-compatible collection server, for a small team.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the collection server (Open-Assistant task protocol) for a team.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; a non-loopback address needs an explicit \
            key (--api-key or OASST_API_KEY). Without one, a key is generated once, stored with mode 0600 \
            beside the database, and printed. Stops gracefully on SIGTERM or Ctrl-C.
            """)

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Database file (default: $XDG_DATA_HOME/oasst/server.sqlite).")
    var data: String?

    @Option(help: "API key clients must send as X-API-Key (prefer OASST_API_KEY: argv is visible in ps).")
    var apiKey: String?

    @Option(help: "TOML file with server thresholds (review counts, tree size, limits).")
    var config: String?

    mutating func run() async throws {
        MemoryTuning.apply()
        let environment = ProcessInfo.processInfo.environment
        let database =
            data.map { URL(fileURLWithPath: $0) }
            ?? XDGPaths(environment: environment).data
            .appendingPathComponent("server.sqlite")
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.")
        let explicitKey = apiKey ?? environment["OASST_API_KEY"]
        if !loopback && (explicitKey ?? "").isEmpty {
            throw FatalError(
                "refusing to listen on \(host) without an explicit API key; set OASST_API_KEY or pass --api-key")
        }
        guard (0...65535).contains(port) else { throw FatalError("--port must be between 0 and 65535") }
        try XDGPaths.ensureDirectory(database.deletingLastPathComponent())
        let key = try ServerKey.resolve(explicit: apiKey, environment: environment, database: database)
        var settings = ServerConfiguration()
        if let config { settings = try ServerConfigFile.apply(URL(fileURLWithPath: config), to: settings) }
        settings.host = host
        settings.port = port
        let log = RequestLog(file: .standardError)
        let server: CollectionServer
        do {
            server = try CollectionServer(
                configuration: settings, databasePath: database.path, apiKeys: [key.key],
                log: { line in log.append(line) })
        } catch {
            throw FatalError("cannot open the server database \(database.path): \(error)")
        }
        let bound: Int
        do {
            bound = try await server.start()
        } catch {
            throw FatalError("cannot listen on \(host):\(port): \(error)")
        }
        let display = host.contains(":") ? "[\(host)]" : host
        FileHandle.standardError.write(
            Data("oasst serve: listening on http://\(display):\(bound) (database \(database.path))\n".utf8))
        if key.generated {
            FileHandle.standardError.write(
                Data(
                    "oasst serve: new API key (shown once, stored in \(ServerKey.file(forDatabase: database).path)):\n"
                        .utf8))
            FileHandle.standardOutput.write(Data((key.key + "\n").utf8))
        }
        let signal = await ShutdownSignal.wait()
        log.flush()
        FileHandle.standardError.write(Data("oasst serve: \(signal), shutting down\n".utf8))
        await server.shutdown()
        log.flush()
    }
}
