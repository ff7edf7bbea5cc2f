import Foundation
import OasstProtocol
import Testing

@testable import OfflineStore

@Suite struct TaskCacheTests {
    private func prefetch(_ store: OfflineStore, _ id: String, at date: Date, user: User = StoreFixture.alice) throws {
        try store.storeTask(
            taskId: id, taskType: "rank_assistant_replies", taskJSON: StoreFixture.taskJSON(id), user: user,
            requestedType: "random", lang: "en", receivedAt: date, state: .ready)
    }

    @Test func readyTasksAreHandedOutOldestFirstPerUser() throws {
        let store = try OfflineStore.inMemory()
        try prefetch(store, "new", at: StoreFixture.t0.addingTimeInterval(10))
        try prefetch(store, "old", at: StoreFixture.t0)
        try prefetch(store, "bobs", at: StoreFixture.t0, user: StoreFixture.bob)
        let now = StoreFixture.t0.addingTimeInterval(20)
        #expect(try store.readyTasks(for: StoreFixture.alice, now: now).map(\.taskId) == ["old", "new"])
        let taken = try store.takeReadyTask(for: StoreFixture.alice, now: now)
        #expect(taken?.taskId == "old")
        #expect(taken?.state == .taken)
        #expect(try store.takenTasks(for: StoreFixture.alice).map(\.taskId) == ["old"])
        #expect(try store.readyTasks(for: StoreFixture.alice, now: now).map(\.taskId) == ["new"])
        #expect(try store.counts(now: now).readyTasks == 2)  // "new" and bob's
    }

    @Test func storingTheSameTaskTwiceKeepsTheFirstAckId() throws {
        let store = try OfflineStore.inMemory()
        let first = try store.storeTask(
            taskId: "t", taskType: "initial_prompt", taskJSON: StoreFixture.taskJSON("t"), user: StoreFixture.alice,
            requestedType: "random", lang: nil, receivedAt: StoreFixture.t0)
        let second = try store.storeTask(
            taskId: "t", taskType: "initial_prompt", taskJSON: StoreFixture.taskJSON("t"), user: StoreFixture.alice,
            requestedType: "random", lang: nil, receivedAt: StoreFixture.t0.addingTimeInterval(5))
        #expect(first == second)
    }

    @Test func expiredTasksAreDroppedAndNackedWhileTheServerMayKnowThem() throws {
        let store = try OfflineStore.inMemory(expiryMargin: 600)
        let day: TimeInterval = 86400
        try prefetch(store, "fresh", at: StoreFixture.t0)
        try prefetch(store, "in-margin", at: StoreFixture.t0.addingTimeInterval(-2 * day + 300))
        try prefetch(store, "gone", at: StoreFixture.t0.addingTimeInterval(-3 * day))
        let dropped = try store.dropExpiredTasks(now: StoreFixture.t0)
        #expect(Set(dropped) == ["in-margin", "gone"])
        #expect(try store.task("in-margin")?.state == .skipping)
        #expect(try store.task("gone")?.state == .skipped)
        #expect(try store.tasksToNack().map(\.taskId) == ["in-margin"])
        try store.markNacked("in-margin", now: StoreFixture.t0)
        #expect(try store.tasksToNack().isEmpty)
        #expect(try store.readyTasks(for: StoreFixture.alice, now: StoreFixture.t0).map(\.taskId) == ["fresh"])
    }

    @Test func pendingEstimateCountsRecentUnfinishedTasks() throws {
        let store = try OfflineStore.inMemory()
        let now = StoreFixture.t0.addingTimeInterval(100)
        try prefetch(store, "r1", at: StoreFixture.t0)
        try prefetch(store, "r2", at: StoreFixture.t0)
        try prefetch(store, "old", at: StoreFixture.t0.addingTimeInterval(-400))  // outside the 300 s window
        let answered = try StoreFixture.submitReply(store, taskId: "answered", at: StoreFixture.t0)
        try store.skipTask("r2", reason: String(repeating: "x", count: 600), now: now)
        #expect(try store.task("r2")?.skipReason?.unicodeScalars.count == 512)
        // r1, r2 (its nack is not sent yet) and the answered one
        #expect(try store.pendingTaskEstimate(for: StoreFixture.alice, now: now) == 3)
        try store.markNacked("r2", now: now)
        #expect(try store.beginSending(answered.id))
        try store.markDelivered(answered.id, at: now)
        #expect(try store.pendingTaskEstimate(for: StoreFixture.alice, now: now) == 1)
        #expect(try store.pendingTaskEstimate(for: StoreFixture.bob, now: now) == 0)
    }

    @Test func draftsAreSavedReplacedAndListed() throws {
        let store = try OfflineStore.inMemory()
        try store.saveDraft(Draft(taskId: "a", contentJSON: Data("[1]".utf8), updatedAt: StoreFixture.t0))
        try store.saveDraft(Draft(taskId: "a", contentJSON: Data("[2]".utf8), updatedAt: StoreFixture.t0 + 5))
        try store.saveDraft(Draft(taskId: "b", contentJSON: Data("[3]".utf8), updatedAt: StoreFixture.t0 + 1))
        #expect(try store.draft(for: "a")?.contentJSON == Data("[2]".utf8))
        #expect(try store.allDrafts().map(\.taskId) == ["a", "b"])
        try store.deleteDraft(for: "a")
        #expect(try store.draft(for: "a") == nil)
    }
}
