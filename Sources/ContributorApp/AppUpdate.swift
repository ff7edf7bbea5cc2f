import OasstProtocol
import TerminalUI

/// Applies one message to the state and returns the effects to run, in order. Pure apart from the
/// injected id generator and clock in `state.environment`.
public func update(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
    let effects = AppUpdate.apply(&state, message)
    AppUpdate.syncLayout(&state)
    return effects
}

/// The pieces of `update`, one function per kind of input.
enum AppUpdate {
    /// Most characters of a skip reason (the server's column is VARCHAR(512)).
    static let nackReasonLimit = 512

    static func apply(_ state: inout AppState, _ message: AppMessage) -> [AppEffect] {
        switch message {
        case .input(let event):
            let formDraft = formDraftBefore(state)
            let effects = input(&state, event)
            noteFormChange(&state, before: formDraft)
            return effects
        case .availabilityLoaded(let availability):
            var known = availability.known
            if known[.random] == nil {
                known[.random] = known.filter { $0.key != .random }.values.reduce(0, +)
            }
            state.availability = known
            return []
        case .settingsLoaded(let limit):
            state.configuration.messageSizeLimit = limit
            if var session = state.session, case .reply(var editor) = session.work {
                editor.limit = limit
                session.work = .reply(editor)
                state.session = session
            }
            return []
        case .availabilityFailed(let error):
            state.notice = AppNotice(error)
            return []
        case .taskLoaded(let task, let ackID, let draft):
            let session = TaskSession(
                task: task, ackID: ackID ?? state.environment.makeID(), receivedAt: state.environment.now(),
                messageSizeLimit: state.configuration.messageSizeLimit, draft: draft)
            state.session = session
            if state.screen != .queue { state.screen = .task }
            state.dialog = nil
            if case .unsupported = session.work {
                state.notice = AppNotice(
                    "This client cannot answer '\(task.typeName)' tasks. Press \(firstKey(state, .skip)) to skip it.")
            } else if state.notice?.isError == false || state.notice == nil {
                state.notice = nil
            }
            return []
        case .taskFailed(let error):
            state.session = nil
            if state.screen != .queue { state.screen = .start }
            state.notice = AppNotice(error)
            switch error.kind {
            case .noTasks: return [.fetchAvailability(lang: state.configuration.lang)]
            case .rateLimited, .offline, .held, .configuration, .other: return []
            }
        case .submissionQueued(let ackID):
            guard var session = state.session, session.ackID == ackID, session.phase == .saving else {
                state.notice = AppNotice("Report queued; it is sent with the next delivery.")
                return []
            }
            session.phase = .review
            state.session = nil
            state.submittedCount += 1
            if state.screen != .queue { state.screen = .loading }
            state.notice = AppNotice("Queued. Loading the next \(TaskKindInfo.shortName(state.chosenKind)) task…")
            return [
                .discardDraft(taskID: session.taskID),
                .fetchTask(type: state.chosenKind, lang: state.configuration.lang),
            ]
        case .submissionFailed(let error):
            if state.session?.phase == .saving { state.session?.phase = .review }
            state.notice = AppNotice(error)
            return []
        case .nackFailed(let error), .editorFailed(let error), .submissionHeld(let error):
            state.notice = AppNotice(error)
            return []
        case .editorReturned(let text):
            guard var session = state.session, case .reply(var editor) = session.work else { return [] }
            if let text, text != editor.text {
                editor.replaceText(text)
                session.work = .reply(editor)
                session.draftDirtySince = session.draftDirtySince ?? state.environment.now()
                state.notice = AppNotice("Text taken from the external editor (C-_ undoes it).")
            } else {
                state.notice = AppNotice("The external editor left the text unchanged.")
            }
            session.isEditing = session.phase == .working
            state.session = session
            return []
        case .connectivityChanged(let connectivity):
            state.connectivity = connectivity
            return []
        case .queueChanged(let queue):
            state.queue = queue
            state.queueCursor = min(state.queueCursor, max(0, queue.items.count - 1))
            return []
        case .info(let text):
            state.notice = AppNotice(text)
            return []
        case .tick:
            if let session = state.session, !session.expiryWarned,
                state.environment.now() - session.receivedAt > TaskSession.lifetime
            {
                state.session?.expiryWarned = true
                state.notice = AppNotice(
                    "This task is about to expire on the server (2 days). Submit now or press "
                        + "\(firstKey(state, .skip)) to skip it.", isError: true)
            }
            guard var session = state.session, let since = session.draftDirtySince,
                let draft = session.work.draftText, state.environment.now() - since >= 1
            else { return [] }
            session.draftDirtySince = nil
            state.session = session
            return [.saveDraft(taskID: session.taskID, draft: draft)]
        }
    }

    /// The task and label or ranking draft before an input (nil for replies, which mark their own changes).
    static func formDraftBefore(_ state: AppState) -> (taskID: String, draft: String?)? {
        guard let session = state.session else { return nil }
        switch session.work {
        case .labels, .ranking: return (session.taskID, session.work.draftText)
        case .reply, .unsupported: return nil
        }
    }

    /// Marks the draft for autosave when an input changed the answers of the same label or ranking task.
    static func noteFormChange(_ state: inout AppState, before: (taskID: String, draft: String?)?) {
        guard let before, var session = state.session, session.taskID == before.taskID,
            session.phase == .working, session.work.draftText != before.draft
        else { return }
        session.draftDirtySince = session.draftDirtySince ?? state.environment.now()
        state.session = session
    }

    // MARK: Input

    static func input(_ state: inout AppState, _ event: InputEvent) -> [AppEffect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .paste(let text):
            if let dialog = state.dialog {
                switch dialog {
                case .skip(var editor, let discards):
                    editor.paste(text)
                    state.dialog = .skip(editor, discards: discards)
                case .report(var editor):
                    editor.paste(text)
                    state.dialog = .report(editor)
                case .confirmUnchangedRanking, .confirmDiscard:
                    break
                }
                return []
            }
            guard var session = state.session, session.phase == .working, case .reply(var editor) = session.work
            else {
                state.notice = AppNotice("A paste goes into a reply editor only.")
                return []
            }
            if editor.paste(text) {
                session.draftDirtySince = session.draftDirtySince ?? state.environment.now()
            }
            if editor.lastPasteRemoved > 0 {
                state.notice = AppNotice("\(editor.lastPasteRemoved) control characters removed from the paste.")
            }
            session.work = .reply(editor)
            session.isEditing = true
            state.session = session
            return []
        case .mouse(let mouse):
            switch mouse.kind {
            case .wheelUp: return scroll(&state, .lineUp)
            case .wheelDown: return scroll(&state, .lineDown)
            case .press:
                if let position = rankPosition(state, x: mouse.x, y: mouse.y) {
                    return changeRanking(&state) { $0.beginDrag(at: position) }
                }
                return click(&state, x: mouse.x, y: mouse.y)
            case .drag:
                guard let position = rankPosition(state, x: mouse.x, y: mouse.y) else { return [] }
                return changeRanking(&state) { $0.drag(to: position) }
            case .release:
                let position = rankPosition(state, x: mouse.x, y: mouse.y)
                return changeRanking(&state) { $0.endDrag(at: position) }
            }
        case .key(let key):
            return keyPress(&state, key)
        }
    }

    /// A click selects a row of the start list (a second click on it starts) or of the queue list.
    static func click(_ state: inout AppState, x: Int, y: Int) -> [AppEffect] {
        guard state.help == nil, state.dialog == nil else { return [] }
        let body = AppLayout(width: state.width, height: state.height).body
        switch state.screen {
        case .start:
            let index = y - body.y - 1
            guard TaskKindInfo.startKinds.indices.contains(index) else { return [] }
            if index == state.startCursor { return perform(&state, .startChoose, key: .enter) }
            state.startCursor = index
            return []
        case .queue:
            let index = y - body.y - 2
            if state.queue.items.indices.contains(index) { state.queueCursor = index }
            return []
        case .loading, .task:
            return []
        }
    }

    /// The rank position under a mouse cell, when the ranking list is on screen and can be changed.
    static func rankPosition(_ state: AppState, x: Int, y: Int) -> Int? {
        let layout = AppLayout(width: state.width, height: state.height)
        guard !layout.isTooSmall, state.help == nil, state.dialog == nil, state.screen == .task,
            let session = state.session, session.phase == .working, case .ranking(let form) = session.work
        else { return nil }
        let list = RankingForm.areas(in: layout.split(for: session).lower).list
        guard x >= list.x, x < list.maxX else { return nil }
        return form.list.position(atRow: y, in: list)
    }

    /// Applies a mouse step (press, drag, release) to the ranking form, with its undo step.
    static func changeRanking(_ state: inout AppState, _ change: (inout RankingForm) -> Void) -> [AppEffect] {
        guard var session = state.session, case .ranking(var form) = session.work else { return [] }
        let before = session.work
        change(&form)
        storeRanking(&session, form, before: before)
        state.session = session
        return []
    }

    /// Stores a ranking form with its undo step: one per change made while nothing is held, and one
    /// for a whole pick-up … drop (keys or mouse), recorded at the pick-up and taken back when the
    /// hold ends with the answer it started from (which also restores `touched`).
    static func storeRanking(_ session: inout TaskSession, _ form: RankingForm, before: TaskWork) {
        var form = form
        if case .ranking(let old) = before {
            if !old.list.isHolding {
                if form.list.isHolding || old.list.ranking != form.list.ranking || old.notRankable != form.notRankable {
                    session.history.append(before)
                }
            } else if !form.list.isHolding, case .ranking(let start)? = session.history.last,
                start.list.ranking == form.list.ranking, start.notRankable == form.notRankable
            {
                session.history.removeLast()
                form.touched = start.touched
            }
        }
        session.work = .ranking(form)
    }

    /// The contexts whose bindings apply now, most specific first.
    static func contexts(_ state: AppState) -> [CommandContext] {
        if state.help != nil { return [.help] }
        switch state.screen {
        case .start: return [.start, .global]
        case .loading: return [.global]
        case .queue: return [.queue, .global]
        case .task:
            guard let session = state.session else { return [.global] }
            switch session.phase {
            case .saving: return [.global]
            case .review: return [.review, .global, .reading]
            case .working:
                switch session.work {
                case .reply: return [.writing, .global, .reading]
                case .labels: return [.labelling, .global, .reading]
                case .ranking: return [.ranking, .global, .reading]
                case .unsupported: return [.global, .reading]
                }
            }
        }
    }

    /// Whether keys go to the reply editor.
    static func isInsideEditor(_ state: AppState) -> Bool {
        guard state.help == nil, state.screen == .task, let session = state.session, session.phase == .working,
            session.isEditing, case .reply = session.work
        else { return false }
        return true
    }

    static func keyPress(_ state: inout AppState, _ key: Key) -> [AppEffect] {
        if state.dialog != nil { return dialogKey(&state, key) }
        if state.help != nil, state.isTypingHelpFilter { return helpFilterKey(&state, key) }
        if key == .escape, state.help == nil, case .ranking(let form) = state.session?.work, form.isDragging {
            return perform(&state, .putBack, key: key)
        }
        let pending = state.pendingKeys + [key]
        let inEditor = isInsideEditor(state)
        switch state.keyMap.resolve(pending, contexts: contexts(state), insideEditor: inEditor) {
        case .command(let command):
            state.pendingKeys = []
            return perform(&state, command, key: key)
        case .prefix:
            state.pendingKeys = pending
            return []
        case .none:
            state.pendingKeys = []
            if pending.count > 1 { return keyPress(&state, key) }
            if state.help != nil { return [] }
            if inEditor, TextEditor.consumes(key) { editorKey(&state, key) }
            return []
        }
    }

    static func editorKey(_ state: inout AppState, _ key: Key) {
        guard var session = state.session, case .reply(var editor) = session.work else { return }
        // Take the editor out of the state while it edits, so its text and undo history are held once and
        // changed in place: otherwise every keystroke copies all of the reply's characters.
        state.session = nil
        session.work = .unsupported
        if editor.apply(key) {
            session.draftDirtySince = session.draftDirtySince ?? state.environment.now()
        }
        session.work = .reply(editor)
        state.session = session
    }

    static func dialogKey(_ state: inout AppState, _ key: Key) -> [AppEffect] {
        guard let dialog = state.dialog else { return [] }
        switch dialog {
        case .skip(var editor, let discards):
            if key == .escape {
                state.dialog = nil
            } else if key == .enter {
                state.dialog = nil
                return skip(&state, reason: editor.text)
            } else if TextEditor.consumes(key) {
                editor.apply(key)
                state.dialog = .skip(editor, discards: discards)
            }
        case .report(var editor):
            if key == .escape {
                state.dialog = nil
            } else if key == .enter {
                let reason = editor.text.trimmingWhitespace
                guard !reason.isEmpty else {
                    state.notice = AppNotice("A report needs a reason; type it, or Esc to cancel.", isError: true)
                    return []
                }
                state.dialog = nil
                return report(&state, reason: reason)
            } else if TextEditor.consumes(key) {
                editor.apply(key)
                state.dialog = .report(editor)
            }
        case .confirmDiscard(let id):
            if key == .character("y") {
                state.dialog = nil
                return [.discardQueueItem(id: id)]
            } else if key == .character("n") || key == .escape {
                state.dialog = nil
            }
        case .confirmUnchangedRanking:
            if key == .character("y") {
                state.dialog = nil
                return submit(&state, confirmed: true)
            } else if key == .character("n") || key == .escape {
                state.dialog = nil
            }
        }
        return []
    }

    // MARK: Commands

    static func perform(_ state: inout AppState, _ command: Command, key: Key) -> [AppEffect] {
        switch command {
        case .help:
            state.helpFilter = nil
            state.help = HelpOverlay(groups: helpGroups(state))
            return []
        case .helpClose:
            state.help = nil
            state.helpFilter = nil
            return []
        case .helpFilter:
            state.isTypingHelpFilter = true
            state.helpFilter = state.helpFilter ?? ""
            return []
        case .helpDown, .helpUp:
            let rect = Rect(x: 0, y: 0, width: state.width, height: max(1, state.height - 1))
            state.help?.scroll(command == .helpDown ? .lineDown : .lineUp, in: rect)
            return []
        case .quit:
            state.isQuitting = true
            var effects: [AppEffect] = []
            if let session = state.session, session.work.hasDraftContent, let draft = session.work.draftText {
                effects.append(.saveDraft(taskID: session.taskID, draft: draft))
            }
            return effects + [.quit]
        case .queue:
            if state.screen == .queue {
                leaveQueue(&state)
                return []
            }
            state.screenBeforeQueue = state.screen
            state.screen = .queue
            return [.openQueue]
        case .queueClose:
            leaveQueue(&state)
            return []
        case .queueDown, .queueUp:
            let count = state.queue.items.count
            guard count > 0 else { return [] }
            state.queueCursor = min(max(0, state.queueCursor + (command == .queueDown ? 1 : -1)), count - 1)
            return []
        case .queueRetry, .queueRecall, .queueExport, .queueDiscard:
            guard state.queue.items.indices.contains(state.queueCursor) else { return [] }
            let item = state.queue.items[state.queueCursor]
            if command == .queueRecall {
                guard item.state == "queued" || item.state == "held" else {
                    state.notice = AppNotice("Only queued or held items can be recalled; this one is \(item.state).")
                    return []
                }
                state.screen = .loading
                state.screenBeforeQueue = .loading
                return [.recallQueueItem(id: item.id)]
            }
            if command == .queueExport { return [.exportQueueItem(id: item.id)] }
            if command == .queueDiscard {
                state.dialog = .confirmDiscard(id: item.id)
                return []
            }
            return [.retryQueueItem(id: item.id)]
        case .queueFlush:
            return [.flushQueue]
        case .skip:
            guard let session = state.session, state.screen == .task, session.phase != .saving else { return [] }
            state.dialog = .skip(
                TextEditor(limit: nackReasonLimit, wrapWidth: 56, viewHeight: 2), discards: session.hasInput)
            return []
        case .report:
            guard state.session != nil, state.screen == .task else { return [] }
            guard reportTarget(state) != nil else {
                state.notice = AppNotice("There is no message to report in this task.")
                return []
            }
            state.dialog = .report(TextEditor(limit: 2000, wrapWidth: 56, viewHeight: 2))
            return []
        case .undo:
            guard var session = state.session, session.phase == .working, state.screen == .task else { return [] }
            if case .reply(var editor) = session.work {
                editor.undo()
                session.work = .reply(editor)
            } else if let previous = session.history.popLast() {
                session.work = previous
            } else {
                state.notice = AppNotice("Nothing to undo.")
            }
            state.session = session
            return []
        case .redraw:
            return [.redrawScreen]
        case .startDown, .startUp:
            let count = TaskKindInfo.startKinds.count
            state.startCursor = (state.startCursor + (command == .startDown ? 1 : count - 1)) % count
            return []
        case .startChoose:
            state.chosenKind = TaskKindInfo.startKinds[state.startCursor]
            state.screen = .loading
            state.notice = nil
            var effects: [AppEffect] = []
            if let session = state.session {
                effects += [.nackTask(task: session.task, reason: nil), .discardDraft(taskID: session.taskID)]
                state.session = nil
            }
            return effects + [.fetchTask(type: state.chosenKind, lang: state.configuration.lang)]
        case .chooseKind:
            guard state.screen == .task, let session = state.session, session.phase != .saving else { return [] }
            state.screen = .start
            state.notice = AppNotice(
                "Picking a kind skips the current task"
                    + (session.hasInput ? " and discards what you entered" : "")
                    + "; \(firstKey(state, .startBack)) goes back to it.")
            return [.fetchAvailability(lang: state.configuration.lang)]
        case .startBack:
            guard state.session != nil else { return [] }
            state.screen = .task
            state.notice = nil
            return []
        case .startRefresh:
            return [.fetchAvailability(lang: state.configuration.lang)]
        case .scrollDown: return scroll(&state, .lineDown)
        case .scrollUp: return scroll(&state, .lineUp)
        case .pageDown: return scroll(&state, .pageDown)
        case .pageUp: return scroll(&state, .pageUp)
        case .scrollTop: return scroll(&state, .top)
        case .scrollBottom: return scroll(&state, .bottom)
        case .review:
            return review(&state)
        case .enterEditor:
            state.session?.isEditing = true
            return []
        case .leaveEditor:
            state.session?.isEditing = false
            return []
        case .externalEditor:
            guard let session = state.session, case .reply(let editor) = session.work else { return [] }
            return [.openExternalEditor(text: editor.text)]
        case .submit:
            return submit(&state, confirmed: false)
        case .backToEdit:
            guard var session = state.session else { return [] }
            session.phase = .working
            if case .reply = session.work { session.isEditing = true }
            state.session = session
            return []
        case .nextLabel, .previousLabel:
            guard var session = state.session, case .labels(var form) = session.work else { return [] }
            form.setFocus(form.focus + (command == .nextLabel ? 1 : -1))
            session.work = .labels(form)
            state.session = session
            return []
        case .labelInfo:
            guard var session = state.session, case .labels(var form) = session.work else { return [] }
            form.showsInfo.toggle()
            session.work = .labels(form)
            state.session = session
            return []
        case .answerYes, .answerNo, .toggleFlag, .sliderLeft, .sliderRight, .sliderValue, .clearLabel:
            guard var session = state.session, case .labels(var form) = session.work else { return [] }
            let before = session.work
            if form.apply(command, key: key) {
                session.history.append(before)
                session.work = .labels(form)
                state.session = session
            }
            return []
        case .finishLabels:
            guard var session = state.session, case .labels(var form) = session.work else { return [] }
            let missing = form.missingMandatory
            if let first = missing.first, let index = form.items.firstIndex(where: { $0.name == first }) {
                form.setFocus(index)
                session.work = .labels(form)
                state.session = session
                state.notice = AppNotice(
                    "Answer the required label first (marked *): \(missing.joined(separator: ", ")).", isError: true)
                return []
            }
            session.phase = .review
            state.session = session
            state.notice = nil
            return []
        case .rankDown, .rankUp, .pickDrop, .putBack, .moveDown, .moveUp, .putAtRank, .fullText, .notRankable:
            guard var session = state.session, case .ranking(var form) = session.work else { return [] }
            let before = session.work
            _ = form.apply(command, key: key)
            storeRanking(&session, form, before: before)
            state.session = session
            return []
        case .finishRanking:
            guard var session = state.session, case .ranking(var form) = session.work else { return [] }
            if form.list.isHolding {
                let before = session.work
                _ = form.apply(.pickDrop, key: nil)
                storeRanking(&session, form, before: before)
                state.session = session
                return []
            }
            session.phase = .review
            state.session = session
            state.notice = nil
            return []
        }
    }

    /// Back from the queue view to where the contributor was (the task, if one arrived meanwhile).
    static func leaveQueue(_ state: inout AppState) {
        switch state.screenBeforeQueue {
        case .loading: state.screen = state.session == nil ? .start : .task
        case .task: state.screen = state.session == nil ? .start : .task
        case .start, .queue: state.screen = .start
        }
    }

    /// Moves from writing to review, refusing an empty or too long reply with the reason.
    static func review(_ state: inout AppState) -> [AppEffect] {
        guard var session = state.session, case .reply(let editor) = session.work else { return [] }
        if editor.characterCount == 0 {
            state.notice = AppNotice("Nothing to send: the reply is empty. Write it first.", isError: true)
            return []
        }
        if let answered = session.task.conversation?.messages.last?.text,
            answered.trimmingWhitespace == editor.text.trimmingWhitespace
        {
            state.notice = AppNotice(
                "The reply is unchanged from the message it answers; write your own reply.", isError: true)
            return []
        }
        if editor.characterCount > editor.limit {
            state.notice = AppNotice(
                "The reply has \(editor.characterCount) characters; the server accepts \(editor.limit). Shorten it.",
                isError: true)
            return []
        }
        session.phase = .review
        session.isEditing = false
        session.reviewOffset = 0
        session.draftDirtySince = nil
        state.session = session
        state.notice = nil
        return [.saveDraft(taskID: session.taskID, draft: editor.text)]
    }

    /// Builds the interaction and queues it (after the "order unchanged" confirmation for rankings).
    static func submit(_ state: inout AppState, confirmed: Bool) -> [AppEffect] {
        guard var session = state.session, session.phase == .review else { return [] }
        if case .ranking(let form) = session.work, form.needsConfirmation, !confirmed {
            state.dialog = .confirmUnchangedRanking
            return []
        }
        guard let interaction = interaction(for: session, state: state) else {
            state.notice = AppNotice("This task cannot be answered here; press s to skip it.", isError: true)
            return []
        }
        session.phase = .saving
        state.session = session
        state.notice = AppNotice("Saving…")
        return [.enqueueSubmission(task: session.task, ackID: session.ackID, interaction: interaction)]
    }

    /// The interaction body for the session's answer, as PROTOCOL.md §2 assigns the ids.
    static func interaction(for session: TaskSession, state: AppState) -> Interaction? {
        let user = state.configuration.user
        switch session.work {
        case .reply(let editor):
            return .textReplyToMessage(
                TextReplyInteraction(
                    messageID: session.ackID, userMessageID: state.environment.makeID(), text: editor.text,
                    lang: state.configuration.lang, user: user))
        case .labels(let form):
            guard let task = session.task.labeling else { return nil }
            let labelled =
                task.conversation.messages.last { $0.id == task.messageID } ?? task.conversation.messages.last
            return .textLabels(
                TextLabelsInteraction(
                    messageID: task.messageID, taskID: task.id, text: labelled?.text ?? "", labels: form.values,
                    user: user))
        case .ranking(let form):
            return .messageRanking(
                MessageRankingInteraction(
                    messageID: session.ackID, ranking: form.list.ranking, notRankable: form.notRankable, user: user))
        case .unsupported:
            return nil
        }
    }

    /// Nacks the task and loads the next one of the chosen kind.
    static func skip(_ state: inout AppState, reason: String) -> [AppEffect] {
        guard let session = state.session else { return [] }
        let trimmed = reason.trimmingWhitespace
        let limited = String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix(nackReasonLimit)))
        state.session = nil
        state.screen = .loading
        state.notice = AppNotice("Skipped. Loading the next \(TaskKindInfo.shortName(state.chosenKind)) task…")
        return [
            .nackTask(task: session.task, reason: limited.isEmpty ? nil : limited),
            .discardDraft(taskID: session.taskID),
            .fetchTask(type: state.chosenKind, lang: state.configuration.lang),
        ]
    }

    /// The message a report is about: the labelled message, the reply under the ranking cursor, or
    /// the message being answered.
    static func reportTarget(_ state: AppState) -> ConversationMessage? {
        guard let session = state.session else { return nil }
        if let labeling = session.task.labeling {
            return labeling.conversation.messages.last { $0.id == labeling.messageID }
        }
        if let ranking = session.task.ranking, case .ranking(let form) = session.work,
            let index = form.list.currentItem, ranking.replyMessages.indices.contains(index)
        {
            return ranking.replyMessages[index]
        }
        if case .rankInitialPrompts(let prompts) = session.task, case .ranking(let form) = session.work,
            let index = form.list.currentItem, prompts.promptMessages.indices.contains(index)
        {
            return prompts.promptMessages[index]
        }
        return session.task.conversation?.messages.last
    }

    /// Queues a report: free `text_labels` with `is_report` and the reason as text.
    static func report(_ state: inout AppState, reason: String) -> [AppEffect] {
        guard let target = reportTarget(state) else { return [] }
        let interaction = Interaction.textLabels(
            TextLabelsInteraction(
                messageID: target.id, taskID: nil, text: reason, labels: [:], isReport: true,
                user: state.configuration.user))
        state.notice = AppNotice("Report saved; sending it…")
        return [.enqueueReport(reportID: state.environment.makeID(), interaction: interaction)]
    }

    // MARK: Scrolling and layout

    static func scroll(_ state: inout AppState, _ motion: ScrollView.Motion) -> [AppEffect] {
        guard var session = state.session, state.screen == .task else { return [] }
        let layout = AppLayout(width: state.width, height: state.height)
        if session.phase == .review, case .reply(let editor) = session.work {
            var view = ScrollView(
                content: MessageText.lines(editor.text, width: layout.width - 2), offset: session.reviewOffset)
            let rect = layout.body.splitTop(1).1
            view.scroll(motion, in: rect)
            session.reviewOffset = view.offset
            state.session = session
            return []
        }
        guard session.task.conversation != nil else { return [] }
        let rect = layout.split(for: session).conversation
        var view = ScrollView(content: session.conversationLines(width: rect.width), wrapsContent: false)
        view.offset = session.conversationOffset ?? view.maxOffset(in: rect)
        view.scroll(motion, in: rect)
        session.conversationOffset = view.offset >= view.maxOffset(in: rect) ? nil : view.offset
        state.session = session
        return []
    }

    /// Keeps the reply editor's wrap width and height equal to where `view` draws it.
    static func syncLayout(_ state: inout AppState) {
        state.session?.keepConversationLayout(width: state.width)
        guard var session = state.session, case .reply(var editor) = session.work else { return }
        let layout = AppLayout(width: state.width, height: state.height)
        let lower = layout.split(for: session).lower
        let width = max(1, lower.width)
        let height = max(1, lower.height - 1)
        if editor.wrapWidth != width || editor.viewHeight != height {
            editor.wrapWidth = width
            editor.viewHeight = height
            session.work = .reply(editor)
            state.session = session
        }
    }

    /// The first key of a command, for messages.
    static func firstKey(_ state: AppState, _ command: Command) -> String {
        state.keyMap.keys(for: command).first.map { AppView.hintName($0) } ?? "unbound"
    }

    /// Keys while typing the help filter: text edits it, Enter keeps it, Esc clears it.
    static func helpFilterKey(_ state: inout AppState, _ key: Key) -> [AppEffect] {
        var filter = state.helpFilter ?? ""
        switch key {
        case .character(let character): filter.append(character)
        case .space: filter.append(" ")
        case .backspace: if !filter.isEmpty { filter.removeLast() }
        case .enter: state.isTypingHelpFilter = false
        case .escape:
            state.isTypingHelpFilter = false
            filter = ""
        case .control, .alt, .altEnter, .tab, .backTab, .altBackspace, .delete, .insert, .up, .down, .left, .right,
            .shiftUp, .shiftDown, .controlLeft, .controlRight, .home, .end, .pageUp, .pageDown, .function:
            return []
        }
        state.helpFilter = filter.isEmpty ? nil : filter
        state.help = HelpOverlay(groups: helpGroups(state))
        return []
    }

    /// A command's keys as help shows them: `C-s M-Enter Enter`, or `unbound`.
    static func helpKeys(_ keyMap: AppKeyMap, _ command: Command) -> String {
        let sequences = keyMap.keys(for: command)
        return sequences.isEmpty ? "unbound" : sequences.map { AppView.hintName($0) }.joined(separator: " ")
    }

    /// Help groups from the effective key map, the current contexts first.
    static func helpGroups(_ state: AppState) -> [HelpOverlay.Group] {
        let current = contexts(state)
        let order = current + CommandContext.allCases.filter { !current.contains($0) }
        let filter = state.helpFilter?.lowercased() ?? ""
        let groups = order.map { context in
            HelpOverlay.Group(
                title: context.title,
                entries: Command.allCases.filter { $0.context == context }.map {
                    HelpOverlay.Entry(keys: helpKeys(state.keyMap, $0), description: $0.helpText)
                }.filter {
                    filter.isEmpty || $0.description.lowercased().contains(filter)
                        || $0.keys.lowercased().contains(filter)
                })
        }
        let shown = groups.filter { !$0.entries.isEmpty }
        let heading = filter.isEmpty ? [] : [HelpOverlay.Group(title: "Filter: \(filter)", entries: [])]
        return heading + (shown.isEmpty ? [HelpOverlay.Group(title: "No key matches", entries: [])] : shown)
    }
}

extension String {
    /// The text without leading and trailing white space and newlines.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
