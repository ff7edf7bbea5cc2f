import TerminalUI

/// Message text (markdown from the server or the contributor) as wrapped, sanitised lines.
public enum MessageText {
    /// The text wrapped to `width` columns; every character passes through `Sanitizer`.
    public static func lines(_ text: String, width: Int) -> [StyledLine] {
        TextWrapper.wrap(Sanitizer.lines(text), width: max(1, width))
    }
}
