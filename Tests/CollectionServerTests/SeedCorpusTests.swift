import CollectionServer
import Foundation
import Testing

/// Invariants of the hand-written seed corpus: sizes, spread, message rules of the protocol.
@Suite struct SeedCorpusTests {
    private let trees = SeedCorpus.trees
    private var allMessages: [SeedMessage] { trees.flatMap(\.messages) }

    @Test func hasAtLeastFortyInitialPrompts() {
        #expect(trees.count >= 40)
    }

    @Test func coversAtLeastEightTopics() {
        #expect(Set(trees.map(\.topic)).count >= 8)
        for topic in trees.map(\.topic) {
            #expect(!topic.isEmpty && topic == topic.lowercased(), "topic \(topic)")
        }
    }

    @Test func coversAtLeastThreeLanguagesIncludingEnglish() {
        let langs = Set(trees.map(\.lang))
        #expect(langs.count >= 3)
        #expect(langs.contains("en"))
        #expect(langs.isSubset(of: ["en", "de", "es", "fr"]))
    }

    @Test func atLeastSixTreesHaveReplies() {
        #expect(trees.filter { !$0.root.children.isEmpty }.count >= 6)
    }

    @Test func everyTreeStartsWithAPrompterAndRolesAlternate() {
        for tree in trees {
            #expect(tree.root.role == .prompter, "root: \(tree.root.text.prefix(40))")
            forEachEdge(tree.root) { parent, child in
                #expect(child.role != parent.role, "after: \(parent.text.prefix(40))")
            }
        }
    }

    @Test func textsAreStrippedNonEmptyAndWithinTheLimit() {
        for message in allMessages {
            let stripped = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!stripped.isEmpty)
            #expect(stripped == message.text, "not stripped: \(message.text.prefix(40))")
            #expect(message.text.unicodeScalars.count <= 2000, "too long: \(message.text.prefix(40))")
        }
    }

    @Test func noTwoTextsAreIdentical() {
        var seen: Set<String> = []
        for message in allMessages {
            #expect(seen.insert(message.text).inserted, "duplicate: \(message.text.prefix(40))")
        }
    }

    @Test func everyMessageSharesItsTreeLanguage() {
        for tree in trees {
            for message in tree.messages {
                #expect(message.lang == tree.lang, "\(message.text.prefix(40))")
            }
        }
    }

    @Test func authorsAreKnownAndSpreadOverEightUsers() {
        let ids = SeedCorpus.users.map(\.id)
        #expect(Set(ids).count == ids.count)
        for user in SeedCorpus.users {
            #expect(user.id.hasPrefix("seed-"))
            #expect(!user.displayName.isEmpty)
        }
        let authors = allMessages.map(\.author)
        #expect(Set(authors).isSubset(of: Set(ids)))
        #expect(Set(authors).count >= 8)
        // No single contributor wrote more than a third of everything.
        let busiest = Dictionary(grouping: authors, by: { $0 }).values.map(\.count).max() ?? 0
        #expect(busiest * 3 <= authors.count)
    }

    @Test func repliesComeFromOtherUsersThanTheirParentAndSiblings() {
        for tree in trees {
            forEachEdge(tree.root) { parent, child in
                #expect(child.author != parent.author, "self-reply: \(child.text.prefix(40))")
            }
            for message in tree.messages {
                let authors = message.children.map(\.author)
                #expect(Set(authors).count == authors.count, "two replies by one user: \(message.text.prefix(40))")
            }
        }
    }

    @Test func treesRespectTheBackendShapeLimits() {
        for tree in trees {
            #expect(depth(of: tree.root) <= 3, "too deep: \(tree.root.text.prefix(40))")
            for message in tree.messages {
                #expect(message.children.count <= 3, "more than 3 replies: \(message.text.prefix(40))")
            }
            if tree.state == .initialPromptReview {
                #expect(tree.root.children.isEmpty, "a prompt under review has replies: \(tree.root.text.prefix(40))")
            }
        }
    }

    @Test func reviewStatesFitTheTreeStates() {
        for tree in trees {
            // A message still under review takes no replies yet.
            for message in tree.messages where message.awaitingReview {
                #expect(message.children.isEmpty, "reviewed-later message has replies: \(message.text.prefix(40))")
            }
            let pending = tree.messages.filter(\.awaitingReview).count
            switch tree.state {
            case .initialPromptReview:
                #expect(tree.root.awaitingReview)
            case .growing:
                #expect(!tree.root.awaitingReview, "\(tree.root.text.prefix(40))")
            case .ranking, .readyForExport:
                #expect(pending == 0, "\(tree.root.text.prefix(40))")
            }
        }
    }

    @Test func richContentIsPresent() {
        let replies = allMessages.filter { $0.role == .assistant }.map(\.text)
        #expect(replies.contains { $0.contains("```") }, "a code block")
        #expect(replies.contains { $0.contains("\n- ") || $0.contains("\n1. ") }, "a list")
        #expect(replies.contains { $0.contains("|---") || $0.contains("| ---") }, "a table")
        #expect(
            allMessages.contains { $0.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "CJK")
        #expect(allMessages.contains { $0.text.unicodeScalars.contains { $0.properties.isEmojiPresentation } }, "emoji")
    }

    /// Depth of the deepest message below `message` (the root itself has depth 0).
    private func depth(of message: SeedMessage) -> Int {
        message.children.map { depth(of: $0) + 1 }.max() ?? 0
    }

    /// Calls `body` for every parent–child pair below `message`.
    private func forEachEdge(_ message: SeedMessage, _ body: (SeedMessage, SeedMessage) -> Void) {
        for child in message.children {
            body(message, child)
            forEachEdge(child, body)
        }
    }
}
