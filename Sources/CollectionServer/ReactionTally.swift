/// Groups a message's reaction rows by emoji in Swift, as `GROUP BY emoji ORDER BY emoji` grouped them in SQL: the
/// grouping query opened a sorter for every message of every task sent (most messages have no reactions at all).
enum ReactionTally {
    /// One emoji's reactions: how many, and whether the viewer's is among them.
    struct Group: Equatable {
        /// The emoji.
        var emoji: String
        /// Reactions with it.
        var count: Int
        /// Whether one of them is the viewer's.
        var mine: Bool
    }

    /// The groups of `rows` in SQLite's BINARY order of their emoji (UTF-8 bytes), each emoji its own group by its
    /// bytes (as SQLite tells texts apart), with the row count and whether any row is the viewer's.
    static func groups(_ rows: [(emoji: String, mine: Bool)]) -> [Group] {
        if rows.isEmpty { return [] }
        let sorted = rows.sorted { $0.emoji.utf8.lexicographicallyPrecedes($1.emoji.utf8) }
        var groups: [Group] = []
        for row in sorted {
            if let last = groups.last, last.emoji.utf8.elementsEqual(row.emoji.utf8) {
                groups[groups.count - 1].count += 1
                groups[groups.count - 1].mine = last.mine || row.mine
            } else {
                groups.append(Group(emoji: row.emoji, count: 1, mine: row.mine))
            }
        }
        return groups
    }
}
