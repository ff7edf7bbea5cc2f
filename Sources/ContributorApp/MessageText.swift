import MessageMarkdown
import TerminalUI

/// Message text (markdown from the server or the contributor) as wrapped, sanitised, styled lines.
public enum MessageText {
    /// The text rendered as markdown at `width` columns; every character passes through `Sanitizer`.
    public static func lines(_ text: String, width: Int, base: ThemeSlot = .normal) -> [StyledLine] {
        MarkdownRenderer.render(text, width: max(1, width), base: base)
    }
}
