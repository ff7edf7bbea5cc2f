import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Rules of the flow: refusals with reasons, confirmations, skip/report bodies, next task, drafts.
@Suite struct BehaviourTests {
    func driver(_ numbers: [Int], availability: Bool = false) throws -> AppDriver {
        let driver = AppDriver(
            tasks: try numbers.map { try AppDriver.fixtureTask($0) },
            availability: availability ? try AppDriver.fixtureAvailability(5) : nil)
        driver.press(.startChoose)
        return driver
    }

    func skipEffects(_ driver: AppDriver) -> [AppEffect] {
        driver.effects.filter { if case .nackTask = $0 { return true } else { return false } }
    }

    @Test func emptyReplyIsRefusedWithReason() throws {
        let driver = try driver([24])
        driver.type("   ")
        driver.press(.review)
        #expect(driver.state.session?.phase == .working)
        #expect(driver.state.notice?.isError == true)
        #expect(driver.state.notice?.text.contains("empty") == true)
        #expect(driver.submissions.isEmpty)
    }

    @Test func overLimitReplyIsRefusedAndCountShownLive() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(10)])
        driver.send(.input(.resize(width: 80, height: 24)))
        driver.press(.startChoose)
        driver.send(.input(.paste(String(repeating: "a", count: 2001))))
        #expect(driver.render().lines.contains { $0.contains("2001 / 2000") })
        driver.press(.review)
        #expect(driver.state.session?.phase == .working)
        #expect(driver.state.notice?.text.contains("2000") == true)
    }

    @Test func settingsArrivingAfterTheFirstFrameSetTheLimitOfTheOpenEditor() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(10), try AppDriver.fixtureTask(10)])
        driver.send(.input(.resize(width: 80, height: 24)))
        driver.press(.startChoose)
        driver.type("twelve chars")
        #expect(driver.render().lines.contains { $0.contains("12 / 2000") })
        driver.send(.settingsLoaded(messageSizeLimit: 10))
        #expect(driver.render().lines.contains { $0.contains("too long 12 / 10") })
        #expect(driver.state.configuration.messageSizeLimit == 10)
        driver.press(.review)
        #expect(driver.state.session?.phase == .working)
    }

    @Test func enterInsideTheEditorIsANewlineNotReview() throws {
        let driver = try driver([24])
        driver.type("line one")
        driver.key(.enter)
        driver.type("line two")
        guard case .reply(let editor) = try #require(driver.state.session).work else {
            Issue.record("not a reply")
            return
        }
        #expect(editor.text == "line one\nline two")
        #expect(driver.state.session?.phase == .working)
        driver.press(.leaveEditor)
        driver.key(.enter)
        #expect(driver.state.session?.phase == .review)
    }

    @Test func singleLetterCommandsAreTypedInsideTheEditor() throws {
        let driver = try driver([24])
        driver.type("qs?!uQ")
        #expect(driver.state.isQuitting == false)
        #expect(driver.state.dialog == nil)
        #expect(driver.state.help == nil)
        guard case .reply(let editor) = try #require(driver.state.session).work else { return }
        #expect(editor.text == "qs?!uQ")
    }

    @Test func reviewEditAgainThenSubmitLoadsNextTaskOfSameKind() throws {
        let driver = try driver([24, 35])
        driver.type("First")
        driver.press(.review)
        driver.press(.backToEdit)
        #expect(driver.state.session?.isEditing == true)
        driver.type(" draft")
        driver.press(.review)
        driver.press(.submit)
        #expect(driver.submissions.count == 1)
        #expect(driver.state.session?.task == (try AppDriver.fixtureTask(35)))
        #expect(driver.state.submittedCount == 1)
        #expect(driver.effects.contains(.fetchTask(type: .random, lang: "en")))
        guard case .textReplyToMessage(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.text == "First draft")
    }

    @Test func skipWithoutInputSendsNackWithReasonAndLoadsNext() throws {
        let driver = try driver([41, 50])
        driver.press(.skip)
        guard case .skip(_, let discards) = try #require(driver.state.dialog) else { return }
        #expect(discards == false)
        driver.type("not sure")
        driver.key(.enter)
        #expect(skipEffects(driver) == [.nackTask(task: try AppDriver.fixtureTask(41), reason: "not sure")])
        #expect(driver.state.session?.task == (try AppDriver.fixtureTask(50)))
    }

    @Test func skipAfterInputWarnsAndEscKeepsTheWork() throws {
        let driver = try driver([41])
        driver.press(.moveDown)
        driver.press(.skip)
        guard case .skip(_, let discards) = try #require(driver.state.dialog) else { return }
        #expect(discards)
        driver.key(.escape)
        #expect(driver.state.dialog == nil)
        #expect(skipEffects(driver).isEmpty)
        guard case .ranking(let form) = try #require(driver.state.session).work else { return }
        #expect(form.list.ranking == [1, 0])
    }

    @Test func skipWithEmptyReasonSendsNoReasonAndLongReasonIsCut() throws {
        let driver = try driver([41, 50])
        driver.press(.skip)
        driver.key(.enter)
        #expect(skipEffects(driver) == [.nackTask(task: try AppDriver.fixtureTask(41), reason: nil)])
        driver.press(.skip)
        driver.send(.input(.paste(String(repeating: "é", count: 600))))
        driver.key(.enter)
        guard case .nackTask(_, let reason) = try #require(skipEffects(driver).last) else { return }
        #expect(reason?.unicodeScalars.count == 512)
    }

    @Test func reportSendsFreeTextLabelsWithIsReport() throws {
        let driver = try driver([32])
        driver.press(.report)
        driver.key(.enter)
        #expect(driver.state.dialog != nil)
        driver.type("spam link")
        driver.key(.enter)
        let report = try #require(
            driver.effects.compactMap { effect -> Interaction? in
                if case .enqueueReport(_, let interaction) = effect { return interaction }
                return nil
            }.first)
        guard case .textLabels(let body) = report, case .labelAssistantReply(let task) = try AppDriver.fixtureTask(32)
        else {
            Issue.record("report is not text_labels")
            return
        }
        #expect(body.isReport == true)
        #expect(body.taskID == nil)
        #expect(body.messageID == task.messageID)
        #expect(body.text == "spam link")
        #expect(driver.state.session?.task == .labelAssistantReply(task))
    }

    @Test func mandatoryLabelBlocksReview() throws {
        let driver = try driver([14])
        driver.press(.finishLabels)
        #expect(driver.state.session?.phase == .working)
        #expect(driver.state.notice?.text.contains("spam") == true)
        driver.press(.answerYes)
        driver.press(.finishLabels)
        #expect(driver.state.session?.phase == .review)
    }

    @Test func invertedLikertSendsOneMinusDrawnValue() throws {
        let driver = try driver([14])
        driver.press(.answerNo)
        guard case .labels(let form) = try #require(driver.state.session).work else { return }
        let toxicity = try #require(form.items.firstIndex { $0.name == "toxicity" })
        let violence = try #require(form.items.firstIndex { $0.name == "violence" })
        while case .labels(let now) = driver.state.session?.work, now.focus < toxicity { driver.press(.nextLabel) }
        driver.press(.sliderValue, variant: 0)
        while case .labels(let now) = driver.state.session?.work, now.focus < violence { driver.press(.nextLabel) }
        driver.press(.sliderRight)
        driver.press(.sliderRight)
        driver.press(.finishLabels)
        driver.press(.submit)
        guard case .textLabels(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.labels["toxicity"] == 1.0)
        #expect(body.labels["violence"] == 0.25)
        #expect(body.labels["spam"] == 0)
        #expect(body.labels.count == 11)
    }

    @Test func undoRevertsLabelChangesOneByOne() throws {
        let driver = try driver([14])
        driver.press(.answerYes)
        driver.press(.answerNo)
        driver.press(.undo)
        guard case .labels(let form) = try #require(driver.state.session).work else { return }
        #expect(form.values["spam"] == 1)
        driver.press(.undo)
        guard case .labels(let again) = try #require(driver.state.session).work else { return }
        #expect(again.missingMandatory == ["spam"])
    }

    @Test func rankingPickMoveDropAndPutAtRank() throws {
        let driver = try driver([41])
        driver.press(.pickDrop)
        driver.press(.rankDown)
        driver.press(.pickDrop)
        guard case .ranking(let moved) = try #require(driver.state.session).work else { return }
        #expect(moved.list.ranking == [1, 0])
        driver.press(.putAtRank, variant: 0)
        guard case .ranking(let back) = try #require(driver.state.session).work else { return }
        #expect(back.list.ranking == [0, 1])
        driver.press(.pickDrop)
        driver.press(.rankUp)
        driver.press(.putBack)
        guard case .ranking(let cancelled) = try #require(driver.state.session).work else { return }
        #expect(cancelled.list.ranking == [0, 1])
    }

    @Test func untouchedRankingAsksThenSubmitsDeliveredOrder() throws {
        let driver = try driver([41])
        driver.press(.finishRanking)
        driver.press(.submit)
        #expect(driver.state.dialog == .confirmUnchangedRanking)
        #expect(driver.submissions.isEmpty)
        driver.key(.character("y"))
        guard case .messageRanking(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.ranking == [0, 1])
        #expect(body.notRankable == false)
    }

    @Test func notRankableCountsAsDeliberateAnswer() throws {
        let driver = try driver([50])
        driver.press(.notRankable)
        driver.press(.finishRanking)
        driver.press(.submit)
        #expect(driver.state.dialog == nil)
        guard case .messageRanking(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.ranking == [0, 1])
        #expect(body.notRankable)
    }

    @Test func syntheticBadgeOnlyWhenRevealed() throws {
        guard case .rankAssistantReplies(var task) = try AppDriver.fixtureTask(41) else { return }
        for index in task.replyMessages.indices { task.replyMessages[index].synthetic = true }
        #expect(RankingForm(task: task).list.items.allSatisfy { !$0.hasPrefix("[synthetic]") })
        task.revealSynthetic = true
        #expect(RankingForm(task: task).list.items.allSatisfy { $0.hasPrefix("[synthetic]") })
    }

    @Test func unknownTaskCanOnlyBeSkipped() throws {
        let raw = JSONValue.object(["id": .string("0b6e3ac2-64e1-4d0c-9a43-3c3b8d6b0b2e"), "type": .string("x")])
        let task = OasstTask.unknown(type: "x", raw: raw)
        let driver = AppDriver(tasks: [task])
        driver.press(.startChoose)
        #expect(driver.state.session?.work == .unsupported)
        driver.key(.enter)
        driver.press(.submit)
        #expect(driver.submissions.isEmpty)
        driver.press(.skip)
        driver.key(.enter)
        #expect(skipEffects(driver) == [.nackTask(task: task, reason: nil)])
    }

    @Test func noTasksReturnsToStartWithAdviceAndRefreshesCounts() throws {
        let driver = AppDriver(tasks: [], availability: try AppDriver.fixtureAvailability(5))
        let before = driver.effects.count
        driver.press(.startDown)
        driver.press(.startChoose)
        #expect(driver.state.screen == .start)
        #expect(driver.state.notice?.text.contains("another kind") == true)
        #expect(driver.effects[before...].contains(.fetchAvailability(lang: "en")))
        #expect(driver.effects[before...].contains(.fetchTask(type: .initialPrompt, lang: "en")))
    }

    @Test func submissionFailureReturnsToReviewWithReason() throws {
        let driver = try driver([24])
        driver.autoAnswer = false
        driver.type("text")
        driver.press(.review)
        driver.press(.submit)
        #expect(driver.state.session?.phase == .saving)
        driver.send(.submissionFailed(AppError(kind: .other, text: "Disk full.", nextStep: "Free some space.")))
        #expect(driver.state.session?.phase == .review)
        #expect(driver.state.notice?.text == "Disk full. Free some space.")
    }

    @Test func draftIsSavedAfterASecondOfQuiet() throws {
        let driver = try driver([24])
        driver.type("draft")
        driver.send(.tick)
        #expect(!driver.effects.contains { if case .saveDraft = $0 { return true } else { return false } })
        driver.advance(seconds: 1.5)
        driver.send(.tick)
        let taskID = try #require(driver.state.session?.taskID)
        #expect(driver.effects.last == .saveDraft(taskID: taskID, draft: "draft"))
    }

    @Test func restoredDraftAndAckIDAreReused() throws {
        let driver = AppDriver(tasks: [])
        driver.send(.taskLoaded(try AppDriver.fixtureTask(24), ackID: "ack-stored", draft: "kept text"))
        driver.press(.review)
        driver.press(.submit)
        guard case .textReplyToMessage(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.messageID == "ack-stored")
        #expect(body.text == "kept text")
    }

    @Test func externalEditorThroughKeySequence() throws {
        let driver = try driver([24])
        driver.editorResult = "From vim"
        driver.type("x")
        driver.key(.control("x"))
        #expect(driver.state.pendingKeys == [.control("x")])
        driver.key(.control("e"))
        #expect(driver.effects.contains(.openExternalEditor(text: "x")))
        guard case .reply(let editor) = try #require(driver.state.session).work else { return }
        #expect(editor.text == "From vim")
        driver.key(.control("e"))
        guard case .reply(let same) = try #require(driver.state.session).work else { return }
        #expect(same.text == "From vim")
    }

    @Test func quitSavesDraftFirst() throws {
        let driver = try driver([24])
        driver.type("unsent")
        driver.key(.control("c"))
        let taskID = try #require(driver.state.session?.taskID)
        #expect(Array(driver.effects.suffix(2)) == [.saveDraft(taskID: taskID, draft: "unsent"), .quit])
        #expect(driver.state.isQuitting)
    }

    @Test func redrawWorksEvenInsideTheEditor() throws {
        let driver = try driver([24])
        driver.press(.redraw)
        #expect(driver.effects.last == .redrawScreen)
    }

    @Test func helpSwallowsKeysAndCloses() throws {
        let driver = try driver([41])
        driver.press(.help)
        #expect(driver.state.help != nil)
        driver.key(.character("J"))
        guard case .ranking(let form) = try #require(driver.state.session).work else { return }
        #expect(form.list.ranking == [0, 1])
        driver.press(.helpClose)
        #expect(driver.state.help == nil)
    }

    @Test func queueViewOpensAndRetries() throws {
        let driver = AppDriver()
        driver.send(.queueChanged(QueueStatus(queued: 1, items: [.init(id: "q1", kind: "k", state: "queued")])))
        driver.press(.queue)
        #expect(driver.state.screen == .queue)
        #expect(driver.effects.last == .openQueue)
        driver.press(.queueRetry)
        #expect(driver.effects.last == .retryQueueItem(id: "q1"))
        driver.press(.queueClose)
        #expect(driver.state.screen == .start)
    }
}

/// The queue view: moving, recall (queued/held only), export, discard with confirmation.
@Suite struct QueueViewTests {
    func driver() -> AppDriver {
        let driver = AppDriver()
        driver.send(
            .queueChanged(
                QueueStatus(
                    queued: 1, held: 1,
                    items: [
                        .init(id: "q1", kind: "assistant_reply", state: "sending"),
                        .init(id: "q2", kind: "prompter_reply", state: "held", detail: "expired"),
                    ])))
        driver.press(.queue)
        return driver
    }

    @Test func recallRefusedWhileSendingThenAllowedForHeld() throws {
        let driver = driver()
        driver.press(.queueRecall)
        #expect(driver.state.notice?.text.contains("sending") == true)
        #expect(!driver.effects.contains(.recallQueueItem(id: "q1")))
        driver.press(.queueDown)
        driver.press(.queueRecall)
        #expect(driver.effects.last == .recallQueueItem(id: "q2"))
        driver.send(.taskLoaded(try AppDriver.fixtureTask(35), ackID: "ack-q2", draft: "held text"))
        #expect(driver.state.screen == .task)
        #expect(driver.state.session?.ackID == "ack-q2")
    }

    @Test func discardAsksFirstAndExportShowsPath() {
        let driver = driver()
        driver.press(.queueExport)
        #expect(driver.effects.last == .exportQueueItem(id: "q1"))
        driver.send(.info("Written to /tmp/q1.md"))
        #expect(driver.render().lines.contains { $0.contains("Written to /tmp/q1.md") })
        driver.press(.queueDiscard)
        #expect(driver.state.dialog == .confirmDiscard(id: "q1"))
        driver.key(.character("n"))
        #expect(!driver.effects.contains(.discardQueueItem(id: "q1")))
        driver.press(.queueDiscard)
        driver.key(.character("y"))
        #expect(driver.effects.last == .discardQueueItem(id: "q1"))
    }
}

/// Changing the kind of task, expiry warning and untrusted text.
@Suite struct KindAndSafetyTests {
    @Test func chooseKindSkipsCurrentTaskOnlyWhenAnotherIsPicked() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(41), try AppDriver.fixtureTask(24)])
        driver.press(.startChoose)
        driver.press(.chooseKind)
        #expect(driver.state.screen == .start)
        driver.press(.startBack)
        #expect(driver.state.screen == .task)
        #expect(!driver.effects.contains { if case .nackTask = $0 { return true } else { return false } })
        driver.press(.chooseKind)
        while TaskKindInfo.startKinds[driver.state.startCursor] != .assistantReply { driver.press(.startDown) }
        driver.press(.startChoose)
        #expect(driver.effects.contains(.nackTask(task: try AppDriver.fixtureTask(41), reason: nil)))
        #expect(driver.state.session?.task.type == .assistantReply)
        #expect(driver.state.chosenKind == .assistantReply)
    }

    @Test func oldTaskWarnsBeforeExpiry() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(24)])
        driver.press(.startChoose)
        driver.send(.tick)
        #expect(driver.state.notice == nil)
        driver.advance(seconds: 2 * 86_400)
        driver.send(.tick)
        #expect(driver.state.notice?.text.contains("expire") == true)
    }

    @Test func controlCharactersInMessagesAreShownNotSent() throws {
        guard case .assistantReply(var task) = try AppDriver.fixtureTask(24) else { return }
        task.conversation.messages[task.conversation.messages.count - 1].text = "evil\u{1B}[2Jtext\u{202E}x"
        let driver = AppDriver(tasks: [.assistantReply(task)])
        driver.press(.startChoose)
        let screen = driver.render()
        #expect(screen.lines.contains { $0.contains("evil^[[2Jtext") })
        #expect(!screen.rows.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }
}

/// Tasks that arrive while the queue view is open.
@Suite struct QueueReturnTests {
    @Test func taskArrivingDuringQueueViewIsShownWhenItCloses() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(24)])
        driver.autoAnswer = false
        driver.press(.startChoose)
        #expect(driver.state.screen == .loading)
        driver.press(.queue)
        driver.send(.taskLoaded(try AppDriver.fixtureTask(24), ackID: nil, draft: nil))
        #expect(driver.state.screen == .queue)
        driver.press(.queueClose)
        #expect(driver.state.screen == .task)
    }

    @Test func failedFetchDuringQueueViewReturnsToStart() throws {
        let driver = AppDriver()
        driver.autoAnswer = false
        driver.press(.startChoose)
        driver.press(.queue)
        driver.send(.taskFailed(.noTasks("random")))
        driver.press(.queue)
        #expect(driver.state.screen == .start)
    }
}

/// `rank_initial_prompts`, if a server offers it, is ranked like replies and answered with the ack id.
@Suite struct RankInitialPromptsTests {
    @Test func promptsAreRankedAndSentWithAckID() throws {
        let prompt = { (id: String, text: String) -> JSONValue in
            .object([
                "id": .string(id), "text": .string(text), "is_assistant": .bool(false), "frontend_message_id": .null,
                "user_id": .null, "lang": .string("en"), "emojis": .object([:]), "user_emojis": .array([]),
                "user_is_author": .null, "synthetic": .null,
            ])
        }
        let raw = JSONValue.object([
            "id": .string("1f0e8a52-3d1c-4a0b-9a43-3c3b8d6b0b2e"), "type": .string("rank_initial_prompts"),
            "prompts": .array([.string("A"), .string("B")]),
            "prompt_messages": .array([
                prompt("2f0e8a52-3d1c-4a0b-9a43-3c3b8d6b0b2e", "A"),
                prompt("3f0e8a52-3d1c-4a0b-9a43-3c3b8d6b0b2e", "B"),
            ]),
        ])
        let task = try OasstJSON.decode(OasstTask.self, from: try OasstJSON.encode(raw))
        #expect(task.type == .rankInitialPrompts)
        let driver = AppDriver(tasks: [task])
        driver.press(.startChoose)
        driver.press(.putAtRank, variant: 1)
        driver.press(.finishRanking)
        driver.press(.submit)
        guard case .messageRanking(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.ranking == [1, 0])
        #expect(body.messageID == driver.generatedIDs.first)
    }
}

/// Simple-mode label tasks: fewer widgets, "Classify" title, the same value rules.
@Suite struct SimpleModeTests {
    @Test func simpleModeShowsClassifyAndSendsEveryLabel() throws {
        guard case .labelPrompterReply(var task) = try AppDriver.fixtureTask(38) else { return }
        task.mode = "simple"
        task.disposition = "spam"
        task.labels = task.labels.filter { ["spam", "lang_mismatch", "quality"].contains($0.name) }
        task.validLabels = task.labels.map(\.name)
        let driver = AppDriver(tasks: [.labelPrompterReply(task)])
        driver.press(.startChoose)
        #expect(driver.render().lines[0].contains("Classify Prompter Reply"))
        driver.press(.answerNo)
        driver.press(.nextLabel)
        driver.press(.toggleFlag)
        driver.press(.finishLabels)
        driver.press(.submit)
        guard case .textLabels(let body) = try #require(driver.submissions.first) else { return }
        #expect(body.labels == ["spam": 0, "lang_mismatch": 1, "quality": 0])
        #expect(body.taskID == task.id)
        #expect(body.messageID == task.messageID)
    }
}

/// Mouse: the wheel scrolls the conversation, a click picks a kind on the start screen.
@Suite struct MouseTests {
    @Test func clickSelectsThenStartsAKind() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(35)])
        driver.send(.input(.mouse(MouseEvent(kind: .press, x: 5, y: 5))))
        #expect(TaskKindInfo.startKinds[driver.state.startCursor] == .prompterReply)
        #expect(driver.state.screen == .start)
        driver.send(.input(.mouse(MouseEvent(kind: .press, x: 5, y: 5))))
        #expect(driver.effects.contains(.fetchTask(type: .prompterReply, lang: "en")))
        #expect(driver.state.session?.task.type == .prompterReply)
    }

    @Test func wheelScrollsTheConversationUp() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(41)], height: 14)
        driver.press(.startChoose)
        #expect(driver.state.session?.conversationOffset == nil)
        driver.send(.input(.mouse(MouseEvent(kind: .wheelUp, x: 1, y: 3))))
        #expect(driver.state.session?.conversationOffset != nil)
        driver.send(.input(.mouse(MouseEvent(kind: .wheelDown, x: 1, y: 3))))
        #expect(driver.state.session?.conversationOffset == nil)
    }
}

/// A reply that only repeats the message it answers is refused.
@Suite struct UnchangedReplyTests {
    @Test func copyOfAnsweredMessageIsRefused() throws {
        let task = try AppDriver.fixtureTask(24)
        let driver = AppDriver(tasks: [task])
        driver.press(.startChoose)
        let answered = try #require(task.conversation?.messages.last?.text)
        driver.send(.input(.paste(answered + "\n")))
        driver.press(.review)
        #expect(driver.state.session?.phase == .working)
        #expect(driver.state.notice?.text.contains("unchanged") == true)
    }
}
