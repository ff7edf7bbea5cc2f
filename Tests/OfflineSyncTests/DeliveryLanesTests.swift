import Foundation
import OfflineStore
import OfflineSync
import Testing

/// A flush over several delivery lanes (what `oasst queue flush` uses): every item is acked then answered on one
/// lane, exactly once, and a transport failure on one lane stops the flush without losing or stranding items.
@Suite struct DeliveryLanesTests {
    @Test func everyItemIsAckedThenAnsweredOnceOnOneLane() async throws {
        let store = try OfflineStore.inMemory()
        var items: [OutboxItem] = []
        for index in 0..<24 {
            items.append(
                try SyncFixture.submit(store, "t\(index)", at: SyncFixture.t0.addingTimeInterval(Double(index))))
        }
        let lanes = (0..<3).map { _ in FakeService() }
        let engine = SyncEngine(
            store: store, service: FakeService(), deliveryLanes: lanes,
            clock: ManualClock(SyncFixture.t0.addingTimeInterval(60)), random: { 0.5 })

        let outcomes = await engine.flush()
        #expect(outcomes.count == items.count)
        #expect(outcomes.values.allSatisfy { $0 == .delivered })
        var seen: [String: Int] = [:]
        for lane in lanes {
            let log = lane.log
            for item in items {
                guard let ack = log.firstIndex(of: "ack \(item.taskId) \(item.ackId)") else { continue }
                #expect(log.firstIndex(of: "interaction \(item.taskId)").map { $0 == ack + 1 } == true)
                seen[item.taskId, default: 0] += 1
            }
            #expect(log.count % 2 == 0)
        }
        #expect(seen.count == items.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(lanes.map(\.log.count).reduce(0, +) == items.count * 2)
        #expect(try store.counts().delivered == items.count)
        #expect(try store.item(items[0].id)?.ackedAt != nil)
    }

    @Test func aTransportFailureStopsEveryLaneAndStrandsNothing() async throws {
        let store = try OfflineStore.inMemory()
        for index in 0..<40 {
            try SyncFixture.submit(store, "t\(index)", at: SyncFixture.t0.addingTimeInterval(Double(index)))
        }
        let lanes = (0..<2).map { _ in FakeService() }
        for lane in lanes { lane.script(.ack, Array(repeating: .transport("connection refused"), count: 40)) }
        let engine = SyncEngine(
            store: store, service: FakeService(), deliveryLanes: lanes,
            clock: ManualClock(SyncFixture.t0.addingTimeInterval(60)), random: { 0.5 })

        let outcomes = await engine.flush()
        // Each lane fails on the item it holds; nobody takes another one after the first failure.
        #expect((1...2).contains(outcomes.count))
        #expect(outcomes.values.allSatisfy { $0 == .offline })
        #expect(lanes.map(\.log.count).reduce(0, +) == outcomes.count)
        let counts = try store.counts()
        #expect(counts.pending == 40)
        #expect(counts.sending == 0)
        for item in try store.queue() where outcomes[item.id] == nil {
            #expect(item.attempts == 0)
        }
    }
}
