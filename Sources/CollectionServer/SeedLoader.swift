import Foundation
import GRDB

/// Loads starter trees into a new database so that a first start offers every task type.
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

    /// Inserts the seed trees.
    static func load(_ db: Database, trees: [Tree], now: Date) throws {
        var counter = 0
        for tree in trees {
            let treeID = UUID().uuidString.lowercased()
            try db.execute(
                sql: "INSERT INTO message_tree (id, state, lang, created_date) VALUES (?, ?, ?, ?)",
                arguments: [treeID, tree.state, tree.lang, now.timeIntervalSince1970])
            try insert(
                db, node: tree.root, id: treeID, treeID: treeID, parentID: nil, depth: 0, lang: tree.lang, now: now,
                counter: &counter)
        }
    }

    private static func insert(
        _ db: Database, node: Node, id: String, treeID: String, parentID: String?, depth: Int, lang: String, now: Date,
        counter: inout Int
    ) throws {
        counter += 1
        let reviews = node.accepted == nil ? 0 : 3
        try db.execute(
            sql: """
                INSERT INTO message (id, tree_id, parent_id, api_client, frontend_message_id, user_id, role, text, lang,
                    depth, created_date, review_count, review_result)
                VALUES (?, ?, ?, '', ?, NULL, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, treeID, parentID, "seed-\(counter)", node.role, node.text, lang, depth,
                now.timeIntervalSince1970 + Double(counter) / 1000, reviews, node.accepted,
            ])
        for reply in node.replies {
            try insert(
                db, node: reply, id: UUID().uuidString.lowercased(), treeID: treeID, parentID: id, depth: depth + 1,
                lang: lang, now: now, counter: &counter)
        }
    }

    /// Built-in starter trees: prompts to review, growing trees with replies to write and label, and a tree in
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
