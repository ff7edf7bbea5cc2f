/// A centred, bordered dialog: a confirmation (`y`/`n`) or a text prompt with an inline editor.
public struct ModalDialog: Widget, Equatable, Sendable {
    /// Widest the dialog grows.
    public static let maxWidth = 60
    /// Rows of text shown in a prompt's editor (plus its count line).
    public static let inputRows = 2

    /// Title in the top border (fixed text).
    public var title: String
    /// The question or explanation (untrusted parts are sanitised when drawn).
    public var message: String
    /// The prompt's editor; nil for a confirmation.
    public var input: TextEditor?

    /// Creates a dialog; use `confirm` or `prompt`.
    public init(title: String, message: String, input: TextEditor? = nil) {
        self.title = title
        self.message = message
        self.input = input
    }

    /// A yes/no confirmation.
    public static func confirm(title: String, message: String) -> ModalDialog {
        ModalDialog(title: title, message: message)
    }

    /// A text prompt, optionally prefilled, with its own length limit.
    public static func prompt(
        title: String, message: String, text: String = "", limit: Int = TextEditor.defaultLimit
    ) -> ModalDialog {
        ModalDialog(
            title: title, message: message,
            input: TextEditor(text: text, limit: limit, wrapWidth: maxWidth - 4, viewHeight: inputRows))
    }

    /// The key hint line.
    public var hint: String { input == nil ? "[y] yes   [n] no / Esc" : "Enter ok   Esc cancel" }

    /// The dialog's box and the editor's rect inside `rect`.
    public func layout(in rect: Rect) -> (box: Rect, message: [StyledLine], input: Rect?) {
        let boxWidth = min(rect.width, ModalDialog.maxWidth)
        let innerWidth = max(1, boxWidth - 4)
        var message = WrappedText(self.message).wrapped(width: innerWidth)
        let fixed = 2 + 1 + 1 + (input == nil ? 0 : ModalDialog.inputRows + 2)
        let room = max(0, rect.height - fixed)
        if message.count > room { message = Array(message.prefix(room)) }
        let boxHeight = min(rect.height, fixed + message.count)
        let box = Rect(
            x: rect.x + (rect.width - boxWidth) / 2, y: rect.y + (rect.height - boxHeight) / 2, width: boxWidth,
            height: boxHeight)
        var inputRect: Rect?
        if input != nil {
            inputRect = Rect(
                x: box.x + 2, y: box.y + 1 + message.count + 1, width: innerWidth, height: ModalDialog.inputRows + 1)
        }
        return (box, message, inputRect)
    }

    /// Clears the box, draws border, message, editor (with the cursor) and the key hint.
    public func render(into screen: inout Screen, in rect: Rect) {
        let (box, message, inputRect) = layout(in: rect)
        guard box.width >= 6, box.height >= 3 else { return }
        screen.fill(box, slot: .normal)
        Border(title: title, slot: .borderFocused).render(into: &screen, in: box)
        for (index, line) in message.enumerated() {
            screen.put(line, x: box.x + 2, y: box.y + 1 + index, maxWidth: box.width - 4)
        }
        if let input, let inputRect {
            input.render(into: &screen, in: inputRect)
        }
        screen.put(hint, x: box.x + 2, y: box.maxY - 2, slot: .helpKey, maxWidth: box.width - 4)
    }
}
