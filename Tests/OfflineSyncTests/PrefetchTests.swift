import Foundation
import OasstProtocol
import OfflineStore
import Testing

@testable import OfflineSync

@Suite struct PrefetchTests {
    @Test func keepsTargetReadyOneRequestAtATime() async throws {
        let store = try OfflineStore.inMemory()
        let service = FakeService()
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        await engine.setPrefetch(user: SyncFixture.alice, policy: PrefetchPolicy(target: 3))

        #expect(await engine.prefetch() == 3)
        #expect(service.log == ["request random", "request random", "request random"])
        let ready = try store.readyTasks(for: SyncFixture.alice, now: SyncFixture.t0)
        #expect(ready.map(\.taskId) == ["fetched-1", "fetched-2", "fetched-3"])
        #expect(Set(ready.map(\.ackId)).count == 3)
        #expect(service.log.allSatisfy { !$0.hasPrefix("ack") })  // not acked until answered
        #expect(await engine.prefetch() == 0)  // already full
    }

    @Test func neverGoesPastThePendingCap() async throws {
        let store = try OfflineStore.inMemory()
        for n in 0..<5 {  // five tasks on screen / answered-but-undelivered in the last 300 s
            try SyncFixture.submit(store, "busy-\(n)", at: SyncFixture.t0)
        }
        let service = FakeService()
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0.addingTimeInterval(10)))
        await engine.setPrefetch(user: SyncFixture.alice, policy: PrefetchPolicy(target: 3, pendingCap: 8))

        // cap 8, one slot reserved for the contributor's own request: 5 + 2 = 7.
        #expect(await engine.prefetch() == 2)
        #expect(try store.pendingTaskEstimate(for: SyncFixture.alice, now: SyncFixture.t0.addingTimeInterval(10)) == 7)
    }

    @Test func aLostResponseIsNotRetriedAndCountsAgainstTheCap() async throws {
        let store = try OfflineStore.inMemory()
        let service = FakeService()
        service.script(.request, [nil, .transport("timed out")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)
        await engine.setPrefetch(
            user: SyncFixture.alice, policy: PrefetchPolicy(target: 3, pendingCap: 4, reservedSlots: 1))

        #expect(await engine.prefetch() == 1)
        #expect(service.log == ["request random", "request random"])
        #expect(await engine.status == .offline(since: SyncFixture.t0))
        #expect(await engine.prefetch() == 0)  // offline: nothing requested
        await engine.probe()
        // 1 ready + 1 orphan < 3 allows one more; the orphan still counts.
        #expect(await engine.prefetch() == 1)
        #expect(service.log.filter { $0 == "request random" }.count == 3)
        clock.advance(301)  // the orphan no longer counts (and the first tasks left the window)
        #expect(await engine.prefetch() == 1)
    }

    @Test func tooManyPendingPausesForTheWindow() async throws {
        let store = try OfflineStore.inMemory()
        let service = FakeService()
        service.script(.request, [.server(code: 1012, message: "too many pending")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)
        await engine.setPrefetch(user: SyncFixture.alice)

        #expect(await engine.prefetch() == 0)
        clock.advance(299)
        #expect(await engine.prefetch() == 0)
        #expect(service.log.count == 1)
        clock.advance(2)
        #expect(await engine.prefetch() == 3)
    }

    @Test func expiredTasksAreDroppedAndNacked() async throws {
        let store = try OfflineStore.inMemory(expiryMargin: 600)
        try store.storeTask(
            taskId: "stale", taskType: "initial_prompt", taskJSON: Data("{}".utf8), user: SyncFixture.alice,
            requestedType: "random", lang: "en", receivedAt: SyncFixture.t0, state: .ready)
        let service = FakeService()
        let clock = ManualClock(SyncFixture.t0.addingTimeInterval(2 * 86400 - 300))
        let engine = SyncFixture.engine(store, service, clock)
        await engine.setPrefetch(user: SyncFixture.alice, policy: PrefetchPolicy(target: 1))

        await engine.step()
        #expect(try store.task("stale")?.state == .skipping)
        #expect(service.log == ["request random"])
        await engine.step()
        #expect(service.log.last == "nack stale")
        #expect(try store.task("stale")?.state == .skipped)
    }

    @Test func nacksSettleOnGoneTasksAndWaitOnNetworkFailures() async throws {
        let store = try OfflineStore.inMemory()
        for id in ["n1", "n2", "n3"] {
            try store.storeTask(
                taskId: id, taskType: "initial_prompt", taskJSON: Data("{}".utf8), user: SyncFixture.alice,
                requestedType: "random", lang: "en", receivedAt: SyncFixture.t0)
            try store.skipTask(id, reason: "not for me", now: SyncFixture.t0)
        }
        let service = FakeService()
        service.script(.nack, [.server(code: 2100, message: "gone"), nil, .transport("refused")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        await engine.sendNacks()
        #expect(try store.task("n1")?.state == .skipped)
        #expect(try store.task("n2")?.state == .skipped)
        #expect(try store.task("n3")?.state == .skipping)
        #expect(await engine.status == .offline(since: SyncFixture.t0))
    }
}
