import Foundation
import OasstProtocol
import Testing

@testable import OfflineStore

@Suite struct OutboxRulesTests {
    @Test func submitIsOneStepThatQueuesRemovesDraftAndAnswersTask() throws {
        let store = try OfflineStore.inMemory()
        let task = try store.storeTask(
            taskId: "t1", taskType: "assistant_reply", taskJSON: StoreFixture.taskJSON("t1"), user: StoreFixture.alice,
            requestedType: "assistant_reply", lang: "en", receivedAt: StoreFixture.t0)
        #expect(task.ackId.count == 36 && task.ackId == task.ackId.lowercased())
        try store.saveDraft(Draft(taskId: "t1", contentJSON: Data(#"{"text":"hel"}"#.utf8), updatedAt: StoreFixture.t0))

        let userMessageId = OfflineStore.newId()
        let item = try store.submit(
            Submission(
                taskId: "t1",
                interactionJSON: StoreFixture.replyJSON(ackId: task.ackId, text: "hello", userMessageId: userMessageId),
                userMessageId: userMessageId), now: StoreFixture.t0)
        #expect(item.state == .pending)
        #expect(item.ackId == task.ackId)
        #expect(item.userMessageId == userMessageId)
        #expect(item.user == StoreFixture.alice)
        #expect(item.deadline == StoreFixture.t0.addingTimeInterval(2 * 86400 - 600))
        #expect(try store.draft(for: "t1") == nil)
        #expect(try store.task("t1")?.state == .answered)
        #expect(throws: StoreError.alreadyAnswered(taskId: "t1")) {
            try store.submit(Submission(taskId: "t1", interactionJSON: item.interactionJSON))
        }
    }

    @Test func submitRefusesUnknownTaskAndWrongMessageId() throws {
        let store = try OfflineStore.inMemory()
        #expect(throws: StoreError.noSuchTask("nope")) {
            try store.submit(Submission(taskId: "nope", interactionJSON: Data("{}".utf8)))
        }
        _ = try store.storeTask(
            taskId: "t1", taskType: "assistant_reply", taskJSON: StoreFixture.taskJSON("t1"), user: StoreFixture.alice,
            requestedType: "random", lang: nil, receivedAt: StoreFixture.t0)
        let wrong = StoreFixture.replyJSON(ackId: "not-the-ack-id", text: "x", userMessageId: OfflineStore.newId())
        #expect(throws: StoreError.badJSON("the interaction's message_id must be the task's ack id")) {
            try store.submit(Submission(taskId: "t1", interactionJSON: wrong))
        }
        #expect(try store.queue().isEmpty)
        #expect(try store.task("t1")?.state == .taken)
    }

    @Test func takeBackReturnsContentForPendingAndHeldButNeverWhileSending() throws {
        let store = try OfflineStore.inMemory()
        let item = try StoreFixture.submitReply(store, taskId: "t1", text: "first words")
        let back = try store.takeBack(item.id)
        #expect(back.interactionJSON == item.interactionJSON)
        #expect(try store.queue().isEmpty)
        let task = try #require(try store.task("t1"))
        #expect(task.state == .taken)
        #expect(task.ackId == item.ackId)  // the same ack id is reused when it is submitted again

        let resubmitted = try store.submit(Submission(taskId: "t1", interactionJSON: item.interactionJSON))
        #expect(resubmitted.ackId == item.ackId)
        #expect(try store.beginSending(resubmitted.id))
        #expect(throws: StoreError.itemInFlight(resubmitted.id)) { try store.takeBack(resubmitted.id) }
        #expect(throws: StoreError.itemInFlight(resubmitted.id)) { try store.discard(resubmitted.id) }

        try store.hold(resubmitted.id, reason: "1009 duplicate text", error: "Duplicate message")
        let held = try store.takeBack(resubmitted.id)
        #expect(held.state == .held)
        #expect(held.holdReason == "1009 duplicate text")
        #expect(String(decoding: held.interactionJSON, as: UTF8.self).contains("first words"))
    }

    @Test func deliveredItemsCannotBeTakenBackAndLeaveTheQueueView() throws {
        let store = try OfflineStore.inMemory()
        let item = try StoreFixture.submitReply(store, taskId: "t1")
        #expect(try store.beginSending(item.id))
        try store.markAcked(item.id, at: StoreFixture.t0)
        try store.markDelivered(item.id, at: StoreFixture.t0.addingTimeInterval(1))
        #expect(throws: StoreError.alreadyDelivered(item.id)) { try store.takeBack(item.id) }
        #expect(try store.queue().isEmpty)
        let history = try store.queue(includeDelivered: true)
        #expect(history.map(\.state) == [.delivered])
        #expect(history.first?.ackedAt == StoreFixture.t0)
        #expect(try store.counts().delivered == 1)
        #expect(try store.purgeDelivered(before: StoreFixture.t0.addingTimeInterval(2)) == 1)
    }

    @Test func retryScheduleHoldFailAndManualRetry() throws {
        let store = try OfflineStore.inMemory()
        let a = try StoreFixture.submitReply(store, taskId: "a")
        let b = try StoreFixture.submitReply(store, taskId: "b", text: "bee")
        #expect(try store.beginSending(a.id))
        #expect(try store.beginSending(a.id) == false)  // already claimed
        let later = StoreFixture.t0.addingTimeInterval(30)
        try store.scheduleRetry(a.id, at: later, error: "timed out")
        #expect(try store.dueItems(now: StoreFixture.t0).map(\.id) == [b.id])
        #expect(try store.nextDueDate() == StoreFixture.t0)
        #expect(try store.dueItems(now: later).map(\.id) == [a.id, b.id])

        try store.fail(b.id, reason: "deadline passed", error: nil)
        let counts = try store.counts(now: StoreFixture.t0)
        #expect(counts.pending == 1 && counts.failed == 1 && counts.undelivered == 1)
        try store.retryNow(b.id, now: StoreFixture.t0)
        #expect(try store.item(b.id)?.state == .pending)
        #expect(try store.item(b.id)?.holdReason == nil)
        #expect(try store.makeAllDue(now: StoreFixture.t0) == 1)
        #expect(try store.dueItems(now: StoreFixture.t0).map(\.id) == [a.id, b.id])
        #expect(try store.item(a.id)?.attempts == 1)
        #expect(try store.item(a.id)?.lastError == "timed out")
    }

    @Test func discardIsExplicitAndNamesWhatWasDropped() throws {
        let store = try OfflineStore.inMemory()
        let item = try StoreFixture.submitReply(store, taskId: "t1")
        try store.hold(item.id, reason: "2101 expired", error: nil)
        let dropped = try store.discard(item.id)
        #expect(dropped.id == item.id)
        #expect(try store.queue(includeDelivered: true).isEmpty)
        #expect(try store.task("t1")?.state == .skipped)
        #expect(throws: StoreError.noSuchItem(item.id)) { try store.discard(item.id) }
    }
}
