import GRDB
import Testing

@testable import CollectionServer

/// `ReactionTally` groups and orders reactions exactly as SQLite's `GROUP BY emoji ORDER BY emoji` did.
@Suite struct ReactionTallyTests {
    @Test func groupsMatchSQLitesGrouping() throws {
        let queue = try DatabaseQueue()
        let emojis = ["+1", "-1", "Zed", "ä", "é", "e\u{301}", "_skip_reply", "😀", "red_flag", "a"]
        let users = ["me", "u1", "u2", "u3"]
        var reactions: [(user: String, emoji: String)] = []
        for (offset, emoji) in emojis.enumerated() {
            for user in users.prefix(offset % users.count + 1) { reactions.append((user, emoji)) }
        }
        reactions.append(("u9", "🙂"))
        let (sql, ours) = try queue.write { db in
            try db.execute(sql: "CREATE TABLE reaction (message_id TEXT, user_id TEXT, emoji TEXT)")
            for reaction in reactions.reversed() {
                try db.execute(
                    sql: "INSERT INTO reaction VALUES ('m', ?, ?)", arguments: [reaction.user, reaction.emoji])
            }
            let sql = try Row.fetchAll(
                db,
                sql: """
                    SELECT emoji, COUNT(*) AS n, MAX(user_id = ?) AS mine FROM reaction WHERE message_id = 'm'
                    GROUP BY emoji ORDER BY emoji
                    """, arguments: ["me"]
            ).map { ReactionTally.Group(emoji: $0["emoji"], count: $0["n"], mine: $0["mine"]) }
            let rows = try Row.fetchAll(
                db, sql: "SELECT emoji, user_id = ? AS mine FROM reaction WHERE message_id = 'm'", arguments: ["me"]
            ).map { (emoji: $0["emoji"] as String, mine: $0["mine"] as Bool) }
            return (sql, ReactionTally.groups(rows))
        }
        #expect(sql.count == emojis.count + 1)
        #expect(ours.map(\.emoji.utf8).map(Array.init) == sql.map(\.emoji.utf8).map(Array.init))
        #expect(ours.map(\.count) == sql.map(\.count))
        #expect(ours.map(\.mine) == sql.map(\.mine))
        #expect(ReactionTally.groups([]).isEmpty)
    }
}
