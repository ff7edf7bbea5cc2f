import Foundation
import GRDB
import OasstProtocol
import Testing

@testable import OfflineStore

@Suite struct OutboxDurabilityTests {
    @Test func committedSubmitIsVisibleToAnotherConnectionAndSurvivesReopen() throws {
        let file = try StoreFixture.temporaryFile()
        var store: OfflineStore? = try OfflineStore(file: file)
        let item = try StoreFixture.submitReply(#require(store), taskId: "t1", text: "durable")

        // A separate pool (another connection, as another process would have) sees the committed row.
        let other = try DatabasePool(path: file.path)
        let seen = try other.read { db in
            try Row.fetchOne(
                db, sql: "SELECT state, ack_id, interaction_json FROM outbox WHERE id = ?", arguments: [item.id])
        }
        let row = try #require(seen)
        #expect(row["state"] as String == "pending")
        #expect(row["ack_id"] as String == item.ackId)
        #expect((row["interaction_json"] as String).contains("durable"))
        try other.close()

        // Drop the store without close() (no cleanup), then reopen.
        store = nil
        let reopened = try OfflineStore(file: file)
        let again = try #require(try reopened.item(item.id))
        #expect(again.state == .pending)
        #expect(again.ackId == item.ackId)
        #expect(again.userMessageId == item.userMessageId)
        #expect(String(decoding: again.interactionJSON, as: UTF8.self).contains("durable"))
        #expect(try reopened.task("t1")?.state == .answered)
    }

    @Test func storeUsesWALAndFullSync() throws {
        let file = try StoreFixture.temporaryFile()
        let store = try OfflineStore(file: file)
        _ = store
        let pool = try DatabasePool(path: file.path)
        let mode = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        try pool.close()
    }

    @Test func sendingItemsReturnToPendingAtOpen() throws {
        let file = try StoreFixture.temporaryFile()
        var store: OfflineStore? = try OfflineStore(file: file)
        let first = try StoreFixture.submitReply(#require(store), taskId: "t1")
        let second = try StoreFixture.submitReply(#require(store), taskId: "t2", text: "other")
        #expect(try store?.beginSending(first.id) == true)
        #expect(try store?.item(first.id)?.state == .sending)
        store = nil  // "crash" while sending

        let reopened = try OfflineStore(file: file)
        #expect(reopened.recoveredAtOpen == 1)
        let recovered = try #require(try reopened.item(first.id))
        #expect(recovered.state == .pending)
        #expect(recovered.attempts == 1)
        #expect(try reopened.item(second.id)?.state == .pending)
        #expect(try reopened.dueItems(now: StoreFixture.t0).map(\.id) == [first.id, second.id])
    }

    @Test func secondOpenerIsRefusedWithLockAndPid() throws {
        let file = try StoreFixture.temporaryFile()
        var first: OfflineStore? = try OfflineStore(file: file)
        #expect(first != nil)
        #expect(throws: StoreError.locked(lockFile: file.path + ".lock", pid: getpid())) {
            _ = try OfflineStore(file: file)
        }
        let message = StoreError.locked(lockFile: file.path + ".lock", pid: getpid()).description
        #expect(message.contains("store.sqlite.lock") && message.contains("\(getpid())"))
        first = nil  // releases the lock
        let second = try OfflineStore(file: file)
        #expect(try second.counts().pending == 0)
        try second.close()  // close() releases it too, while the object lives on
        let third = try OfflineStore(file: file)
        #expect(third.recoveredAtOpen == 0)
        #expect(second.file == third.file)
    }
}

@Suite struct StoreLocationTests {
    @Test func openDefaultUsesXDGDataHomeAndCreatesTheDirectoryPrivately() throws {
        let base = try StoreFixture.temporaryFile().deletingLastPathComponent()
        let store = try OfflineStore.openDefault(environment: ["HOME": "/nonexistent", "XDG_DATA_HOME": base.path])
        #expect(store.file?.path == base.appendingPathComponent("oasst/store.sqlite").path)
        let attributes = try FileManager.default.attributesOfItem(atPath: base.appendingPathComponent("oasst").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent("oasst/store.sqlite.lock").path))
    }
}
