/// Who speaks in a seed message: the prompter (user) or the assistant, as in the task protocol.
public enum SeedRole: String, Sendable, Hashable, CaseIterable {
    /// A user turn (`is_assistant == false`); every tree's root has this role.
    case prompter
    /// An assistant turn (`is_assistant == true`), written by a human contributor.
    case assistant

    /// The role a reply to a message of this role must have (turns alternate down a branch).
    public var replyRole: SeedRole {
        switch self {
        case .prompter: return .assistant
        case .assistant: return .prompter
        }
    }
}
