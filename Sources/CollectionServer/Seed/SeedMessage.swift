/// One message of a seed conversation tree, with its replies nested below it.
public struct SeedMessage: Sendable, Hashable {
    /// Prompter or assistant turn; roles alternate down each branch, starting with a prompter root.
    public let role: SeedRole
    /// The `SeedUser.id` of the contributor who wrote it (e.g. `"seed-mira"`).
    public let author: String
    /// Message text in markdown, at most 2000 Unicode scalars, unique across the corpus.
    public let text: String
    /// BCP 47 language code (`"en"`, `"de"`, `"es"`, `"fr"`), the same throughout a tree.
    public let lang: String
    /// Replies to this message, in the order they were written (siblings have different authors).
    public let children: [SeedMessage]
    /// Review state on a fresh server: `true` = just written, still needs label reviews (yields label tasks,
    /// takes no replies yet; always a leaf); `false` = already accepted by reviews (may take replies).
    /// Roots of `initialPromptReview` trees are `true`; nothing in `ranking` or `readyForExport` trees is.
    public let awaitingReview: Bool

    /// Creates a message with all fields given.
    public init(
        role: SeedRole, author: String, text: String, lang: String, children: [SeedMessage] = [],
        awaitingReview: Bool = false
    ) {
        self.role = role
        self.author = author
        self.text = text
        self.lang = lang
        self.children = children
        self.awaitingReview = awaitingReview
    }

    /// Shorthand for a prompter turn; used by the corpus to keep the content readable.
    public static func prompter(
        _ author: String, _ lang: String, _ text: String, _ children: [SeedMessage] = [],
        awaitingReview: Bool = false
    ) -> SeedMessage {
        SeedMessage(
            role: .prompter, author: author, text: text, lang: lang, children: children,
            awaitingReview: awaitingReview)
    }

    /// Shorthand for an assistant turn; used by the corpus to keep the content readable.
    public static func assistant(
        _ author: String, _ lang: String, _ text: String, _ children: [SeedMessage] = [],
        awaitingReview: Bool = false
    ) -> SeedMessage {
        SeedMessage(
            role: .assistant, author: author, text: text, lang: lang, children: children,
            awaitingReview: awaitingReview)
    }

    /// This message and all its descendants, depth first, parents before children.
    public var subtree: [SeedMessage] {
        [self] + children.flatMap(\.subtree)
    }
}
