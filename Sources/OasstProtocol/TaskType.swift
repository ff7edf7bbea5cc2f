/// Every task type name of the protocol: the twelve request types plus the three abstract response base types.
public enum TaskType: String, Codable, Sendable, CaseIterable, Hashable {
    /// Request only: the server picks a concrete type.
    case random
    /// Write the first prompt of a new conversation.
    case initialPrompt = "initial_prompt"
    /// Write the user's next message.
    case prompterReply = "prompter_reply"
    /// Write the assistant's next message.
    case assistantReply = "assistant_reply"
    /// Rank initial prompts (never handed out).
    case rankInitialPrompts = "rank_initial_prompts"
    /// Rank sibling user replies.
    case rankPrompterReplies = "rank_prompter_replies"
    /// Rank sibling assistant replies.
    case rankAssistantReplies = "rank_assistant_replies"
    /// Label an initial prompt.
    case labelInitialPrompt = "label_initial_prompt"
    /// Label a user reply.
    case labelPrompterReply = "label_prompter_reply"
    /// Label an assistant reply.
    case labelAssistantReply = "label_assistant_reply"
    /// Summarise a story (never handed out).
    case summarizeStory = "summarize_story"
    /// Rate a summary (never handed out).
    case rateSummary = "rate_summary"
    /// Abstract base type in the response schema; never sent.
    case replyToConversation = "reply_to_conversation"
    /// Abstract base type in the response schema; never sent.
    case rankConversationReplies = "rank_conversation_replies"
    /// Abstract base type in the response schema; never sent.
    case labelConversationReply = "label_conversation_reply"

    /// The twelve values the backend accepts in a task request (`TaskRequestType`).
    public static let requestable: [TaskType] = [
        .random, .summarizeStory, .rateSummary, .initialPrompt, .prompterReply, .assistantReply,
        .rankInitialPrompts, .rankPrompterReplies, .rankAssistantReplies, .labelInitialPrompt,
        .labelAssistantReply, .labelPrompterReply,
    ]

    /// Whether the real backend ever hands out tasks of this type (§3 overview).
    public var isHandedOut: Bool {
        switch self {
        case .initialPrompt, .prompterReply, .assistantReply, .rankPrompterReplies, .rankAssistantReplies,
            .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply:
            return true
        case .random, .rankInitialPrompts, .summarizeStory, .rateSummary, .replyToConversation,
            .rankConversationReplies, .labelConversationReply:
            return false
        }
    }
}
