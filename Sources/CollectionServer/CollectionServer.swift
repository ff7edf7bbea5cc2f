import Foundation
import Hummingbird
import Logging
import OasstProtocol
import ServiceLifecycle

/// The embedded Open-Assistant-compatible collection server: Hummingbird over a SQLite (WAL) database, speaking the
/// task protocol with the backend's shapes, statuses and error codes. Start it in-process with `start()` (returns
/// the bound port) or run it in the foreground with `run()`; stop it with `shutdown()`.
public actor CollectionServer {
    /// Limits, thresholds and bind address.
    public nonisolated let configuration: ServerConfiguration
    /// The database file.
    public nonisolated let databasePath: String
    nonisolated let store: ServerStore
    nonisolated let routes: ServerRoutes
    private var runTask: Task<Void, any Error>?
    private var cleanupTask: Task<Void, Never>?
    private var group: ServiceGroup?
    private var boundPort: Int?

    /// Opens (or creates and seeds) the database and prepares the routes. `apiKeys` are the accepted `X-API-Key`
    /// values (each one its own API client); `log` receives one line per request (method, path without query,
    /// status, duration — never the key).
    public init(
        configuration: ServerConfiguration = ServerConfiguration(), databasePath: String, apiKeys: [String],
        log: (@Sendable (String) -> Void)? = nil
    ) throws {
        self.configuration = configuration
        self.databasePath = databasePath
        let store = try ServerStore(path: databasePath, configuration: configuration)
        try store.cleanupExpiredTasks()
        self.store = store
        self.routes = ServerRoutes(store: store, apiKeys: Set(apiKeys.filter { !$0.isEmpty }), log: log)
    }

    /// The port the server listens on, once started.
    public var port: Int? { boundPort }

    /// Builds the Hummingbird application (used by `start()`; tests drive it with HummingbirdTesting).
    public nonisolated func makeApplication(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: routes.makeHandOutRouter(),
            server: .http1OnEventLoops(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: Logger(label: ServerRoutes.name, factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// Binds and serves in the background; returns the bound port (the ephemeral one when the port is 0).
    /// Signals are left alone, so an embedding program (the terminal UI) keeps its own handlers.
    public func start() async throws -> Int {
        try await start(handlingSignals: false)
    }

    private func start(handlingSignals: Bool) async throws -> Int {
        if let boundPort { return boundPort }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = makeApplication { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app], gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
                logger: Logger(label: ServerRoutes.name, factory: { _ in SwiftLogNoOpLogHandler() })))
        self.group = group
        let runTask = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        self.runTask = runTask
        let store = self.store
        cleanupTask = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
                if Task.isCancelled { break }
                _ = try? store.cleanupExpiredTasks()
            }
        }
        for await port in ports {
            boundPort = port
            return port
        }
        cleanupTask?.cancel()
        try await runTask.value
        throw ServerError.internalError
    }

    /// Starts (if needed) and waits until `shutdown()` is called or the server fails; with `handlingSignals`
    /// (the default, for `oasst serve`) SIGINT and SIGTERM also shut it down gracefully.
    public func run(handlingSignals: Bool = true) async throws {
        _ = try await start(handlingSignals: handlingSignals)
        try await runTask?.value
        cleanupTask?.cancel()
    }

    /// Stops accepting requests, lets running ones finish, and returns when the server has stopped.
    public func shutdown() async {
        cleanupTask?.cancel()
        await group?.triggerGracefulShutdown()
        _ = try? await runTask?.value
        runTask = nil
        group = nil
        boundPort = nil
    }

    /// An exporter reading this server's database.
    public nonisolated func makeExporter() -> Exporter {
        Exporter(pool: store.pool)
    }

    /// `PRAGMA integrity_check` of the database ("ok" when healthy).
    public nonisolated func integrityCheck() throws -> String {
        try store.integrityCheck()
    }
}
