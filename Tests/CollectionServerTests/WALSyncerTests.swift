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
        #expect(store.syncer.checkpointsRun >= 1)
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

    /// Under a steady load the WAL does not start over after a checkpoint; the next one waits for 4,000 new frames
    /// instead of copying the few written since (every 10 ms tick did, about 70 times a second). A reader holding
    /// its snapshot keeps the WAL from starting over here, as the writer's next commits do under load.
    @Test func aCheckpointWaitsForAnotherBatchOfFrames() throws {
        let path = ServerHarness.temporaryDatabase()
        var configuration = ServerConfiguration()
        configuration.loadSeedCorpus = false
        let store = try ServerStore(path: path, configuration: configuration)
        let text = String(repeating: "x", count: 4000)
        func insert(_ count: Int) throws {
            try store.write { db in
                for _ in 0..<count {
                    try db.execute(sql: "INSERT INTO scratch (body) VALUES (?)", arguments: [text])
                }
            }
        }
        try store.write { db in try db.execute(sql: "CREATE TABLE scratch (body TEXT NOT NULL)") }
        try insert(5000)
        var readerConfiguration = Configuration()
        readerConfiguration.allowsUnsafeTransactions = true
        let reader = try DatabaseQueue(path: path, configuration: readerConfiguration)
        try reader.inDatabase { db in
            try db.execute(sql: "BEGIN DEFERRED")
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch")
        }
        try insert(100)
        store.syncer.checkpointIfDue()
        let runs = store.syncer.checkpointsRun
        #expect(runs >= 1)

        try insert(100)
        store.syncer.checkpointIfDue()
        #expect(store.syncer.checkpointsRun == runs)

        try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
        try insert(4000)
        store.syncer.checkpointIfDue()
        #expect(store.syncer.checkpointsRun > runs)
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scratch") }
        #expect(rows == 9200)
    }
}
