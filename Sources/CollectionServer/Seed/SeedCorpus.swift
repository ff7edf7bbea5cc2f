/// Hand-written seed data for a fresh collection server: contributors and conversation trees in several
/// languages and states, arranged so that every task type the real backend hands out is available at once.
public enum SeedCorpus {
    /// The made-up contributors who wrote the seed messages.
    public static let users: [SeedUser] = [
        SeedUser(id: "seed-mira", displayName: "Mira"),
        SeedUser(id: "seed-jonas", displayName: "Jonas"),
        SeedUser(id: "seed-lucia", displayName: "Lucía"),
        SeedUser(id: "seed-amelie", displayName: "Amélie"),
        SeedUser(id: "seed-kenji", displayName: "Kenji"),
        SeedUser(id: "seed-priya", displayName: "Priya"),
        SeedUser(id: "seed-tomas", displayName: "Tomás"),
        SeedUser(id: "seed-ada", displayName: "Ada"),
    ]

    /// Every seed tree: single-prompt trees first, then the trees that already have replies.
    public static let trees: [SeedTree] = singlePromptTrees + grownTrees
}
