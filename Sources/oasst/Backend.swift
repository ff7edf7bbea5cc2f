import CollectionServer
import CurlTransport
import Foundation
import OasstClient

/// A connection to the server the person works with: a remote one, or the embedded collection
/// server started in-process on loopback with its database under `$XDG_DATA_HOME/oasst/`.
final class Backend: Sendable {
    /// Client configuration (base URL, key, user).
    let clientConfiguration: OasstClientConfiguration
    /// The embedded server, when one was started.
    let embedded: CollectionServer?
    /// Shown in the status bar: the server's host, or "local".
    let displayName: String
    /// The embedded server's request log.
    private let log: RequestLog?

    private init(
        clientConfiguration: OasstClientConfiguration, embedded: CollectionServer?, displayName: String,
        log: RequestLog? = nil
    ) {
        self.clientConfiguration = clientConfiguration
        self.embedded = embedded
        self.displayName = displayName
        self.log = log
    }

    /// Connects to the configured server, or starts the embedded one.
    static func open(_ settings: ConnectionSettings, paths: XDGPaths) async throws -> Backend {
        if let server = settings.server, let key = settings.apiKey {
            let host = URL(string: server)?.host ?? server
            return Backend(
                clientConfiguration: OasstClientConfiguration(
                    baseURL: server, apiKey: key, user: settings.user, defaultLang: settings.lang),
                embedded: nil, displayName: host)
        }
        try XDGPaths.ensureDirectory(paths.data)
        let database = paths.data.appendingPathComponent("server.sqlite")
        let key = try ServerKey.resolve(explicit: nil, environment: [:], database: database)
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let logFile = paths.state.appendingPathComponent("server.log")
        try? XDGPaths.ensureDirectory(paths.state)
        let log = RequestLog(url: logFile)
        let server: CollectionServer
        let port: Int
        do {
            server = try CollectionServer(
                configuration: configuration, databasePath: database.path, apiKeys: [key.key],
                log: { line in log.append(line) })
            port = try await server.start()
        } catch {
            throw FatalError("cannot start the embedded server (database \(database.path)): \(error)")
        }
        return Backend(
            clientConfiguration: OasstClientConfiguration(
                baseURL: "http://127.0.0.1:\(port)", apiKey: key.key, user: settings.user, defaultLang: settings.lang),
            embedded: server, displayName: "local", log: log)
    }

    /// A client over its own libcurl lane.
    func makeClient(lane: String) -> OasstClient {
        OasstClient(configuration: clientConfiguration, transport: CurlTransport(name: "oasst.\(lane)"))
    }

    /// Stops the embedded server, if any.
    func close() async {
        await embedded?.shutdown()
        log?.flush()
    }
}
