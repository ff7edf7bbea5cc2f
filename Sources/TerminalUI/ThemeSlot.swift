/// A semantic style slot: widgets name what a cell *is*, themes decide how it looks.
public enum ThemeSlot: String, CaseIterable, Hashable, Sendable {
    case normal
    case title
    case borderFocused = "border.focused"
    case border
    case messageUser = "message.user"
    case messageAssistant = "message.assistant"
    case messageMeta = "message.meta"
    case messageHighlight = "message.highlight"
    case selection
    case editorCursor = "editor.cursor"
    case editorText = "editor.text"
    case sliderFilled = "slider.filled"
    case sliderEmpty = "slider.empty"
    case sliderValue = "slider.value"
    case rankNumber = "rank.number"
    case rankMoving = "rank.moving"
    case statusBar = "status.bar"
    case statusOnline = "status.online"
    case statusOffline = "status.offline"
    case statusQueued = "status.queued"
    case statusHeld = "status.held"
    case error
    case warning
    case helpKey = "help.key"
    case helpText = "help.text"
    case markdownHeading = "markdown.heading"
    case markdownStrong = "markdown.strong"
    case markdownEmphasis = "markdown.emphasis"
    case markdownCode = "markdown.code"
    case markdownCodeBlock = "markdown.codeblock"
    case markdownLink = "markdown.link"
    case markdownQuote = "markdown.quote"
    case markdownRule = "markdown.rule"
    case untrustedControl = "untrusted.control"
}
