import OasstProtocol
import TerminalUI

/// The task on screen and everything entered for it so far.
public struct TaskSession: Equatable, Sendable {
    /// Working on the answer, or looking at it before it is sent.
    public enum Phase: Equatable, Sendable {
        /// Entering the answer.
        case working
        /// Showing the answer; the next submit sends it.
        case review
        /// Sent to the outbox, waiting for the commit.
        case saving
    }

    /// The task as received.
    public var task: OasstTask
    /// The ack id bound to the task (generated once, reused on every retry).
    public var ackID: String
    /// When the task arrived (injected clock), for expiry.
    public var receivedAt: Double
    /// The answer being built.
    public var work: TaskWork
    /// Undo history for labels and rankings (previous `work` values).
    public var history: [TaskWork] = []
    /// Working, review or saving.
    public var phase: Phase = .working
    /// For replies: whether keys go to the editor.
    public var isEditing: Bool
    /// Conversation scroll offset in wrapped rows; nil = scrolled to the end.
    public var conversationOffset: Int?
    /// Review scroll offset (rendered reply).
    public var reviewOffset: Int = 0
    /// Seconds after `receivedAt` at which the app warns: 2 days minus 10 minutes of margin.
    public static let lifetime: Double = 2 * 86_400 - 600
    /// Whether the expiry warning was shown.
    public var expiryWarned = false
    /// When the draft last changed and was not yet saved.
    public var draftDirtySince: Double?
    /// The conversation as last laid out (kept by `update` for the terminal width).
    public private(set) var renderedConversation: RenderedConversation?

    /// Starts a session for a task.
    public init(task: OasstTask, ackID: String, receivedAt: Double, messageSizeLimit: Int, draft: String?) {
        self.task = task
        self.ackID = ackID
        self.receivedAt = receivedAt
        switch task {
        case .initialPrompt, .prompterReply, .assistantReply:
            work = .reply(TextEditor(text: draft ?? "", limit: messageSizeLimit))
            isEditing = true
        case .labelInitialPrompt(let labelTask), .labelPrompterReply(let labelTask),
            .labelAssistantReply(let labelTask):
            var form = LabelForm(task: labelTask)
            if let draft { form.restore(draft: draft) }
            work = .labels(form)
            isEditing = false
        case .rankPrompterReplies(let rankTask), .rankAssistantReplies(let rankTask):
            var form = RankingForm(task: rankTask)
            if let draft { form.restore(draft: draft) }
            work = .ranking(form)
            isEditing = false
        case .rankInitialPrompts(let rankTask):
            var form = RankingForm(prompts: rankTask)
            if let draft { form.restore(draft: draft) }
            work = .ranking(form)
            isEditing = false
        case .summarizeStory, .rateSummary, .unknown:
            work = .unsupported
            isEditing = false
        }
    }

    /// Which conversation message is marked: the one answered or labelled (the last).
    public var highlightIndex: Int? {
        guard let messages = task.conversation?.messages, !messages.isEmpty else { return nil }
        return messages.count - 1
    }

    /// The conversation laid out at `width`: the kept layout when it has that width, else a new one.
    public func conversationLines(width: Int) -> [StyledLine] {
        if let renderedConversation, renderedConversation.width == width { return renderedConversation.lines }
        return RenderedConversation(self, width: width).lines
    }

    /// Lays the conversation out at `width` unless that is already kept.
    public mutating func keepConversationLayout(width: Int) {
        guard task.conversation != nil, renderedConversation?.width != width else { return }
        renderedConversation = RenderedConversation(self, width: width)
    }

    /// The task id as a lower-case string (store key for drafts).
    public var taskID: String { task.id.map(UUIDText.lowercased) ?? "unknown" }

    /// Whether the contributor entered anything (skip then asks for confirmation).
    public var hasInput: Bool { work.hasDraftContent }
}
