import CurlTransport
import Foundation
import OasstClient
import OasstProtocol
import Synchronization
import TestSupport
import Testing

@testable import CollectionServer

/// `oasst serve` killed with SIGKILL in the middle of a 16-client load leaves a sound database that
/// opens again and passes `PRAGMA integrity_check`.
@Suite struct ServerKillTests {
    @Test(.enabled(if: OasstBinary.url != nil), .timeLimit(.minutes(2)))
    func killNineMidLoadKeepsTheDatabaseSound() async throws {
        let binary = try #require(OasstBinary.url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oasst-kill9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("server.sqlite").path
        let probe = try LoopbackHTTPServer()
        let port = Int(probe.port)
        probe.stop()
        let server = try TmuxSession(
            command: "\(binary.path) serve --port \(port) --data \(database)", width: 200, height: 10,
            environment: ["OASST_API_KEY": "kill-test-key", "HOME": folder.path])
        defer { server.kill() }
        try server.waitFor(text: "listening on")
        let pid = try #require(server.panePID)

        // SIGKILL once the load has been running 1.5 s and at least one cycle completed (under a busy
        // parallel suite the first answers can take seconds); after 60 s without any, kill anyway.
        let deadline = Date().addingTimeInterval(1.5)
        let giveUp = Date().addingTimeInterval(60)
        let progress = CycleCount()
        let completed = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    var cycles = 0
                    var round = 0
                    while true {
                        round += 1
                        let user = User(id: "k\(index)-\(round)", displayName: "K", authMethod: "local")
                        let client = OasstClient(
                            configuration: OasstClientConfiguration(
                                baseURL: "http://127.0.0.1:\(port)", apiKey: "kill-test-key", user: user),
                            transport: CurlTransport(
                                configuration: CurlTransportConfiguration(
                                    connectTimeout: .seconds(2), totalTimeout: .seconds(10))))
                        let loaded = Date() > deadline && progress.value > 0
                        if index == 0 && (loaded || Date() > giveUp) { kill(pid, SIGKILL) }
                        do {
                            let task = try await client.requestTask(.random, lang: "en")
                            if let id = task.id { try await client.nack(taskID: id, reason: "load") }
                            cycles += 1
                            progress.add()
                        } catch {
                            if let failure = error as? OasstError, case .transport = failure.kind { return cycles }
                        }
                    }
                }
            }
            var total = 0
            for try await count in group { total += count }
            return total
        }
        #expect(completed > 0, "the load never reached the server")
        var waited = 0
        while server.isRunning && waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(!server.isRunning, "the server should be dead")
        let reopened = try CollectionServer(databasePath: database, apiKeys: ["kill-test-key"])
        #expect(try reopened.integrityCheck() == "ok")
    }
}

/// Cycles completed so far, shared by the load tasks.
private final class CycleCount: Sendable {
    private let count = Mutex(0)

    /// Counts one more cycle.
    func add() { count.withLock { $0 += 1 } }

    /// The cycles counted.
    var value: Int { count.withLock { $0 } }
}
