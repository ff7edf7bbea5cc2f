import TerminalUI

/// A task's conversation laid out once for one width, so frames and scrolling only slice it:
/// rendering 100 markdown messages costs far more than a frame may take.
public struct RenderedConversation: Equatable, Sendable {
    /// The width the lines were laid out for.
    public let width: Int
    /// The conversation as styled lines (see `ConversationView.lines`).
    public let lines: [StyledLine]

    /// Lays out `session`'s conversation at `width` columns, with the answered message marked.
    public init(_ session: TaskSession, width: Int) {
        self.width = width
        let messages = session.task.conversation?.messages ?? []
        lines = ConversationView.lines(messages, highlight: session.highlightIndex, width: width)
    }
}
