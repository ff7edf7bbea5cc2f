import Foundation
import GRDB
import Testing

@testable import CollectionServer

/// The server's checkpoints run on `WALSyncer`'s thread: the writer's commits only report the WAL's size.
@Suite struct WALSyncerTests {
    @Test func commitsReportTheWALAndTheCheckpointCopiesItIntoTheDatabase() throws {
        let path = ServerHarness.temporaryDatabase()
        var configuration = ServerConfiguration()
        configuration.loadSeedCorpus = false
        let store = try ServerStore(path: path, configuration: configuration)
        let before = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        // About 5,000 pages of new rows: past the 4,000-frame threshold.
        let text = String(repeating: "x", count: 4000)
        try store.write { db in
            try db.execute(sql: "CREATE TABLE scratch (body TEXT NOT NULL)")
            for _ in 0..<5000 { try db.execute(sql: "INSERT INTO scratch (body) VALUES (?)", arguments: [text]) }
        }
        #expect(store.syncer.reportedFrames >= WALSyncer.checkpointFrames || store.syncer.reportedFrames == 0)

        // Whether the sync thread got there first or this call does it, the pages end up in the database file.
        store.syncer.checkpointIfDue()
        let after = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(after >= before + 5000 * 4000)
        #expect(store.syncer.reportedFrames == 0)
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch") }
        #expect(rows == 5000)
    }

    @Test func smallWritesLeaveTheWALAlone() throws {
        let path = ServerHarness.temporaryDatabase()
        var configuration = ServerConfiguration()
        configuration.loadSeedCorpus = false
        let store = try ServerStore(path: path, configuration: configuration)
        try store.write { db in
            try db.execute(sql: "CREATE TABLE scratch (body TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO scratch (body) VALUES ('a')")
        }
        let frames = store.syncer.reportedFrames
        #expect(frames > 0 && frames < WALSyncer.checkpointFrames)
        let before = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        store.syncer.checkpointIfDue()
        #expect(store.syncer.reportedFrames == frames)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == before)
    }
}
