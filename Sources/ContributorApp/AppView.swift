import OasstProtocol
import TerminalUI

/// Draws the state into a screen of the given size: title, instruction, body, notice, status bar,
/// then any dialog or the help overlay. A pure function of its arguments.
public func view(_ state: AppState, width: Int, height: Int) -> Screen {
    AppView.render(state, width: width, height: height)
}

/// The pieces of `view`, one function per screen.
enum AppView {
    static func render(_ state: AppState, width: Int, height: Int) -> Screen {
        var screen = Screen(width: max(0, width), height: max(0, height))
        let layout = AppLayout(width: width, height: height)
        if layout.isTooSmall {
            tooSmall(&screen, width: width, height: height)
            return screen
        }
        title(&screen, state, layout)
        switch state.screen {
        case .start: start(&screen, state, layout)
        case .loading:
            screen.put(
                "Loading a \(TaskKindInfo.shortName(state.chosenKind)) task…", x: 1, y: layout.body.y,
                slot: .messageMeta)
        case .task: task(&screen, state, layout)
        case .queue: queue(&screen, state, layout)
        }
        notice(&screen, state, layout)
        statusBar(state, width: width).render(
            into: &screen, in: Rect(x: 0, y: layout.statusRow, width: width, height: 1))
        if let dialog = state.dialog {
            let saved = screen.cursor
            modal(dialog, state: state).render(into: &screen, in: layout.body)
            if saved != nil && screen.cursor == nil { screen.cursor = nil }
        }
        if let help = state.help {
            help.render(into: &screen, in: Rect(x: 0, y: 0, width: width, height: height - 1))
            screen.cursor = nil
        }
        return screen
    }

    static func tooSmall(_ screen: inout Screen, width: Int, height: Int) {
        let lines = [
            "Terminal too small (\(width)×\(height))",
            "Make it at least \(AppLayout.minimumWidth)×\(AppLayout.minimumHeight).",
        ]
        for (index, line) in lines.enumerated() {
            let x = max(0, (width - CellWidth.of(line)) / 2)
            screen.put(
                line, x: x, y: max(0, height / 2 - 1) + index, slot: index == 0 ? .error : .normal, maxWidth: width)
        }
    }

    // MARK: Frame

    static func title(_ screen: inout Screen, _ state: AppState, _ layout: AppLayout) {
        let text: String
        let instruction: String
        switch state.screen {
        case .start:
            text = "oasst — choose a task"
            instruction = "Pick a kind of task; random lets the server choose."
        case .loading:
            text = "oasst — " + TaskKindInfo.title(state.chosenKind)
            instruction = ""
        case .queue:
            text = "oasst — queue"
            instruction = "Answers waiting to be delivered, oldest first."
        case .task:
            let session = state.session
            let simple = session?.task.labeling?.isSimpleMode ?? false
            text = "oasst — " + TaskKindInfo.title(session?.task.type, simple: simple)
            switch session?.phase {
            case .review?, .saving?:
                instruction = "Review: \(key(state, .submit)) submits, \(key(state, .backToEdit)) goes back."
            case .working?, nil: instruction = TaskKindInfo.instruction(session?.task.type)
            }
        }
        screen.fill(Rect(x: 0, y: layout.titleRow, width: layout.width, height: 1), slot: .title)
        screen.put(text, x: 1, y: layout.titleRow, slot: .title, maxWidth: layout.width - 2)
        let who =
            Sanitizer.plain(state.configuration.user.displayName) + " @ "
            + Sanitizer.plain(state.configuration.serverName)
        let whoWidth = CellWidth.of(who)
        if CellWidth.of(text) + whoWidth + 4 < layout.width {
            screen.put(who, x: layout.width - whoWidth - 1, y: layout.titleRow, slot: .title)
        }
        // Cut with an ellipsis on narrow terminals, so a cut instruction does not read as a whole one.
        screen.put(
            TextFit.truncate(instruction, width: layout.width - 2), x: 1, y: layout.instructionRow,
            slot: .messageMeta)
    }

    static func notice(_ screen: inout Screen, _ state: AppState, _ layout: AppLayout) {
        if !state.pendingKeys.isEmpty {
            screen.put(KeyName.name(state.pendingKeys) + " …", x: 1, y: layout.noticeRow, slot: .helpKey)
            return
        }
        guard let notice = state.notice else { return }
        let text = Sanitizer.plain(notice.text)
        screen.put(
            TextFit.truncate(text, width: layout.width - 2), x: 1, y: layout.noticeRow,
            slot: notice.isError ? .error : .messageMeta)
    }

    /// A key name for hints: `C-s` rather than `<C-s>`.
    static func key(_ state: AppState, _ command: Command) -> String {
        let sequences = state.keyMap.keys(for: command)
        guard let first = sequences.first, let last = sequences.last else { return "unbound" }
        if (command == .sliderValue || command == .putAtRank) && sequences.count > 1 {
            return hintName(first) + "–" + hintName(last)
        }
        return hintName(first)
    }

    static func hintName(_ keys: [Key]) -> String {
        keys.map { key -> String in
            let name = KeyName.name(key)
            guard name.count > 1, name.hasPrefix("<"), name.hasSuffix(">"), name != "<lt>" else { return name }
            return String(name.dropFirst().dropLast())
        }.joined(separator: keys.allSatisfy { if case .character = $0 { true } else { false } } ? "" : " ")
    }

    static func hintCommands(_ state: AppState) -> [Command] {
        if state.help != nil { return [.helpClose, .helpDown, .helpFilter] }
        switch state.screen {
        case .start: return [.startChoose, .startDown, .queue]
        case .loading: return [.queue, .quit]
        case .queue: return [.queueRetry, .queueRecall, .queueDiscard, .queueFlush, .queueClose]
        case .task:
            guard let session = state.session else { return [] }
            switch session.phase {
            case .review, .saving: return [.submit, .backToEdit, .skip]
            case .working:
                switch session.work {
                case .reply:
                    return session.isEditing
                        ? [.review, .leaveEditor, .externalEditor] : [.enterEditor, .review, .scrollDown, .skip]
                case .labels: return [.nextLabel, .answerYes, .toggleFlag, .sliderValue, .finishLabels]
                case .ranking: return [.pickDrop, .moveDown, .putAtRank, .notRankable, .finishRanking]
                case .unsupported: return [.skip, .quit]
                }
            }
        }
    }

    static func statusBar(_ state: AppState, width: Int) -> StatusBar {
        var segments: [StatusBar.Segment] = []
        var modeText = mode(state)
        if state.screen == .task, state.help == nil, width >= 60, let type = state.session?.task.type {
            modeText += " " + roleTag(type)
        }
        segments.append(.kept(modeText, slot: .statusBar))
        let who =
            Sanitizer.plain(state.configuration.user.displayName) + "@"
            + Sanitizer.plain(state.configuration.serverName)
        segments.append(StatusBar.Segment(who, dropOrder: 2))
        switch state.connectivity {
        case .online: segments.append(.kept("online", slot: .statusOnline))
        case .syncing: segments.append(.kept("syncing", slot: .statusOnline))
        case .offline(let since):
            let minutes = max(0, Int((state.environment.now() - since) / 60))
            segments.append(.kept(minutes > 0 ? "offline \(minutes)m" : "offline", slot: .statusOffline))
        }
        var queue = "⇡\(state.queue.queued) queued"
        if state.queue.held > 0 { queue += " · \(state.queue.held) held" }
        segments.append(.kept(queue, slot: state.queue.held > 0 ? .statusHeld : .statusQueued))
        let helpKey = AppUpdate.isInsideEditor(state) ? hintName([.function(1)]) : key(state, .help)
        let helpSegment = StatusBar.Segment.kept(helpKey + " help")
        let commands = hintCommands(state)
        func fittingHints(_ segments: [StatusBar.Segment]) -> (text: String, count: Int) {
            let used = (segments + [helpSegment]).reduce(0) {
                $0 + CellWidth.of($1.text) + StatusBar.separator.count
            }
            var hints = ""
            var count = 0
            for command in commands {
                let hint = key(state, command) + " " + command.hintLabel
                let candidate = hints.isEmpty ? hint : hints + "  " + hint
                guard used + CellWidth.of(candidate) <= width else { break }
                hints = candidate
                count += 1
            }
            return (hints, count)
        }
        var (hints, shown) = fittingHints(segments)
        if shown < min(2, commands.count) {
            // The title row names the person and server too: give their place to the key hints.
            segments.removeAll { $0.text == who }
            (hints, shown) = fittingHints(segments)
        }
        if !hints.isEmpty { segments.append(.hints(hints)) }
        segments.append(helpSegment)
        return StatusBar(segments)
    }

    /// The short role shown after the mode: `REPLY assistant`, `LABEL prompt`, `RANK user`.
    static func roleTag(_ type: TaskType) -> String {
        switch type {
        case .initialPrompt, .labelInitialPrompt, .rankInitialPrompts: return "prompt"
        case .prompterReply, .labelPrompterReply, .rankPrompterReplies: return "user"
        case .assistantReply, .labelAssistantReply, .rankAssistantReplies: return "assistant"
        case .random, .summarizeStory, .rateSummary, .replyToConversation, .rankConversationReplies,
            .labelConversationReply:
            return type.rawValue
        }
    }

    static func mode(_ state: AppState) -> String {
        if state.help != nil { return "HELP" }
        switch state.screen {
        case .start: return "START"
        case .loading: return "LOADING"
        case .queue: return "QUEUE"
        case .task:
            guard let session = state.session else { return "TASK" }
            switch session.phase {
            case .review: return "REVIEW"
            case .saving: return "SAVING"
            case .working:
                switch session.work {
                case .reply: return session.isEditing ? "REPLY" : "READ"
                case .labels: return "LABEL"
                case .ranking: return "RANK"
                case .unsupported: return "SKIP?"
                }
            }
        }
    }

    static func modal(_ dialog: AppDialog, state: AppState) -> ModalDialog {
        switch dialog {
        case .skip(let editor, let discards):
            let lead = discards ? "What you entered will be discarded. " : ""
            return ModalDialog(
                title: "Skip this task?", message: lead + "Reason (optional); Enter skips, Esc keeps the task.",
                input: editor)
        case .report(let editor):
            return ModalDialog(
                title: "Report message", message: "Why should moderators look at this message? Enter sends.",
                input: editor)
        case .confirmDiscard(let id):
            return ModalDialog.confirm(
                title: "Discard for good?",
                message: "Item \(Sanitizer.plain(id)) and its text will be deleted. Export it first with "
                    + "\(key(state, .queueExport)) if you may want it.")
        case .confirmUnchangedRanking:
            return ModalDialog.confirm(
                title: "Order unchanged",
                message: "You did not change the order. Submit it as delivered? "
                    + "(\(key(state, .notRankable)) marks all replies as not rankable instead.)")
        }
    }

    // MARK: Start and queue

    static func start(_ screen: inout Screen, _ state: AppState, _ layout: AppLayout) {
        let body = layout.body
        let kinds = TaskKindInfo.startKinds
        for (index, kind) in kinds.enumerated() {
            let y = body.y + 1 + index
            guard y < body.maxY else { break }
            let isCursor = index == state.startCursor
            let name = TaskKindInfo.shortName(kind)
            var count = "…"
            if let availability = state.availability {
                let number = availability[kind] ?? 0
                count = number > 0 ? "\(number) available" : "none now"
            }
            let line = (isCursor ? "› " : "  ") + TextFit.pad(name, width: min(26, layout.width - 17)) + count
            let rowWidth = min(layout.width - 2, 48)
            if isCursor { screen.fill(Rect(x: 1, y: y, width: rowWidth, height: 1), slot: .selection) }
            screen.put(line, x: 1, y: y, slot: isCursor ? .selection : .normal, maxWidth: rowWidth)
        }
        let footer = body.y + kinds.count + 2
        // Wrapped into the rows left below the list (a narrow terminal has them; a short one shows what fits).
        WrappedText(
            "\(key(state, .startChoose)) starts. After each submit or skip the next task of the same kind loads.",
            slot: .messageMeta
        ).render(into: &screen, in: Rect(x: 1, y: footer, width: layout.width - 2, height: max(0, body.maxY - footer)))
    }

    static func queue(_ screen: inout Screen, _ state: AppState, _ layout: AppLayout) {
        let body = layout.body
        var header = "\(state.queue.queued) queued · \(state.queue.held) held"
        if state.queue.items.isEmpty { header += " — nothing is waiting; every answer was delivered." }
        screen.put(header, x: 1, y: body.y, slot: .title, maxWidth: layout.width - 2)
        for (index, item) in state.queue.items.enumerated() {
            let y = body.y + 2 + index
            guard y < body.maxY else { break }
            let isCursor = index == state.queueCursor
            let line =
                (isCursor ? "› " : "  ") + TextFit.pad(Sanitizer.plain(item.id), width: 10)
                + TextFit.pad(Sanitizer.plain(item.kind), width: 24)
                + TextFit.pad(Sanitizer.plain(item.state), width: 9)
                + TextFit.pad("\(item.attempts)×", width: 5) + Sanitizer.plain(TextFit.preview(item.detail))
            screen.put(
                line, x: 1, y: y, slot: item.state == "held" ? .statusHeld : (isCursor ? .selection : .normal),
                maxWidth: layout.width - 2)
        }
    }

    // MARK: Tasks

    static func task(_ screen: inout Screen, _ state: AppState, _ layout: AppLayout) {
        guard let session = state.session else { return }
        let hasConversation = !(session.task.conversation?.messages.isEmpty ?? true)
        let split = layout.split(for: session)
        if hasConversation, case .unsupported = session.work {
        } else if hasConversation {
            conversation(&screen, session, in: split.conversation)
        }
        switch session.work {
        case .reply(let editor):
            if session.phase == .working {
                separator(
                    &screen, hasConversation ? split.separatorRow : layout.body.y,
                    session.isEditing ? "Your reply" : "Your reply (\(key(state, .enterEditor)) to edit)", layout)
                var drawn = editor
                drawn.wrapWidth = split.lower.width
                drawn.viewHeight = max(1, split.lower.height - 1)
                drawn.render(into: &screen, in: split.lower)
                if !session.isEditing { screen.cursor = nil }
            } else {
                replyReview(&screen, editor, session, layout)
            }
        case .labels(let form):
            if session.phase == .working {
                separator(
                    &screen, split.separatorRow, "Labels (* required · \(key(state, .labelInfo)) help)", layout)
                labelForm(&screen, form, in: split.lower)
            } else {
                separator(&screen, split.separatorRow, "Labels to send", layout)
                labelReview(&screen, form, in: split.lower)
            }
        case .ranking(let form):
            let heading = session.phase == .working ? "Replies, best first" : "Ranking to send, best first"
            separator(&screen, split.separatorRow, heading, layout)
            let (listRect, boxRect) = RankingForm.areas(in: split.lower)
            form.list.render(into: &screen, in: listRect)
            let box =
                (form.notRankable ? "[x] " : "[ ] ") + "All answers are factually incorrect and cannot be ranked"
                + " (\(key(state, .notRankable)))"
            screen.put(box, x: 0, y: boxRect.y, slot: form.notRankable ? .warning : .normal, maxWidth: layout.width)
        case .unsupported:
            let body = layout.body
            screen.put(
                "This client cannot answer '\(Sanitizer.plain(session.task.typeName))' tasks.", x: 1, y: body.y,
                slot: .warning, maxWidth: layout.width - 2)
            screen.put(
                "Press \(key(state, .skip)) to skip it; the server will not offer it to you again.", x: 1,
                y: body.y + 1, slot: .normal, maxWidth: layout.width - 2)
        }
    }

    static func separator(_ screen: inout Screen, _ y: Int, _ text: String, _ layout: AppLayout) {
        let label = "── " + text + " "
        screen.put(label, x: 0, y: y, slot: .border, maxWidth: layout.width)
        let used = CellWidth.of(label)
        if used < layout.width {
            screen.put(String(repeating: "─", count: layout.width - used), x: used, y: y, slot: .border)
        }
    }

    static func conversation(_ screen: inout Screen, _ session: TaskSession, in rect: Rect) {
        guard session.task.conversation != nil, !rect.isEmpty else { return }
        var scroll = ScrollView(content: session.conversationLines(width: rect.width), wrapsContent: false)
        scroll.offset = min(session.conversationOffset ?? Int.max, scroll.maxOffset(in: rect))
        scroll.render(into: &screen, in: rect)
    }

    static func replyReview(_ screen: inout Screen, _ editor: TextEditor, _ session: TaskSession, _ layout: AppLayout) {
        let body = layout.body
        screen.fill(body, slot: .normal)
        separator(&screen, body.y, "Your reply as it will be sent (\(editor.characterCount) / \(editor.limit))", layout)
        let rect = body.splitTop(1).1
        var scroll = ScrollView(content: MessageText.lines(editor.text, width: layout.width - 2), wrapsContent: false)
        scroll.offset = min(session.reviewOffset, scroll.maxOffset(in: rect))
        scroll.render(into: &screen, in: rect)
    }

    /// One block of the label form: a group heading, an item, or the focused item's help.
    enum FormBlock {
        case heading(String)
        case item(Int)
        case info([StyledLine])
    }

    static func labelForm(_ screen: inout Screen, _ form: LabelForm, in rect: Rect) {
        guard !rect.isEmpty else { return }
        var blocks: [(block: FormBlock, height: Int)] = []
        var lastGroup = ""
        for (index, item) in form.items.enumerated() {
            let headings: (full: String, short: String)
            let height: Int
            switch item.widget {
            case .yesNo:
                headings = ("Answer the following question(s) about the highlighted message:", "Answer:")
                height = 1
            case .flag:
                headings = ("Select any that apply to the highlighted message:", "Select any that apply:")
                height = 1
            case .likert:
                headings = ("Rate the highlighted message:", "Rate:")
                height = 3
            case .unsupported:
                headings = ("Not supported by this client (sent as 0):", "Not supported (sent as 0):")
                height = 1
            }
            // On a narrow terminal a short heading instead of one cut off in the middle of a word.
            let group = CellWidth.of(headings.full) <= rect.width ? headings.full : headings.short
            if group != lastGroup {
                blocks.append((.heading(group), 1))
                lastGroup = group
            }
            blocks.append((.item(index), height))
            if index == form.focus && form.showsInfo {
                let text = item.helpText ?? item.displayText
                let lines = TextWrapper.wrap(Sanitizer.lines(text, slot: .messageMeta), width: max(1, rect.width - 6))
                blocks.append((.info(lines), lines.count))
            }
        }
        var starts: [Int] = []
        var total = 0
        for block in blocks {
            starts.append(total)
            total += block.height
        }
        let focusedBlock =
            blocks.firstIndex {
                if case .item(let index) = $0.block { return index == form.focus }
                return false
            } ?? 0
        let overflows = total > rect.height
        let rect = overflows ? Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - 1) : rect
        var top = 0
        var focusEnd = starts[focusedBlock] + blocks[focusedBlock].height
        if focusedBlock + 1 < blocks.count, case .info = blocks[focusedBlock + 1].block {
            focusEnd += blocks[focusedBlock + 1].height
        }
        if focusEnd > rect.height { top = focusEnd - rect.height }
        if focusedBlock > 0, case .heading = blocks[focusedBlock - 1].block, starts[focusedBlock - 1] < top,
            focusEnd - starts[focusedBlock - 1] <= rect.height
        {
            top = starts[focusedBlock - 1]
        }
        for (index, block) in blocks.enumerated() {
            let y = rect.y + starts[index] - top
            guard starts[index] >= top, y < rect.maxY else { continue }
            let area = Rect(x: rect.x, y: y, width: rect.width, height: min(block.height, rect.maxY - y))
            switch block.block {
            case .heading(let text):
                screen.put(text, x: rect.x, y: y, slot: .messageMeta, maxWidth: rect.width)
            case .info(let lines):
                for (row, line) in lines.enumerated() where y + row < rect.maxY {
                    screen.put(line, x: rect.x + 6, y: y + row, maxWidth: rect.width - 6)
                }
            case .item(let itemIndex):
                let item = form.items[itemIndex]
                let widgetArea = Rect(x: area.x + 2, y: area.y, width: max(0, area.width - 2), height: area.height)
                switch item.widget {
                case .yesNo(let question): question.render(into: &screen, in: widgetArea)
                case .flag(let flag): flag.render(into: &screen, in: widgetArea)
                case .likert(let slider): slider.render(into: &screen, in: widgetArea)
                case .unsupported(let widget):
                    let marker = itemIndex == form.focus ? "› " : "  "
                    screen.put(
                        marker + Sanitizer.plain(item.displayText) + " (widget '\(Sanitizer.plain(widget))')",
                        x: widgetArea.x, y: y, slot: .messageMeta, maxWidth: widgetArea.width)
                }
            }
        }
        if overflows {
            let more = (top > 0 ? "↑ " : "") + (top + rect.height < total ? "↓ " : "") + "more labels"
            screen.put(more, x: rect.maxX - CellWidth.of(more), y: rect.maxY, slot: .messageMeta)
        }
    }

    static func labelReview(_ screen: inout Screen, _ form: LabelForm, in rect: Rect) {
        let values = form.values
        var lines: [StyledLine] = []
        for item in form.items {
            let answer: String
            switch item.widget {
            case .yesNo(let question):
                answer = question.question + ": " + (question.answer.map { $0 ? "yes" : "no" } ?? "unanswered")
            case .flag(let flag):
                answer = flag.label + ": " + (flag.isOn ? "set" : "not set")
            case .likert(let slider):
                answer = slider.title + ": " + (slider.stop.map { "\($0 + 1) of 5" } ?? "unanswered")
            case .unsupported:
                answer = item.displayText + ": unsupported"
            }
            let value = values[item.name] ?? 0
            lines.append(
                StyledLine([
                    StyledSpan("  " + TextFit.pad(Sanitizer.plain(answer), width: max(1, rect.width - 28))),
                    StyledSpan(" → \(item.name) = \(formatValue(value))", .messageMeta),
                ]))
        }
        ScrollView(content: lines, wrapsContent: false).render(into: &screen, in: rect)
    }

    static func formatValue(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        return String(value)
    }
}

extension String {
    /// `put-at-rank` → `put at rank`, for key hints.
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
