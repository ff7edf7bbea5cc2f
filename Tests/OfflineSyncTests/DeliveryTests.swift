import Foundation
import OfflineStore
import Testing

@testable import OfflineSync

@Suite struct DeliveryTests {
    @Test func sendsAckThenInteractionPerItemInCreationOrder() async throws {
        let store = try OfflineStore.inMemory()
        let a = try SyncFixture.submit(store, "a")
        let b = try SyncFixture.submit(store, "b", at: SyncFixture.t0.addingTimeInterval(1))
        let service = FakeService()
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0.addingTimeInterval(5)))

        let outcomes = await engine.flush()
        #expect(outcomes == [a.id: .delivered, b.id: .delivered])
        #expect(service.log == ["ack a \(a.ackId)", "interaction a", "ack b \(b.ackId)", "interaction b"])
        #expect(try store.item(a.id)?.state == .delivered)
        #expect(try store.item(a.id)?.ackedAt != nil)
        #expect(try store.counts().delivered == 2)
        #expect(await engine.status == .online)
    }

    @Test func interactionIsNotSentWhenTheAckFails() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.server(code: 1001, message: "ack failed")])
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)

        #expect(await engine.flush() == [item.id: .retryScheduled])
        #expect(service.log == ["ack a \(item.ackId)"])
        let stored = try #require(try store.item(item.id))
        #expect(stored.state == .pending)
        #expect(stored.attempts == 1)
        #expect(stored.nextTryAt == SyncFixture.t0.addingTimeInterval(0.5))  // random 0.5 × 1 s
        #expect(stored.lastError == "ack failed")
        #expect(stored.ackedAt == nil)
    }

    @Test func replayAnswered2105CountsAsDelivered() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.interaction, [.server(code: 2105, message: "Task already done.")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))

        #expect(await engine.flush() == [item.id: .delivered])
        #expect(try store.item(item.id)?.state == .delivered)
    }

    @Test func notAcked2104SendsTheSameAckAgainThenRetries() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.interaction, [.server(code: 2104, message: "Task not acknowledged.")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))

        #expect(await engine.flush() == [item.id: .delivered])
        #expect(
            service.log == [
                "ack a \(item.ackId)", "interaction a", "ack a \(item.ackId)", "interaction a",
            ])
    }

    @Test func serverErrorsBackOffWithFullJitterUpToTheCap() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        let failures = [ServiceFailure?](
            repeating: ServiceFailure(action: .retryLater, httpStatus: 502, message: "bad gateway"), count: 12)
        service.script(.ack, failures)
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)

        var waits: [TimeInterval] = []
        for _ in 0..<12 {
            #expect(await engine.flush() == [item.id: .retryScheduled])
            let next = try #require(try store.item(item.id)).nextTryAt
            waits.append(next.timeIntervalSince(clock.now()))
            clock.set(next)
        }
        // random = 0.5: half of min(300, 2^n)
        #expect(waits == [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 150, 150, 150])
        #expect(try store.item(item.id)?.attempts == 12)
        #expect(await engine.status == .online)  // a 502 is an answer: not offline
    }

    @Test func tooManyRequestsWaitsAsTheServerSays() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(
            .interaction,
            [
                ServiceFailure(
                    action: .retryLater, code: 429, httpStatus: 429, message: "Retry After 42 seconds", retryAfter: 42)
            ])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))

        #expect(await engine.flush() == [item.id: .retryScheduled])
        #expect(try store.item(item.id)?.nextTryAt == SyncFixture.t0.addingTimeInterval(42))
    }

    @Test(arguments: [
        (1009, "the same text was sent in the last 120 minutes (code 1009)"),
        (1011, "you already replied to this message (code 1011)"),
        (2010, "the conversation stopped accepting messages (code 2010)"),
        (2101, "the task expired (code 2101)"),
        (2100, "the task is no longer on the server (expired) (code 2100)"),
        (2106, "the task belongs to another user (code 2106)"),
        (2051, "the server refused it (code 2051)"),
    ])
    func refusalsHoldTheItemAndKeepItsContent(code: Int, reason: String) async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a", text: "precious words")
        let service = FakeService()
        service.script(.interaction, [.server(code: code, message: "server says \(code)")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))

        #expect(await engine.flush() == [item.id: .held])
        let held = try #require(try store.item(item.id))
        #expect(held.state == .held)
        #expect(held.holdReason == reason)
        #expect(held.lastError == "server says \(code)")
        #expect(held.interactionJSON == item.interactionJSON)
        #expect(try store.dueItems(now: SyncFixture.t0.addingTimeInterval(86400)).isEmpty)  // not retried by itself
        let back = try store.takeBack(item.id)
        #expect(String(decoding: back.interactionJSON, as: UTF8.self).contains("precious words"))
    }

    @Test func ackOnTaskDeletedAfterExpiryHolds() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.server(code: 2100, status: 404, message: "Task not found")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        #expect(await engine.flush() == [item.id: .held])
        #expect(service.log == ["ack a \(item.ackId)"])
    }

    @Test func serverFaultsThatMayBeInputHoldAfterAFewTries() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.interaction, [ServiceFailure?](repeating: .server(code: 1004, message: "failed"), count: 5))
        let clock = ManualClock(SyncFixture.t0)
        let engine = SyncFixture.engine(store, service, clock)
        var outcomes: [DeliveryOutcome] = []
        for _ in 0..<5 {
            outcomes += Array(await engine.flush().values)
            clock.advance(600)
        }
        #expect(outcomes == [.retryScheduled, .retryScheduled, .retryScheduled, .retryScheduled, .held])
    }

    @Test func unknownUserIsCreatedThenRetriedAtOnce() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.server(code: 4002, status: 404, message: "User not found")])
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))

        #expect(await engine.flush() == [item.id: .retryScheduled])
        #expect(await engine.flush() == [item.id: .delivered])
        #expect(
            service.log == [
                "ack a \(item.ackId)", "createUser alice", "ack a \(item.ackId)", "interaction a",
            ])
    }

    @Test func retriesStopAtTheTaskDeadlineWithContentKept() async throws {
        let store = try OfflineStore.inMemory(expiryMargin: 600)
        let item = try SyncFixture.submit(store, "a")
        let service = FakeService()
        service.script(.ack, [.transport("timed out")])
        // One second before the deadline: any backoff wait lands past it.
        let clock = ManualClock(item.deadline.addingTimeInterval(-0.1))
        let engine = SyncFixture.engine(store, service, clock)

        #expect(await engine.flush() == [item.id: .failed])
        let failed = try #require(try store.item(item.id))
        #expect(failed.state == .failed)
        #expect(failed.holdReason == "the task's deadline passed before it could be delivered")
        #expect(failed.interactionJSON == item.interactionJSON)
    }

    @Test func anItemBeingSentElsewhereIsNotSentTwice() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "a")
        #expect(try store.beginSending(item.id))
        let service = FakeService()
        let engine = SyncFixture.engine(store, service, ManualClock(SyncFixture.t0))
        #expect(await engine.deliver(item) == .skipped)
        #expect(service.log.isEmpty)
    }
}
