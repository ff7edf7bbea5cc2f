import OasstProtocol
import TerminalUI

/// A conversation as styled lines: each message under a role header (`▌ User` / `▌ Assistant`),
/// its markdown rendered and indented; the message being answered or labelled is highlighted.
public enum ConversationView {
    /// The lines of one message's body at `width` columns (markdown, sanitised).
    public static func body(_ text: String, width: Int) -> [StyledLine] {
        MessageText.lines(text, width: width)
    }

    /// The whole conversation laid out for `width` columns; `highlight` is the index of the marked message.
    public static func lines(_ messages: [ConversationMessage], highlight: Int?, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for (index, message) in messages.enumerated() {
            let isMarked = index == highlight
            let role = message.isAssistant ? "Assistant" : "User"
            let slot: ThemeSlot = message.isAssistant ? .messageAssistant : .messageUser
            var header = [StyledSpan("▌ ", isMarked ? .messageHighlight : slot), StyledSpan(role, slot)]
            if isMarked { header.append(StyledSpan("  ◀ this message", .messageHighlight)) }
            if message.synthetic == true { header.append(StyledSpan("  [synthetic]", .messageMeta)) }
            if index > 0 { out.append(StyledLine()) }
            out.append(StyledLine(header))
            let gutter = StyledSpan(isMarked ? "┃ " : "  ", isMarked ? .messageHighlight : .normal)
            for line in body(message.text, width: max(1, width - 3)) {
                out.append(StyledLine([gutter] + line.spans))
            }
        }
        return out
    }
}
