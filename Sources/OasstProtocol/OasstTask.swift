import Foundation

/// A task as the backend hands it out, one case per concrete type; any other `type` (a newer server, an abstract
/// base type) is kept whole in `.unknown` so it never breaks decoding and can still be skipped (nacked).
public enum OasstTask: Codable, Sendable, Equatable, Hashable {
    /// `initial_prompt`.
    case initialPrompt(InitialPromptTask)
    /// `prompter_reply`.
    case prompterReply(PrompterReplyTask)
    /// `assistant_reply`.
    case assistantReply(AssistantReplyTask)
    /// `rank_initial_prompts` (never handed out).
    case rankInitialPrompts(RankInitialPromptsTask)
    /// `rank_prompter_replies`.
    case rankPrompterReplies(RankRepliesTask)
    /// `rank_assistant_replies`.
    case rankAssistantReplies(RankRepliesTask)
    /// `label_initial_prompt`.
    case labelInitialPrompt(LabelingTask)
    /// `label_prompter_reply`.
    case labelPrompterReply(LabelingTask)
    /// `label_assistant_reply`.
    case labelAssistantReply(LabelingTask)
    /// `summarize_story` (never handed out).
    case summarizeStory(SummarizeStoryTask)
    /// `rate_summary` (never handed out).
    case rateSummary(RateSummaryTask)
    /// Any other `type`, with the JSON exactly as received.
    case unknown(type: String, raw: JSONValue)

    private enum TypeKey: String, CodingKey {
        case type
    }

    /// Decodes by the `type` discriminator; unknown types keep their raw JSON.
    public init(from decoder: any Decoder) throws {
        try self.init(anyDecoder: decoder)
    }

    /// Encodes the payload plus `type`; an unknown task re-encodes its raw JSON unchanged.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .initialPrompt(let task): try task.encode(to: encoder)
        case .prompterReply(let task): try task.encode(to: encoder)
        case .assistantReply(let task): try task.encode(to: encoder)
        case .rankInitialPrompts(let task): try task.encode(to: encoder)
        case .rankPrompterReplies(let task), .rankAssistantReplies(let task): try task.encode(to: encoder)
        case .labelInitialPrompt(let task): try task.encode(to: encoder, textKey: .prompt)
        case .labelPrompterReply(let task), .labelAssistantReply(let task):
            try task.encode(to: encoder, textKey: .reply)
        case .summarizeStory(let task): try task.encode(to: encoder)
        case .rateSummary(let task): try task.encode(to: encoder)
        case .unknown(_, let raw):
            try raw.encode(to: encoder)
            return
        }
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(typeName, forKey: .type)
    }

    /// The `type` string as sent.
    public var typeName: String {
        switch self {
        case .unknown(let type, _): return type
        case .initialPrompt, .prompterReply, .assistantReply, .rankInitialPrompts, .rankPrompterReplies,
            .rankAssistantReplies, .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply, .summarizeStory,
            .rateSummary:
            return (type ?? .random).rawValue
        }
    }

    /// The task type, or `nil` for an unknown one.
    public var type: TaskType? {
        switch self {
        case .initialPrompt: return .initialPrompt
        case .prompterReply: return .prompterReply
        case .assistantReply: return .assistantReply
        case .rankInitialPrompts: return .rankInitialPrompts
        case .rankPrompterReplies: return .rankPrompterReplies
        case .rankAssistantReplies: return .rankAssistantReplies
        case .labelInitialPrompt: return .labelInitialPrompt
        case .labelPrompterReply: return .labelPrompterReply
        case .labelAssistantReply: return .labelAssistantReply
        case .summarizeStory: return .summarizeStory
        case .rateSummary: return .rateSummary
        case .unknown(let type, _): return TaskType(rawValue: type)
        }
    }

    /// The task id; for an unknown task, its `id` member when that is a UUID.
    public var id: UUID? {
        switch self {
        case .initialPrompt(let task): return task.id
        case .prompterReply(let task): return task.id
        case .assistantReply(let task): return task.id
        case .rankInitialPrompts(let task): return task.id
        case .rankPrompterReplies(let task), .rankAssistantReplies(let task): return task.id
        case .labelInitialPrompt(let task), .labelPrompterReply(let task), .labelAssistantReply(let task):
            return task.id
        case .summarizeStory(let task): return task.id
        case .rateSummary(let task): return task.id
        case .unknown(_, let raw): return raw["id"]?.stringValue.flatMap(UUID.init(uuidString:))
        }
    }

    /// The conversation shown with the task, when it has one.
    public var conversation: Conversation? {
        switch self {
        case .prompterReply(let task): return task.conversation
        case .assistantReply(let task): return task.conversation
        case .rankPrompterReplies(let task), .rankAssistantReplies(let task): return task.conversation
        case .labelInitialPrompt(let task), .labelPrompterReply(let task), .labelAssistantReply(let task):
            return task.conversation
        case .initialPrompt, .rankInitialPrompts, .summarizeStory, .rateSummary, .unknown: return nil
        }
    }

    /// The ranking payload of the two reply-ranking types.
    public var ranking: RankRepliesTask? {
        switch self {
        case .rankPrompterReplies(let task), .rankAssistantReplies(let task): return task
        case .initialPrompt, .prompterReply, .assistantReply, .rankInitialPrompts, .labelInitialPrompt,
            .labelPrompterReply, .labelAssistantReply, .summarizeStory, .rateSummary, .unknown:
            return nil
        }
    }

    /// The label payload of the three label types.
    public var labeling: LabelingTask? {
        switch self {
        case .labelInitialPrompt(let task), .labelPrompterReply(let task), .labelAssistantReply(let task): return task
        case .initialPrompt, .prompterReply, .assistantReply, .rankInitialPrompts, .rankPrompterReplies,
            .rankAssistantReplies, .summarizeStory, .rateSummary, .unknown:
            return nil
        }
    }

    /// The interaction that answers this task, or `nil` when this client cannot answer it (skip it).
    public var answerType: InteractionType? {
        switch self {
        case .initialPrompt, .prompterReply, .assistantReply: return .textReplyToMessage
        case .rankPrompterReplies, .rankAssistantReplies: return .messageRanking
        case .labelInitialPrompt, .labelPrompterReply, .labelAssistantReply: return .textLabels
        case .rankInitialPrompts, .summarizeStory, .rateSummary, .unknown: return nil
        }
    }
}

extension OasstTask: JSONTapeDecodable {
    /// Reads the task named by `type` from parsed JSON; unknown types keep the JSON as it is.
    init(json: JSONNode, codingPath: [any CodingKey]) throws {
        let typeName = try JSONObjectReader<TypeKey>(json, codingPath: codingPath).string(.type)
        guard let type = TaskType(rawValue: typeName) else {
            self = .unknown(type: typeName, raw: json.value)
            return
        }
        switch type {
        case .initialPrompt: self = .initialPrompt(try InitialPromptTask(json: json, codingPath: codingPath))
        case .prompterReply: self = .prompterReply(try PrompterReplyTask(json: json, codingPath: codingPath))
        case .assistantReply: self = .assistantReply(try AssistantReplyTask(json: json, codingPath: codingPath))
        case .rankInitialPrompts:
            self = .rankInitialPrompts(try RankInitialPromptsTask(json: json, codingPath: codingPath))
        case .rankPrompterReplies: self = .rankPrompterReplies(try RankRepliesTask(json: json, codingPath: codingPath))
        case .rankAssistantReplies:
            self = .rankAssistantReplies(try RankRepliesTask(json: json, codingPath: codingPath))
        case .labelInitialPrompt:
            self = .labelInitialPrompt(try LabelingTask(json: json, codingPath: codingPath, textKey: .prompt))
        case .labelPrompterReply:
            self = .labelPrompterReply(try LabelingTask(json: json, codingPath: codingPath, textKey: .reply))
        case .labelAssistantReply:
            self = .labelAssistantReply(try LabelingTask(json: json, codingPath: codingPath, textKey: .reply))
        case .summarizeStory: self = .summarizeStory(try SummarizeStoryTask(json: json, codingPath: codingPath))
        case .rateSummary: self = .rateSummary(try RateSummaryTask(json: json, codingPath: codingPath))
        case .random, .replyToConversation, .rankConversationReplies, .labelConversationReply:
            self = .unknown(type: typeName, raw: json.value)
        }
    }
}

extension OasstTask {
    /// Writes a known task with `JSONWriter`; `false` for an unknown one, which `OasstJSON` writes through
    /// `JSONEncoder` to keep its JSON exactly.
    func write(to writer: inout JSONWriter) -> Bool {
        let name = typeName
        writer.beginObject()
        switch self {
        case .initialPrompt(let task): task.writeMembers(to: &writer, typeName: name)
        case .prompterReply(let task): task.writeMembers(to: &writer, typeName: name)
        case .assistantReply(let task): task.writeMembers(to: &writer, typeName: name)
        case .rankInitialPrompts(let task): task.writeMembers(to: &writer, typeName: name)
        case .rankPrompterReplies(let task), .rankAssistantReplies(let task):
            task.writeMembers(to: &writer, typeName: name)
        case .labelInitialPrompt(let task): task.writeMembers(to: &writer, textKey: .prompt, typeName: name)
        case .labelPrompterReply(let task), .labelAssistantReply(let task):
            task.writeMembers(to: &writer, textKey: .reply, typeName: name)
        case .summarizeStory(let task): task.writeMembers(to: &writer, typeName: name)
        case .rateSummary(let task): task.writeMembers(to: &writer, typeName: name)
        case .unknown: return false
        }
        writer.endObject()
        return true
    }
}
