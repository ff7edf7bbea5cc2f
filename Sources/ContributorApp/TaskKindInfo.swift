import OasstProtocol

/// Titles, instructions and status-bar modes per task type, as the website words them.
public enum TaskKindInfo {
    /// The kinds offered on the start screen, `random` first.
    public static let startKinds: [TaskType] = [
        .random, .initialPrompt, .prompterReply, .assistantReply, .rankPrompterReplies, .rankAssistantReplies,
        .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply,
    ]

    /// The screen title for a task type.
    public static func title(_ type: TaskType?, simple: Bool = false) -> String {
        guard let type else { return "Unsupported task" }
        let verb = simple ? "Classify" : "Label"
        switch type {
        case .random: return "Random task"
        case .initialPrompt: return "Create Initial Prompts"
        case .prompterReply: return "Reply as User"
        case .assistantReply: return "Reply as Assistant"
        case .rankPrompterReplies: return "Rank User Replies"
        case .rankAssistantReplies: return "Rank Assistant Replies"
        case .rankInitialPrompts: return "Rank Initial Prompts"
        case .labelInitialPrompt: return "\(verb) Initial Prompt"
        case .labelPrompterReply: return "\(verb) Prompter Reply"
        case .labelAssistantReply: return "\(verb) Assistant Reply"
        case .summarizeStory: return "Summarize Story"
        case .rateSummary: return "Rate Summary"
        case .replyToConversation, .rankConversationReplies, .labelConversationReply: return "Unsupported task"
        }
    }

    /// The one-line instruction under the title.
    public static func instruction(_ type: TaskType?) -> String {
        guard let type else { return "This client cannot answer this task. Press s to skip it." }
        switch type {
        case .random: return "Any kind of task, picked by the server."
        case .initialPrompt: return "Create an initial message to send to the assistant."
        case .prompterReply, .assistantReply: return "Given the following conversation, provide an adequate reply."
        case .rankPrompterReplies, .rankAssistantReplies:
            return "Sort the replies from best to worst (best first)."
        case .labelInitialPrompt: return "Provide labels for the highlighted prompt."
        case .labelPrompterReply, .labelAssistantReply:
            return "Given the following discussion, provide labels for the final message."
        case .rankInitialPrompts: return "Sort the prompts from best to worst (best first)."
        case .summarizeStory, .rateSummary, .replyToConversation, .rankConversationReplies, .labelConversationReply:
            return "This client cannot answer this task. Press s to skip it."
        }
    }

    /// A short name for the start screen list and notices.
    public static func shortName(_ type: TaskType) -> String {
        switch type {
        case .random: return "random"
        case .initialPrompt: return "initial prompt"
        case .prompterReply: return "reply as user"
        case .assistantReply: return "reply as assistant"
        case .rankPrompterReplies: return "rank user replies"
        case .rankAssistantReplies: return "rank assistant replies"
        case .rankInitialPrompts: return "rank initial prompts"
        case .labelInitialPrompt: return "label initial prompt"
        case .labelPrompterReply: return "label user reply"
        case .labelAssistantReply: return "label assistant reply"
        case .summarizeStory: return "summarize story"
        case .rateSummary: return "rate summary"
        case .replyToConversation, .rankConversationReplies, .labelConversationReply: return type.rawValue
        }
    }
}
