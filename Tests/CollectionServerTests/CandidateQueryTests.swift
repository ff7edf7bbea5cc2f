import GRDB
import GRDBSQLite
import Testing

@testable import CollectionServer

/// The hand-out queries bind their named parameters by position, so the order must be SQLite's.
@Suite struct CandidateQueryTests {
    @Test func parametersComeInOrderOfFirstAppearance() {
        let sql = "SELECT :a, :b_1 FROM t WHERE x = :a AND y = :c2 OR z = :b_1"
        #expect(CandidateQuery.parameterOrder(sql) == ["a", "b_1", "c2"])
        #expect(CandidateQuery.parameterOrder("SELECT 1") == [])
    }

    @Test(arguments: CandidateQuery.allCases)
    func everyParameterIsOneTheStoreBindsInSQLiteOrder(query: CandidateQuery) throws {
        let bound: Set<String> = [
            "u", "lang", "now", "lock", "nPrompt", "nReply", "depth", "children", "prompterChildren", "goal", "nRank",
            "rankPrompter",
        ]
        #expect(!query.parameters.isEmpty)
        #expect(Set(query.parameters).isSubset(of: bound))
        let queue = try DatabaseQueue()
        try ServerDatabase.migrator.migrate(queue)
        try queue.read { db in
            let statement = try db.makeStatement(sql: query.sql)
            // SQLite's own numbering: parameter i (1-based) is named ":" + parameters[i - 1].
            let names = (1...query.parameters.count).map { index in
                sqlite3_bind_parameter_name(statement.sqliteStatement, Int32(index)).map { String(cString: $0) }
            }
            #expect(names == query.parameters.map { ":" + $0 })
            #expect(sqlite3_bind_parameter_count(statement.sqliteStatement) == Int32(query.parameters.count))
        }
    }

    @Test func rowsComeInCreationOrderWithTiesKeptAsReturned() {
        let rows: [(id: String, role: String?, created: Double)] = [
            ("c", "assistant", 3), ("a1", nil, 1), ("b", "prompter", 2), ("a2", "prompter", 1), ("a3", nil, 1),
        ]
        let ordered = CandidateQuery.ordered(rows)
        #expect(ordered.map(\.id) == ["a1", "a2", "a3", "b", "c"])
        #expect(ordered.map(\.role) == [nil, "prompter", nil, "prompter", "assistant"])
    }

    @Test(arguments: CandidateQuery.allCases)
    func theCreationDateIsTheLastColumn(query: CandidateQuery) throws {
        let queue = try DatabaseQueue()
        try ServerDatabase.migrator.migrate(queue)
        try queue.read { db in
            let statement = try db.makeStatement(sql: query.sql)
            #expect(statement.columnNames.last == "created_date")
            #expect(statement.columnCount == Int(query.createdColumn) + 1)
        }
    }
}
