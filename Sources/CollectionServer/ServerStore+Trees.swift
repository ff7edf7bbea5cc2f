import Foundation
import GRDB
import OasstProtocol

/// Tree growth: prompt review, the prompt lottery, the switch to ranking, and scoring to `ready_for_export`.
extension ServerStore {
    /// Fills free active slots of a language pool: draws an author uniformly among those with waiting prompts, then
    /// one of that author's prompts, so every author has the same chance whatever number of prompts they entered.
    func runLottery(_ db: Database, lang: String, maxActive: Int? = nil) throws {
        var active =
            try db.firstRow(
                "SELECT COUNT(*) FROM message_tree WHERE state = 'growing' AND lang = ?", [.text(lang)],
                read: { $0.integer(0) ?? 0 }) ?? 0
        while active < (maxActive ?? configuration.maxActiveTrees) {
            // A random author among those waiting, then one of their trees, both from the (state, lang, author)
            // index: the authors are a handful, the waiting trees can be thousands. The authors are found by jumping
            // from one to the next in the index, and the tree by counting the author's entries and stepping to a
            // random one, so neither reads every waiting tree into memory (reading their ids was 2 % of the server's
            // CPU under load, with about 1,300 prompts waiting).
            let authors = try db.rows(Self.waitingAuthorsSQL, [.text(lang)]) { $0.text(0) ?? "" }
            guard let author = authors.randomElement() else { return }
            let count =
                try db.firstRow(
                    """
                    SELECT COUNT(*) FROM message_tree WHERE state = 'prompt_lottery_waiting' AND lang = ? AND author = ?
                    """, [.text(lang), .text(author)], read: { $0.integer(0) ?? 0 }) ?? 0
            guard count > 0 else { return }
            guard
                let tree = try db.firstRow(
                    """
                    SELECT id FROM message_tree WHERE state = 'prompt_lottery_waiting' AND lang = ? AND author = ?
                    LIMIT 1 OFFSET ?
                    """, [.text(lang), .text(author), .integer(Int.random(in: 0..<count))], read: { $0.text(0) }),
                let tree
            else { return }
            try setState(db, treeID: tree, state: "growing")
            active += 1
        }
    }

    /// The distinct authors of a language's waiting trees (`?1`), each found by one step in the
    /// (state, lang, author) index from the one before.
    static let waitingAuthorsSQL = """
        WITH RECURSIVE waiting(author) AS (
            SELECT MIN(author) FROM message_tree WHERE state = 'prompt_lottery_waiting' AND lang = ?1
            UNION ALL
            SELECT (SELECT MIN(author) FROM message_tree WHERE state = 'prompt_lottery_waiting' AND lang = ?1
                AND author > waiting.author)
            FROM waiting WHERE waiting.author IS NOT NULL)
        SELECT author FROM waiting WHERE author IS NOT NULL
        """

    /// Re-checks the growing trees of a language (a skipped or abandoned reply task may have been their last
    /// blocker), then fills free lottery slots.
    /// Skipped while `treeGate` says the last pass still holds (the usual case: it is checked on every task request).
    func advanceTrees(_ db: Database, lang: String) throws {
        let now = self.now.timeIntervalSince1970
        if treeGate.isFresh(lang: lang, now: now) { return }
        let generation = treeGate.generation
        try advanceTreesUngated(db, lang: lang)
        // The pass holds until the first open reply task of a growing tree leaves the lock window.
        let oldest = try Double.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT MIN(t.created_date) FROM message_tree mt CROSS JOIN task t ON t.tree_id = mt.id
                    WHERE mt.state = 'growing' AND mt.lang = ? AND +t.type IN ('assistant_reply', 'prompter_reply')
                    AND t.done = 0 AND t.skipped = 0 AND t.created_date > ?
                    """), arguments: [lang, now - configuration.pendingTaskWindow])
        let until = oldest.map { $0 + configuration.pendingTaskWindow } ?? Double.infinity
        treeGate.markFresh(lang: lang, until: until, generation: generation)
    }

    /// `advanceTrees` without the gate: refreshes every growing and ranking tree of the language, then runs the
    /// lottery.
    func advanceTreesUngated(_ db: Database, lang: String) throws {
        let growing = try String.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM message_tree WHERE state IN ('growing', 'ranking') AND lang = ?"),
            arguments: [lang]
        )
        for tree in growing { try refreshTree(db, treeID: tree) }
        try runLottery(db, lang: lang)
    }

    /// Sets a tree's state.
    /// A tree that starts growing invalidates `treeGate` (the next pass refreshes it).
    func setState(_ db: Database, treeID: String, state: String) throws {
        if state == "growing" { treeGate.invalidate() }
        try db.run("UPDATE message_tree SET state = ? WHERE id = ?", [.text(state), .text(treeID)])
    }

    /// Counts one more task review of a message and decides it once enough reviews are in.
    func recordReview(_ db: Database, messageID: String) throws {
        // RETURNING: the counted review and what deciding it needs, in one statement.
        guard
            let row = try db.firstRow(
                """
                UPDATE message SET review_count = review_count + 1 WHERE id = ?
                RETURNING parent_id IS NULL, review_count, review_result IS NULL, tree_id, lang
                """, [.text(messageID)],
                read: { row in
                    (
                        isRoot: row.bool(0) ?? false, count: row.integer(1) ?? 0, undecided: row.bool(2) ?? false,
                        treeID: row.text(3) ?? "", lang: row.text(4) ?? ""
                    )
                })
        else {
            return
        }
        let needed = row.isRoot ? configuration.numReviewsInitialPrompt : configuration.numReviewsReply
        guard row.count >= needed, row.undecided else { return }
        let accepted = try acceptanceScore(db, messageID: messageID) > configuration.acceptanceThreshold
        try db.run("UPDATE message SET review_result = ? WHERE id = ?", [.bool(accepted), .text(messageID)])
        let treeID = row.treeID
        if row.isRoot {
            try setState(db, treeID: treeID, state: accepted ? "prompt_lottery_waiting" : "aborted_low_grade")
            if accepted { try runLottery(db, lang: row.lang) }
        } else {
            try refreshTree(db, treeID: treeID)
        }
    }

    /// `1 − (mean(spam) + mean(lang_mismatch))` over the message's task labels (a missing label counts as absent).
    func acceptanceScore(_ db: Database, messageID: String) throws -> Double {
        let texts = try db.rows(
            "SELECT labels FROM text_label WHERE message_id = ? AND task_id IS NOT NULL", [.text(messageID)]
        ) { $0.text(0) ?? "" }
        var spam: [Double] = []
        var mismatch: [Double] = []
        for text in texts {
            guard let labels = try? OasstJSON.decode([String: Double].self, from: Data(text.utf8)) else { continue }
            if let value = labels["spam"] { spam.append(value) }
            if let value = labels["lang_mismatch"] { mismatch.append(value) }
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        return 1 - (mean(spam) + mean(mismatch))
    }

    /// Moves a tree forward: `growing` → `ranking` when it reached its goal size (or cannot grow) and every reply is
    /// reviewed; `ranking` → `ready_for_scoring` → `ready_for_export` once every rankable parent has its rankings.
    func refreshTree(_ db: Database, treeID: String) throws {
        guard
            let (state, lang) = try db.firstRow(
                "SELECT state, lang FROM message_tree WHERE id = ?", [.text(treeID)],
                read: { row in (row.text(0) ?? "", row.text(1) ?? "") })
        else { return }
        let lockSince = now.timeIntervalSince1970 - configuration.pendingTaskWindow
        if state == "growing" {
            // Live and unreviewed messages counted in one pass over the tree.
            let counts = try db.firstRow(
                """
                SELECT COUNT(*), COUNT(*) FILTER (WHERE review_result IS NULL) FROM message
                WHERE tree_id = ? AND deleted = 0 AND (review_result IS NULL OR review_result = 1)
                """, [.text(treeID)], read: { row in (size: row.integer(0) ?? 0, unreviewed: row.integer(1) ?? 0) })
            let size = counts?.size ?? 0
            let unreviewed = counts?.unreviewed ?? 0
            let openReplies =
                try db.firstRow(
                    """
                    SELECT COUNT(*) FROM task WHERE tree_id = ? AND +type IN ('assistant_reply', 'prompter_reply')
                    AND done = 0 AND skipped = 0 AND created_date > ?
                    """, [.text(treeID), .real(lockSince)], read: { $0.integer(0) ?? 0 }) ?? 0
            let roomLeft =
                try db.firstRow(
                    """
                    SELECT 1 FROM message m WHERE m.tree_id = ? AND m.review_result = 1 AND m.deleted = 0
                    AND m.depth < ? AND (SELECT COUNT(*) FROM message c WHERE c.parent_id = m.id AND c.deleted = 0
                        AND (c.review_result IS NULL OR c.review_result = 1))
                        < CASE m.role WHEN 'prompter' THEN ? ELSE ? END
                    LIMIT 1
                    """,
                    [
                        .text(treeID), .integer(configuration.maxTreeDepth), .integer(configuration.maxChildrenCount),
                        .integer(configuration.numPrompterReplies),
                    ], read: { _ in true }) ?? false
            guard unreviewed == 0, openReplies == 0, size >= configuration.goalTreeSize || !roomLeft else { return }
            try setState(db, treeID: treeID, state: "ranking")
            try runLottery(db, lang: lang)
        } else if state != "ranking" {
            return
        }
        let parents = try rankableParents(db, treeID: treeID)
        for parent in parents {
            let rankings =
                try db.firstRow("SELECT COUNT(*) FROM ranking WHERE parent_id = ?", [.text(parent)]) {
                    $0.integer(0) ?? 0
                } ?? 0
            if rankings < configuration.numRequiredRankings { return }
        }
        try setState(db, treeID: treeID, state: "ready_for_scoring")
        do {
            for parent in parents { try score(db, parentID: parent) }
            try setState(db, treeID: treeID, state: "ready_for_export")
        } catch {
            try setState(db, treeID: treeID, state: "scoring_failed")
        }
    }

    /// Accepted messages of a tree with at least two accepted children that need ranking.
    func rankableParents(_ db: Database, treeID: String) throws -> [String] {
        try db.rows(
            """
            SELECT m.id FROM message m WHERE m.tree_id = ? AND m.deleted = 0 AND m.review_result = 1
            AND (? OR m.role = 'prompter')
            AND (SELECT COUNT(*) FROM message c WHERE c.parent_id = m.id AND c.deleted = 0 AND c.review_result = 1)
                >= 2
            """, [.text(treeID), .bool(configuration.rankPrompterReplies)]
        ) { $0.text(0) ?? "" }
    }

    /// Computes the ranks of a parent's accepted children from its rankings with `RankAggregator` (ranked pairs).
    func score(_ db: Database, parentID: String) throws {
        let children = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id FROM message WHERE parent_id = ? AND deleted = 0 AND review_result = 1
                    ORDER BY created_date, id
                    """), arguments: [parentID])
        let rankings = try String.fetchAll(
            db.cachedStatement(sql: "SELECT ranked_message_ids FROM ranking WHERE parent_id = ?"), arguments: [parentID]
        ).map(TaskRecord.strings)
        let order = RankAggregator.rankedPairs(candidates: children, rankings: rankings)
        for (rank, id) in order.enumerated() {
            try db.cachedStatement(sql: "UPDATE message SET rank = ? WHERE id = ?").execute(arguments: [rank, id])
        }
    }
}
