/// A made-up contributor who authored seed messages, so a fresh server has plausible other users.
public struct SeedUser: Sendable, Hashable {
    /// Stable id such as `"seed-mira"`; `SeedMessage.author` refers to it.
    public let id: String
    /// Name shown in the UI and leaderboards.
    public let displayName: String

    /// Creates a seed user.
    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }
}
