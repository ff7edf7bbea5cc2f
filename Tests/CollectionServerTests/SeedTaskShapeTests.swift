import CollectionServer
import Testing

/// The seed corpus contains, in every language, the tree shapes (and review states) a fresh server needs to hand out
/// each task type the real backend hands out (tasks are drawn per language, so each language pool must have them all).
@Suite struct SeedTaskShapeTests {
    /// Protocol default `max_tree_depth`: messages at this depth get no replies.
    private static let maxTreeDepth = 3
    private static let languages = ["de", "en", "es", "fr"]

    /// A message with its depth (root = 0), for shape queries.
    private struct Placed {
        let message: SeedMessage
        let depth: Int
    }

    private func placed(in tree: SeedTree) -> [Placed] {
        var result: [Placed] = []
        func walk(_ message: SeedMessage, _ depth: Int) {
            result.append(Placed(message: message, depth: depth))
            for child in message.children { walk(child, depth + 1) }
        }
        walk(tree.root, 0)
        return result
    }

    private func trees(_ lang: String, _ state: SeedTreeState) -> [SeedTree] {
        SeedCorpus.trees.filter { $0.lang == lang && $0.state == state }
    }

    @Test(arguments: languages) func labelInitialPrompt(lang: String) {
        let prompts = trees(lang, .initialPromptReview).map(\.root)
        #expect(!prompts.isEmpty)
        #expect(prompts.allSatisfy { $0.awaitingReview })
    }

    @Test(arguments: languages) func assistantReplyNeedsAPrompterLeafInAGrowingTree(lang: String) {
        let leaves = trees(lang, .growing).flatMap(placed).filter {
            $0.message.role == .prompter && $0.message.children.isEmpty && !$0.message.awaitingReview
                && $0.depth < Self.maxTreeDepth
        }
        #expect(!leaves.isEmpty)
        // Both a fresh prompt and a follow-up deeper in a conversation.
        #expect(leaves.contains { $0.depth == 0 })
        #expect(leaves.contains { $0.depth > 0 })
    }

    @Test(arguments: languages) func prompterReplyNeedsAnAssistantLeafInAGrowingTree(lang: String) {
        let leaves = trees(lang, .growing).flatMap(placed).filter {
            $0.message.role == .assistant && $0.message.children.isEmpty && !$0.message.awaitingReview
                && $0.depth < Self.maxTreeDepth
        }
        #expect(!leaves.isEmpty)
    }

    @Test(arguments: languages) func labelPrompterReplyNeedsAFollowUpInAGrowingTree(lang: String) {
        let followUps = trees(lang, .growing).flatMap(placed).filter {
            $0.message.role == .prompter && $0.depth > 0 && $0.message.awaitingReview
        }
        #expect(!followUps.isEmpty)
    }

    @Test(arguments: languages) func labelAssistantReplyNeedsAnAssistantMessageInAGrowingTree(lang: String) {
        let replies = trees(lang, .growing).flatMap(\.messages).filter { $0.role == .assistant && $0.awaitingReview }
        #expect(!replies.isEmpty)
    }

    @Test(arguments: languages) func rankAssistantRepliesNeedsSiblingsInARankingTree(lang: String) {
        let parents = trees(lang, .ranking).flatMap(\.messages).filter { message in
            message.role == .prompter && message.children.count >= 2
                && message.children.allSatisfy { $0.role == .assistant && !$0.awaitingReview }
        }
        #expect(!parents.isEmpty)
    }

    @Test(arguments: languages) func rankPrompterRepliesNeedsSiblingsInARankingTree(lang: String) {
        let parents = trees(lang, .ranking).flatMap(\.messages).filter { message in
            message.role == .assistant && message.children.count >= 2
                && message.children.allSatisfy { $0.role == .prompter && !$0.awaitingReview }
        }
        #expect(!parents.isEmpty)
    }

    @Test func someTreesAreFinishedAndDeep() {
        let finished = SeedCorpus.trees.filter { $0.state == .readyForExport }
        #expect(!finished.isEmpty)
        #expect(finished.allSatisfy { tree in placed(in: tree).contains { $0.depth >= 2 } })
        #expect(SeedCorpus.trees.contains { tree in placed(in: tree).contains { $0.depth == Self.maxTreeDepth } })
    }

    @Test func everyStateIsUsed() {
        #expect(Set(SeedCorpus.trees.map(\.state)) == Set(SeedTreeState.allCases))
    }

    @Test func rawStatesMatchTheProtocol() {
        #expect(
            SeedTreeState.allCases.map(\.rawValue) == [
                "initial_prompt_review", "growing", "ranking", "ready_for_export",
            ])
        #expect(SeedRole.allCases.map(\.rawValue) == ["prompter", "assistant"])
        #expect(SeedRole.prompter.replyRole == .assistant && SeedRole.assistant.replyRole == .prompter)
    }
}
