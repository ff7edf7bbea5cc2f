import Foundation
import OfflineStore
import Synchronization
import Testing

@testable import OfflineSync

@Suite struct ConnectivityTests {
    @Test func transportFailureGoesOfflineAndStopsTheFlush() async throws {
        let store = try OfflineStore.inMemory()
        let a = try SyncFixture.submit(store, "a")
        let b = try SyncFixture.submit(store, "b")
        let service = FakeService()
        service.script(.ack, [.transport("connection refused")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)

        #expect(await engine.flush() == [a.id: .offline])
        #expect(service.log == ["ack a \(a.ackId)"])
        #expect(await engine.status == .offline(since: SyncFixture.t0))
        #expect(try store.item(a.id)?.state == .pending)
        #expect(try store.item(b.id)?.attempts == 0)
    }

    @Test func probesWithBackoffUntilTheWayIsBackThenDelivers() async throws {
        let store = try OfflineStore.inMemory()
        let a = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.transport("refused")])
        service.script(.probe, [.transport("refused"), .transport("refused"), .transport("refused")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)

        await engine.step()  // flush fails → offline
        #expect(await engine.status == .offline(since: SyncFixture.t0))
        var probeWaits: [TimeInterval] = []
        for _ in 0..<3 {
            let wait = await engine.nextWait()
            probeWaits.append(wait)
            clock.advance(wait)
            await engine.step()  // probe fails
        }
        #expect(probeWaits == [0.5, 1, 2])  // random 0.5 × 1, 2, 4 s
        #expect(await engine.status == .offline(since: SyncFixture.t0))
        let wait = await engine.nextWait()
        #expect(wait == 4)
        clock.advance(wait)
        await engine.step()  // probe answers → online → flush delivers
        #expect(await engine.status == .online)
        #expect(try store.item(a.id)?.state == .delivered)
        #expect(service.log.filter { $0 == "probe" }.count == 4)
    }

    @Test func aProbeIsNotSentBeforeItsTime() async throws {
        let store = try OfflineStore.inMemory()
        try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.transport("refused")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        await engine.step()
        await engine.step()  // still inside the probe wait
        #expect(service.log.filter { $0 == "probe" }.isEmpty)
    }

    @Test func observersSeeOfflineAndCounts() async throws {
        let store = try OfflineStore.inMemory()
        try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.transport("refused")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        let seen = Seen()
        await engine.setObserver { seen.add($0) }
        let stream = await engine.updates()
        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.connectivity == .online)
        #expect(first?.counts.pending == 1)

        await engine.flush()
        var streamed: [SyncSnapshot] = []
        while let next = await iterator.next() {
            streamed.append(next)
            if case .offline = next.connectivity { break }
        }
        #expect(streamed.contains { $0.connectivity == .syncing(remaining: 1) })
        #expect(streamed.last?.counts.pending == 1)
        #expect(seen.all.last?.connectivity == .offline(since: SyncFixture.t0))
    }

    @Test func runLoopSleepsUntilTheNextTryAndStopsWhenCancelled() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.server(code: 0, status: 500, message: "boom")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)
        let runner = Task { await engine.run() }
        while try store.item(item.id)?.state != .delivered { await Task.yield() }
        runner.cancel()
        await runner.value
        #expect(clock.sleeps.first == 0.5)
        #expect(service.log.prefix(3) == ["ack a \(item.ackId)", "ack a \(item.ackId)", "interaction a"])
    }
}

/// Collects snapshots from a callback.
final class Seen: Sendable {
    private let state = Mutex<[SyncSnapshot]>([])
    func add(_ snapshot: SyncSnapshot) { state.withLock { $0.append(snapshot) } }
    var all: [SyncSnapshot] { state.withLock { $0 } }
}
