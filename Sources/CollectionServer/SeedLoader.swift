import Foundation
import GRDB
import OasstProtocol

/// Loads starter trees into a new database so that a first start offers every task type: the `SeedCorpus` by
/// default (authors become `system` users of a separate seed scope, so nobody labels or ranks their own seed
/// message), or a small built-in set that tests use for exact states.
enum SeedLoader {
    /// One seed message with its replies; `accepted` is the review outcome (`nil` = still to be reviewed).
    struct Node: Sendable {
        /// `prompter` or `assistant`.
        var role: String
        /// Message text.
        var text: String
        /// Review outcome.
        var accepted: Bool?
        /// Replies.
        var replies: [Node] = []
        /// Seed author id (`SeedUser.id`), or `nil` for an anonymous message.
        var author: String? = nil
    }

    /// One seed tree: its state, language and root.
    struct Tree: Sendable {
        /// Tree state.
        var state: String
        /// Language.
        var lang: String
        /// The root prompt.
        var root: Node
    }

    /// The API-client scope of seed authors (no real key is empty, so they never collide with contributors).
    static let seedScope = ""

    /// The seed corpus as loadable trees.
    static var corpusTrees: [Tree] {
        func node(_ message: SeedMessage) -> Node {
            Node(
                role: message.role.rawValue, text: message.text, accepted: message.awaitingReview ? nil : true,
                replies: message.children.map(node), author: message.author)
        }
        return SeedCorpus.trees.map { Tree(state: $0.state.rawValue, lang: $0.lang, root: node($0.root)) }
    }

    /// Inserts the seed users and trees; in `ready_for_export` trees siblings get ranks in their given order.
    static func load(_ db: Database, trees: [Tree], now: Date) throws {
        var authors: [String: String] = [:]
        for user in SeedCorpus.users {
            let id = UUIDText.randomText()
            authors[user.id] = id
            try db.execute(
                sql: """
                    INSERT INTO user (id, api_client, auth_method, username, display_name, created_date)
                    VALUES (?, ?, 'system', ?, ?, ?)
                    """,
                arguments: [id, seedScope, user.id, user.displayName, now.timeIntervalSince1970])
        }
        var counter = 0
        for tree in trees {
            let treeID = UUIDText.randomText()
            try db.execute(
                sql: "INSERT INTO message_tree (id, state, lang, created_date, author) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    treeID, tree.state, tree.lang, now.timeIntervalSince1970,
                    tree.root.author.flatMap { authors[$0] } ?? "",
                ])
            try insert(
                db, node: tree.root, id: treeID, treeID: treeID, parentID: nil, depth: 0, lang: tree.lang, now: now,
                authors: authors, counter: &counter)
            if tree.state == "ready_for_export" {
                try db.execute(
                    sql: """
                        UPDATE message SET rank = (SELECT COUNT(*) FROM message s WHERE s.parent_id = message.parent_id
                            AND s.created_date < message.created_date)
                        WHERE tree_id = ? AND parent_id IS NOT NULL
                        """, arguments: [treeID])
            }
        }
    }

    private static func insert(
        _ db: Database, node: Node, id: String, treeID: String, parentID: String?, depth: Int, lang: String, now: Date,
        authors: [String: String], counter: inout Int
    ) throws {
        counter += 1
        let reviews = node.accepted == nil ? 0 : 3
        try db.execute(
            sql: """
                INSERT INTO message (id, tree_id, parent_id, api_client, frontend_message_id, user_id, role, text, lang,
                    depth, created_date, review_count, review_result)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, treeID, parentID, seedScope, "seed-\(counter)", node.author.flatMap { authors[$0] }, node.role,
                node.text, lang, depth,
                now.timeIntervalSince1970 + Double(counter) / 1000, reviews, node.accepted,
            ])
        for reply in node.replies {
            try insert(
                db, node: reply, id: UUIDText.randomText(), treeID: treeID, parentID: id, depth: depth + 1,
                lang: lang, now: now, authors: authors, counter: &counter)
        }
    }

    /// A small built-in set (used by tests for exact states): prompts to review, growing trees with replies to write and label, and a tree in
    /// ranking with both assistant and prompter siblings.
    static let inlineTrees: [Tree] = [
        Tree(
            state: "initial_prompt_review", lang: "en",
            root: Node(role: "prompter", text: "What is a good way to learn to touch type as an adult?", accepted: nil)),
        Tree(
            state: "initial_prompt_review", lang: "en",
            root: Node(role: "prompter", text: "Explain why the sky looks red at sunset.", accepted: nil)),
        Tree(
            state: "prompt_lottery_waiting", lang: "en",
            root: Node(role: "prompter", text: "How do I make a sourdough starter from scratch?", accepted: true)),
        Tree(
            state: "growing", lang: "en",
            root: Node(
                role: "prompter", text: "Can you suggest a three-day itinerary for a first visit to Lisbon?",
                accepted: true,
                replies: [
                    Node(
                        role: "assistant",
                        text: "Day 1: Alfama and the castle. Day 2: Belém and the LX Factory. Day 3: a trip to Sintra.",
                        accepted: true,
                        replies: [
                            Node(role: "prompter", text: "Is Sintra doable by train?", accepted: nil)
                        ]),
                    Node(
                        role: "assistant", text: "Spend the days walking the old quarters and eating pastries.",
                        accepted: nil),
                ])),
        Tree(
            state: "growing", lang: "en",
            root: Node(role: "prompter", text: "What does a linker do when it builds a program?", accepted: true)),
        Tree(
            state: "ranking", lang: "en",
            root: Node(
                role: "prompter", text: "How often should I water a cactus?", accepted: true,
                replies: [
                    Node(
                        role: "assistant",
                        text: "Water it deeply every two to three weeks in summer and about once a month in winter.",
                        accepted: true,
                        replies: [
                            Node(role: "prompter", text: "What if it is kept indoors?", accepted: true),
                            Node(role: "prompter", text: "Does the pot size matter?", accepted: true),
                        ]),
                    Node(role: "assistant", text: "Only when the soil is completely dry.", accepted: true),
                ])),
        Tree(
            state: "ranking", lang: "de",
            root: Node(
                role: "prompter", text: "Wie bekomme ich knusprige Bratkartoffeln hin?", accepted: true,
                replies: [
                    Node(
                        role: "assistant",
                        text: "Kartoffeln vorher kochen, gut abkühlen lassen und in heißem Fett braten.",
                        accepted: true,
                        replies: [
                            Node(role: "prompter", text: "Welches Fett eignet sich am besten dafür?", accepted: true),
                            Node(role: "prompter", text: "Kann ich das auch im Backofen machen?", accepted: true),
                        ])
                ])),
    ]
}
