/// Body of `POST /api/v1/frontend_users/`: create or update a user, optionally recording ToS acceptance.
public struct CreateFrontendUserRequest: Codable, Sendable, Equatable, Hashable {
    /// The front end's own user name.
    public var id: String
    /// The shown name.
    public var displayName: String
    /// `discord`, `google`, `local` or `system`.
    public var authMethod: String
    /// `true` sets `tos_acceptance_date` once (needs a trusted key); absent when `nil`.
    public var tosAcceptance: Bool?
    /// Absent when `nil` (server default `true`; changing it needs a trusted key).
    public var showOnLeaderboard: Bool?
    /// Absent when `nil` (server default `true`).
    public var enabled: Bool?
    /// Admin notes; absent when `nil`.
    public var notes: String?

    /// Creates the body.
    public init(
        id: String, displayName: String, authMethod: String, tosAcceptance: Bool? = nil,
        showOnLeaderboard: Bool? = nil, enabled: Bool? = nil, notes: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.authMethod = authMethod
        self.tosAcceptance = tosAcceptance
        self.showOnLeaderboard = showOnLeaderboard
        self.enabled = enabled
        self.notes = notes
    }

    /// The body for a `User`.
    public init(user: User, tosAcceptance: Bool? = nil) {
        self.init(id: user.id, displayName: user.displayName, authMethod: user.authMethod, tosAcceptance: tosAcceptance)
    }

    /// The identity part.
    public var user: User { User(id: id, displayName: displayName, authMethod: authMethod) }

    enum CodingKeys: String, CodingKey {
        case id, enabled, notes
        case displayName = "display_name"
        case authMethod = "auth_method"
        case tosAcceptance = "tos_acceptance"
        case showOnLeaderboard = "show_on_leaderboard"
    }
}
