import TerminalUI

/// Where each part of the screen goes; shared by `view` (drawing) and `update` (scrolling, editor size).
public struct AppLayout: Equatable, Sendable {
    /// Smallest usable terminal.
    public static let minimumWidth = 40
    /// Smallest usable terminal.
    public static let minimumHeight = 12

    /// Terminal width.
    public var width: Int
    /// Terminal height.
    public var height: Int

    /// Creates the layout for a terminal size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Below 40×12 only a "too small" message is drawn.
    public var isTooSmall: Bool { width < AppLayout.minimumWidth || height < AppLayout.minimumHeight }
    /// The title row.
    public var titleRow: Int { 0 }
    /// The instruction row.
    public var instructionRow: Int { 1 }
    /// The notice row (errors, confirmations).
    public var noticeRow: Int { height - 2 }
    /// The status bar row.
    public var statusRow: Int { height - 1 }
    /// Everything between the instruction and the notice rows.
    public var body: Rect { Rect(x: 0, y: 2, width: width, height: max(0, height - 4)) }

    /// The split for a task: the conversation takes at most its share of the body, and no more
    /// rows than it needs, so a short conversation leaves the room to the answer.
    public func split(for session: TaskSession) -> (conversation: Rect, separatorRow: Int, lower: Rect) {
        guard let messages = session.task.conversation?.messages, !messages.isEmpty else {
            return split(hasConversation: false, share: 0)
        }
        let lines = session.conversationLines(width: width).count
        return split(hasConversation: true, share: AppLayout.share(for: session.work), contentHeight: lines)
    }

    /// Splits the body: conversation on top (`share` of it, at most `contentHeight` rows), one
    /// separator row, the answer area below.
    public func split(
        hasConversation: Bool, share: Double, contentHeight: Int? = nil, minimumLower: Int = 3
    ) -> (conversation: Rect, separatorRow: Int, lower: Rect) {
        let body = self.body
        guard hasConversation else {
            return (Rect(x: 0, y: body.y, width: width, height: 0), body.y, body.splitTop(1).1)
        }
        var top = Int(Double(body.height) * share)
        if let contentHeight { top = min(top, contentHeight) }
        top = max(2, min(top, body.height - 1 - minimumLower))
        let conversation = Rect(x: 0, y: body.y, width: width, height: max(0, top))
        let separator = body.y + conversation.height
        let lower = Rect(x: 0, y: separator + 1, width: width, height: max(0, body.maxY - separator - 1))
        return (conversation, separator, lower)
    }

    /// The conversation share of the body for a kind of work.
    public static func share(for work: TaskWork) -> Double {
        switch work {
        case .reply: return 0.55
        case .labels: return 0.4
        case .ranking: return 0.35
        case .unsupported: return 1
        }
    }
}
