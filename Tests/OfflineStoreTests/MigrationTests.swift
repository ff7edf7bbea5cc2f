import Foundation
import GRDB
import Testing

@testable import OfflineStore

@Suite struct MigrationTests {
    @Test func everyShippedVersionHasAFixture() {
        #expect(MigrationFixtures.all.map(\.version) == StoreSchema.identifiers)
    }

    @Test(arguments: MigrationFixtures.all.map(\.version))
    func upgradesFromShippedSchemaKeepingRows(version: String) throws {
        let file = try StoreFixture.temporaryFile()
        let builder = try #require(MigrationFixtures.all.first { $0.version == version })
        try builder.build(file)

        let store = try OfflineStore(file: file)
        // The fixture's `sending` item is recovered, content intact.
        #expect(store.recoveredAtOpen == 1)
        let items = try store.queue()
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.state == .pending)
        #expect(item.attempts == 2)
        #expect(item.lastError == "timed out")
        #expect(String(decoding: item.interactionJSON, as: UTF8.self).contains("kept"))
        #expect(item.user == StoreFixture.alice)
        #expect(try store.task("t-ready")?.ackId == "aaaaaaaa-0000-4000-8000-000000000002")
        #expect(try store.draft(for: "t-ready")?.contentJSON == Data(#"{"labels":{"spam":0}}"#.utf8))
        try store.close()
    }

    @Test func upgradedSchemaEqualsFreshSchema() throws {
        let upgradedFile = try StoreFixture.temporaryFile()
        try MigrationFixtures.buildV1(at: upgradedFile)
        let upgraded = try OfflineStore(file: upgradedFile)
        try upgraded.close()
        let freshFile = try StoreFixture.temporaryFile()
        let fresh = try OfflineStore(file: freshFile)
        try fresh.close()

        let a = try DatabaseQueue(path: upgradedFile.path)
        let b = try DatabaseQueue(path: freshFile.path)
        #expect(try StoreFixture.schema(a) == StoreFixture.schema(b))
        #expect(try StoreFixture.schema(b).count >= 3)
    }

    @Test func refusesDatabaseFromNewerVersion() throws {
        let file = try StoreFixture.temporaryFile()
        try MigrationFixtures.buildV1(at: file)
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
        }
        try queue.close()

        #expect(throws: StoreError.newerSchema(unknownMigrations: ["v9-from-the-future"])) {
            _ = try OfflineStore(file: file)
        }
        // Refusal left the rows alone.
        let check = try DatabaseQueue(path: file.path)
        let state = try check.read { db in try String.fetchOne(db, sql: "SELECT state FROM outbox") }
        #expect(state == "sending")
        #expect(StoreError.newerSchema(unknownMigrations: ["v9"]).description.contains("newer oasst"))
    }
}
