/// The rating range of a `rate_summary` task (default 1…5).
public struct RatingScale: Codable, Sendable, Equatable, Hashable {
    /// Lowest rating.
    public var min: Int
    /// Highest rating.
    public var max: Int

    /// Creates a scale.
    public init(min: Int = 1, max: Int = 5) {
        self.min = min
        self.max = max
    }
}
