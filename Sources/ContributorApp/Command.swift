/// Every action a key can trigger, with its context, help text and default keys. The key map, the
/// help overlay, the status-bar hints and `docs/keybindings.md` are all generated from this table.
public enum Command: String, CaseIterable, Hashable, Sendable {
    /// Show this help.
    case help
    /// Quit (the draft is saved; queued work is kept).
    case quit
    /// Show or hide the queue of submissions.
    case queue
    /// Skip the task (asks for an optional reason).
    case skip
    /// Report the message (asks for a reason).
    case report
    /// Undo the last change (label, slider, rank or edit).
    case undo
    /// Redraw the screen.
    case redraw
    /// Choose another kind of task (the current one is skipped once you pick).
    case chooseKind = "choose-kind"

    /// Next task kind.
    case startDown = "start-down"
    /// Previous task kind.
    case startUp = "start-up"
    /// Start tasks of the chosen kind (random is first).
    case startChoose = "start-choose"
    /// Reload the task counts.
    case startRefresh = "start-refresh"
    /// Back to the current task.
    case startBack = "start-back"

    /// Scroll the conversation down.
    case scrollDown = "scroll-down"
    /// Scroll the conversation up.
    case scrollUp = "scroll-up"
    /// Scroll down a page.
    case pageDown = "page-down"
    /// Scroll up a page.
    case pageUp = "page-up"
    /// Scroll to the top.
    case scrollTop = "scroll-top"
    /// Scroll to the bottom.
    case scrollBottom = "scroll-bottom"

    /// Review the reply (Enter only outside the editor).
    case review
    /// Go back into the editor.
    case enterEditor = "enter-editor"
    /// Leave the editor (to scroll the conversation).
    case leaveEditor = "leave-editor"
    /// Edit in $VISUAL / $EDITOR (e only outside the editor).
    case externalEditor = "external-editor"

    /// Submit the answer.
    case submit
    /// Back to editing.
    case backToEdit = "back-to-edit"

    /// Next label.
    case nextLabel = "next-label"
    /// Previous label.
    case previousLabel = "previous-label"
    /// Answer yes.
    case answerYes = "answer-yes"
    /// Answer no.
    case answerNo = "answer-no"
    /// Toggle the flag.
    case toggleFlag = "toggle-flag"
    /// Move the slider left.
    case sliderLeft = "slider-left"
    /// Move the slider right.
    case sliderRight = "slider-right"
    /// Set the slider: 1 leftmost … 5 rightmost as drawn.
    case sliderValue = "slider-value"
    /// Clear the label.
    case clearLabel = "clear-label"
    /// Show or hide the label's help text.
    case labelInfo = "label-info"
    /// Review the labels (mandatory ones first).
    case finishLabels = "finish-labels"

    /// Cursor down (moves the held reply).
    case rankDown = "rank-down"
    /// Cursor up (moves the held reply).
    case rankUp = "rank-up"
    /// Pick up or drop the reply.
    case pickDrop = "pick-drop"
    /// Put the held reply back.
    case putBack = "put-back"
    /// Move the reply down one place.
    case moveDown = "move-down"
    /// Move the reply up one place.
    case moveUp = "move-up"
    /// Put the reply at rank N.
    case putAtRank = "put-at-rank"
    /// Show or hide the reply's full text.
    case fullText = "full-text"
    /// Toggle: all replies are wrong and cannot be ranked.
    case notRankable = "not-rankable"
    /// Review the ranking.
    case finishRanking = "finish-ranking"

    /// Next item.
    case queueDown = "queue-down"
    /// Previous item.
    case queueUp = "queue-up"
    /// Retry the selected item now.
    case queueRetry = "queue-retry"
    /// Recall a queued or held item to edit it (never while sending).
    case queueRecall = "queue-recall"
    /// Write the item's text to a file and show its path.
    case queueExport = "queue-export"
    /// Discard the item (asks y/n).
    case queueDiscard = "queue-discard"
    /// Send everything queued now.
    case queueFlush = "queue-flush"
    /// Close the queue view.
    case queueClose = "queue-close"

    /// Close help.
    case helpClose = "help-close"
    /// Scroll help down.
    case helpDown = "help-down"
    /// Scroll help up.
    case helpUp = "help-up"
    /// Filter help by a word (type it, Enter keeps it, Esc clears it).
    case helpFilter = "help-filter"

    /// The context whose table holds this command.
    public var context: CommandContext {
        switch self {
        case .help, .quit, .queue, .skip, .report, .undo, .redraw, .chooseKind: return .global
        case .startDown, .startUp, .startChoose, .startRefresh, .startBack: return .start
        case .scrollDown, .scrollUp, .pageDown, .pageUp, .scrollTop, .scrollBottom: return .reading
        case .review, .enterEditor, .leaveEditor, .externalEditor: return .writing
        case .submit, .backToEdit: return .review
        case .nextLabel, .previousLabel, .answerYes, .answerNo, .toggleFlag, .sliderLeft, .sliderRight,
            .sliderValue, .clearLabel, .labelInfo, .finishLabels:
            return .labelling
        case .rankDown, .rankUp, .pickDrop, .putBack, .moveDown, .moveUp, .putAtRank, .fullText, .notRankable,
            .finishRanking:
            return .ranking
        case .queueDown, .queueUp, .queueRetry, .queueRecall, .queueExport, .queueDiscard, .queueFlush, .queueClose:
            return .queue
        case .helpClose, .helpDown, .helpUp, .helpFilter: return .help
        }
    }

    /// The built-in keys, in key-name notation (`<C-x><C-e>`, `gg`, `?`).
    public var defaultKeys: [String] {
        switch self {
        case .help: return ["?", "<F1>"]
        case .quit: return ["q", "<C-c>"]
        case .queue: return ["Q"]
        case .skip: return ["s"]
        case .report: return ["!"]
        case .undo: return ["u"]
        case .redraw: return ["<C-l>"]
        case .chooseKind: return ["T"]
        case .startDown: return ["j", "<Down>"]
        case .startUp: return ["k", "<Up>"]
        case .startChoose: return ["<Enter>"]
        case .startRefresh: return ["r"]
        case .startBack: return ["<Esc>"]
        case .scrollDown: return ["j", "<Down>"]
        case .scrollUp: return ["k", "<Up>"]
        case .pageDown: return ["<C-d>", "<PgDn>"]
        case .pageUp: return ["<C-u>", "<PgUp>"]
        case .scrollTop: return ["gg", "<Home>"]
        case .scrollBottom: return ["G", "<End>"]
        case .review: return ["<C-s>", "<M-Enter>", "<Enter>"]
        case .enterEditor: return ["i"]
        case .leaveEditor: return ["<Esc>"]
        case .externalEditor: return ["<C-x><C-e>", "e"]
        case .submit: return ["<Enter>", "<C-s>", "y"]
        case .backToEdit: return ["e", "<Esc>"]
        case .nextLabel: return ["j", "<Down>", "<Tab>"]
        case .previousLabel: return ["k", "<Up>", "<S-Tab>"]
        case .answerYes: return ["y"]
        case .answerNo: return ["n"]
        case .toggleFlag: return ["<Space>"]
        case .sliderLeft: return ["h", "<Left>"]
        case .sliderRight: return ["l", "<Right>"]
        case .sliderValue: return ["1", "2", "3", "4", "5"]
        case .clearLabel: return ["<BS>", "<Del>"]
        case .labelInfo: return ["I"]
        case .finishLabels: return ["<Enter>"]
        case .rankDown: return ["j", "<Down>"]
        case .rankUp: return ["k", "<Up>"]
        case .pickDrop: return ["<Space>"]
        case .putBack: return ["<Esc>"]
        case .moveDown: return ["J", "<S-Down>"]
        case .moveUp: return ["K", "<S-Up>"]
        case .putAtRank: return ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        case .fullText: return ["o"]
        case .notRankable: return ["x"]
        case .finishRanking: return ["<Enter>"]
        case .queueDown: return ["j", "<Down>"]
        case .queueUp: return ["k", "<Up>"]
        case .queueRetry: return ["r"]
        case .queueRecall: return ["e"]
        case .queueExport: return ["w"]
        case .queueDiscard: return ["d"]
        case .queueFlush: return ["R"]
        case .queueClose: return ["<Esc>"]
        case .helpClose: return ["?", "<F1>", "<Esc>", "q"]
        case .helpDown: return ["j", "<Down>", "<PgDn>"]
        case .helpUp: return ["k", "<Up>", "<PgUp>"]
        case .helpFilter: return ["/"]
        }
    }

    /// One or two words for the status-bar hints.
    public var hintLabel: String {
        switch self {
        case .startChoose: return "start"
        case .startDown: return "next"
        case .review, .finishLabels, .finishRanking: return "review"
        case .leaveEditor: return "leave"
        case .externalEditor: return "editor"
        case .enterEditor: return "edit"
        case .scrollDown: return "scroll"
        case .backToEdit: return "back"
        case .nextLabel: return "next"
        case .answerYes: return "yes"
        case .toggleFlag: return "flag"
        case .sliderValue: return "rate"
        case .pickDrop: return "pick"
        case .moveDown: return "move"
        case .putAtRank: return "rank"
        case .notRankable: return "unrankable"
        case .queueRetry: return "retry"
        case .queueRecall: return "recall"
        case .queueDiscard: return "discard"
        case .queueFlush: return "flush"
        case .queueClose, .helpClose: return "close"
        case .helpDown: return "scroll"
        case .helpFilter: return "filter"
        case .help, .quit, .queue, .skip, .report, .undo, .redraw, .chooseKind, .startUp, .startRefresh, .startBack,
            .scrollUp, .pageDown,
            .pageUp, .scrollTop, .scrollBottom, .submit, .previousLabel, .answerNo, .sliderLeft, .sliderRight,
            .clearLabel, .labelInfo, .rankDown, .rankUp, .putBack, .moveUp, .fullText, .helpUp, .queueDown, .queueUp,
            .queueExport:
            return rawValue.replacingDashes
        }
    }

    /// What the command does, for the help overlay and the generated documentation.
    public var helpText: String {
        switch self {
        case .help: return "Show this help"
        case .quit: return "Quit (the draft is saved; queued work is kept)"
        case .queue: return "Show or hide the queue of submissions"
        case .skip: return "Skip the task (asks for an optional reason)"
        case .report: return "Report the message (asks for a reason)"
        case .undo: return "Undo the last change (label, slider, rank or edit)"
        case .redraw: return "Redraw the screen"
        case .chooseKind: return "Choose another kind of task (the current one is skipped once you pick)"
        case .startDown: return "Next task kind"
        case .startUp: return "Previous task kind"
        case .startChoose: return "Start tasks of the chosen kind (random is first)"
        case .startRefresh: return "Reload the task counts"
        case .startBack: return "Back to the current task"
        case .scrollDown: return "Scroll the conversation down"
        case .scrollUp: return "Scroll the conversation up"
        case .pageDown: return "Scroll down a page"
        case .pageUp: return "Scroll up a page"
        case .scrollTop: return "Scroll to the top"
        case .scrollBottom: return "Scroll to the bottom"
        case .review: return "Review the reply (Enter only outside the editor)"
        case .enterEditor: return "Go back into the editor"
        case .leaveEditor: return "Leave the editor (to scroll the conversation)"
        case .externalEditor: return "Edit in $VISUAL / $EDITOR (e only outside the editor)"
        case .submit: return "Submit the answer"
        case .backToEdit: return "Back to editing"
        case .nextLabel: return "Next label"
        case .previousLabel: return "Previous label"
        case .answerYes: return "Answer yes"
        case .answerNo: return "Answer no"
        case .toggleFlag: return "Toggle the flag"
        case .sliderLeft: return "Move the slider left"
        case .sliderRight: return "Move the slider right"
        case .sliderValue: return "Set the slider: 1 leftmost … 5 rightmost as drawn"
        case .clearLabel: return "Clear the label"
        case .labelInfo: return "Show or hide the label's help text"
        case .finishLabels: return "Review the labels (mandatory ones first)"
        case .rankDown: return "Cursor down (moves the held reply)"
        case .rankUp: return "Cursor up (moves the held reply)"
        case .pickDrop: return "Pick up or drop the reply"
        case .putBack: return "Put the held reply back"
        case .moveDown: return "Move the reply down one place"
        case .moveUp: return "Move the reply up one place"
        case .putAtRank: return "Put the reply at rank N"
        case .fullText: return "Show or hide the reply's full text"
        case .notRankable: return "Toggle: all replies are wrong and cannot be ranked"
        case .finishRanking: return "Review the ranking"
        case .queueDown: return "Next item"
        case .queueUp: return "Previous item"
        case .queueRetry: return "Retry the selected item now"
        case .queueRecall: return "Recall a queued or held item to edit it (never while sending)"
        case .queueExport: return "Write the item's text to a file and show its path"
        case .queueDiscard: return "Discard the item (asks y/n)"
        case .queueFlush: return "Send everything queued now"
        case .queueClose: return "Close the queue view"
        case .helpClose: return "Close help"
        case .helpDown: return "Scroll help down"
        case .helpUp: return "Scroll help up"
        case .helpFilter: return "Filter help by a word (type it, Enter keeps it, Esc clears it)"
        }
    }
}
