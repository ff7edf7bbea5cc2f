/// A seed conversation tree: a root prompt, its replies, and the state the server should give it.
public struct SeedTree: Sendable, Hashable {
    /// Subject area in plain lower-case words (e.g. `"cooking"`, `"personal finance"`).
    public let topic: String
    /// The tree state on a fresh server; decides which tasks it yields.
    public let state: SeedTreeState
    /// The initial prompt (always a prompter turn) with every reply nested below it.
    public let root: SeedMessage

    /// Creates a tree.
    public init(topic: String, state: SeedTreeState, root: SeedMessage) {
        self.topic = topic
        self.state = state
        self.root = root
    }

    /// Language of the tree, which is the root prompt's language.
    public var lang: String { root.lang }

    /// Every message of the tree, depth first, parents before children.
    public var messages: [SeedMessage] { root.subtree }
}
