import Foundation

/// A user as the backend stores it (answer of create and look-up).
public struct FrontEndUser: Codable, Sendable, Equatable, Hashable {
    /// The front end's own user name.
    public var id: String
    /// The shown name.
    public var displayName: String
    /// `discord`, `google`, `local` or `system`.
    public var authMethod: String
    /// The server's user UUID.
    public var userID: UUID
    /// Whether the account may work.
    public var enabled: Bool
    /// Whether the account was deleted.
    public var deleted: Bool
    /// Admin notes.
    public var notes: String?
    /// When the user was created.
    public var createdDate: Date?
    /// Shown on the leaderboard.
    public var showOnLeaderboard: Bool
    /// Current streak, or `nil`.
    public var streakDays: Int?
    /// Last streak day.
    public var streakLastDayDate: Date?
    /// Last activity.
    public var lastActivityDate: Date?
    /// When the terms of service were accepted, or `nil` (not accepted).
    public var tosAcceptanceDate: Date?

    /// Creates a user record.
    public init(
        id: String, displayName: String, authMethod: String, userID: UUID, enabled: Bool = true,
        deleted: Bool = false, notes: String? = "", createdDate: Date? = nil, showOnLeaderboard: Bool = true,
        streakDays: Int? = nil, streakLastDayDate: Date? = nil, lastActivityDate: Date? = nil,
        tosAcceptanceDate: Date? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.authMethod = authMethod
        self.userID = userID
        self.enabled = enabled
        self.deleted = deleted
        self.notes = notes
        self.createdDate = createdDate
        self.showOnLeaderboard = showOnLeaderboard
        self.streakDays = streakDays
        self.streakLastDayDate = streakLastDayDate
        self.lastActivityDate = lastActivityDate
        self.tosAcceptanceDate = tosAcceptanceDate
    }

    /// The identity part.
    public var user: User { User(id: id, displayName: displayName, authMethod: authMethod) }

    enum CodingKeys: String, CodingKey {
        case id, enabled, deleted, notes
        case displayName = "display_name"
        case authMethod = "auth_method"
        case userID = "user_id"
        case createdDate = "created_date"
        case showOnLeaderboard = "show_on_leaderboard"
        case streakDays = "streak_days"
        case streakLastDayDate = "streak_last_day_date"
        case lastActivityDate = "last_activity_date"
        case tosAcceptanceDate = "tos_acceptance_date"
    }

    /// Decodes; dates are read as backend text whatever the decoder's date strategy.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        displayName = try c.decode(String.self, forKey: .displayName)
        authMethod = try c.decode(String.self, forKey: .authMethod)
        userID = try c.decodeUUID(forKey: .userID)
        enabled = try c.decode(Bool.self, forKey: .enabled)
        deleted = try c.decode(Bool.self, forKey: .deleted)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        createdDate = try c.decodeDateIfPresent(forKey: .createdDate)
        showOnLeaderboard = try c.decode(Bool.self, forKey: .showOnLeaderboard)
        streakDays = try c.decodeIfPresent(Int.self, forKey: .streakDays)
        streakLastDayDate = try c.decodeDateIfPresent(forKey: .streakLastDayDate)
        lastActivityDate = try c.decodeDateIfPresent(forKey: .lastActivityDate)
        tosAcceptanceDate = try c.decodeDateIfPresent(forKey: .tosAcceptanceDate)
    }

    /// Encodes every field with explicit `null`s and backend date text.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(displayName, forKey: .displayName)
        try c.encode(authMethod, forKey: .authMethod)
        try c.encodeUUID(userID, forKey: .userID)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(deleted, forKey: .deleted)
        try c.encodeOrNull(notes, forKey: .notes)
        try c.encodeDateOrNull(createdDate, forKey: .createdDate)
        try c.encode(showOnLeaderboard, forKey: .showOnLeaderboard)
        try c.encodeOrNull(streakDays, forKey: .streakDays)
        try c.encodeDateOrNull(streakLastDayDate, forKey: .streakLastDayDate)
        try c.encodeDateOrNull(lastActivityDate, forKey: .lastActivityDate)
        try c.encodeDateOrNull(tosAcceptanceDate, forKey: .tosAcceptanceDate)
    }
}
