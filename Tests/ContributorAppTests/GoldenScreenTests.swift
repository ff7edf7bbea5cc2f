import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Golden screens of every screen at 80×24 and 120×40 (`RECORD_SNAPSHOTS=1` records them).
@Suite struct GoldenScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    /// Renders the driver's state at both sizes and compares with `Snapshots/<name>-WxH.screen`.
    func check(_ driver: AppDriver, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (width, height) in GoldenScreenTests.sizes {
            driver.send(.input(.resize(width: width, height: height)))
            assertSnapshot(driver.render(), named: "\(name)-\(width)x\(height)", sourceLocation: sourceLocation)
        }
    }

    func driver(task number: Int?) throws -> AppDriver {
        let tasks = try number.map { [try AppDriver.fixtureTask($0)] } ?? []
        let driver = AppDriver(tasks: tasks, availability: try AppDriver.fixtureAvailability(5))
        if number != nil { driver.press(.startChoose) }
        return driver
    }

    @Test func startScreen() throws {
        let driver = try driver(task: nil)
        driver.press(.startDown)
        check(driver, "start")
    }

    @Test func startScreenWithRateLimit() throws {
        let driver = try driver(task: nil)
        driver.noTaskError = { _ in AppError.rateLimited(seconds: 42) }
        driver.press(.startChoose)
        #expect(driver.state.screen == .start)
        check(driver, "start-rate-limited")
    }

    @Test func helpOverlay() throws {
        let driver = try driver(task: 24)
        driver.press(.leaveEditor)
        driver.press(.help)
        check(driver, "help")
    }

    @Test func initialPromptWriting() throws {
        let driver = try driver(task: 10)
        driver.type("How do I keep **basil** alive in winter?")
        check(driver, "initial-prompt")
    }

    @Test func assistantReplyWriting() throws {
        let driver = try driver(task: 24)
        driver.type("Start with a doctor you trust.")
        check(driver, "assistant-reply")
    }

    @Test func assistantReplyReview() throws {
        let driver = try driver(task: 24)
        driver.type("Start with a doctor you trust.\n\n- a GP\n- a specialist")
        driver.press(.review)
        check(driver, "assistant-reply-review")
    }

    @Test func prompterReplyWriting() throws {
        let driver = try driver(task: 35)
        driver.press(.leaveEditor)
        check(driver, "prompter-reply")
    }

    @Test func labelInitialPrompt() throws {
        let driver = try driver(task: 14)
        driver.press(.answerNo)
        driver.press(.nextLabel)
        driver.press(.toggleFlag)
        check(driver, "label-initial-prompt")
    }

    @Test func labelAssistantReplyWithHelp() throws {
        let driver = try driver(task: 32)
        for _ in 0..<8 { driver.press(.nextLabel) }
        driver.press(.sliderValue, variant: 3)
        driver.press(.labelInfo)
        check(driver, "label-assistant-reply")
    }

    @Test func labelPrompterReplyReview() throws {
        let driver = try driver(task: 38)
        driver.press(.answerYes)
        driver.press(.finishLabels)
        check(driver, "label-prompter-reply-review")
    }

    @Test func labelMandatoryRefused() throws {
        let driver = try driver(task: 38)
        driver.press(.nextLabel)
        driver.press(.finishLabels)
        check(driver, "label-mandatory-refused")
    }

    @Test func rankAssistantReplies() throws {
        let driver = try driver(task: 41)
        driver.press(.fullText)
        driver.press(.rankDown)
        driver.press(.pickDrop)
        check(driver, "rank-assistant-replies")
    }

    @Test func rankPrompterRepliesUnchangedConfirmation() throws {
        let driver = try driver(task: 50)
        driver.press(.finishRanking)
        driver.press(.submit)
        #expect(driver.state.dialog == .confirmUnchangedRanking)
        check(driver, "rank-prompter-replies-confirm")
    }

    @Test func unknownTask() throws {
        let raw = JSONValue.object([
            "id": .string("0b6e3ac2-64e1-4d0c-9a43-3c3b8d6b0b2e"), "type": .string("future_task"),
        ])
        let driver = AppDriver(tasks: [.unknown(type: "future_task", raw: raw)])
        driver.press(.startChoose)
        check(driver, "unknown-task")
    }

    @Test func skipDialogAfterInput() throws {
        let driver = try driver(task: 24)
        driver.type("half a reply")
        driver.press(.leaveEditor)
        driver.press(.skip)
        driver.type("not my field")
        check(driver, "skip-dialog")
    }

    @Test func queueView() throws {
        let driver = try driver(task: nil)
        driver.send(
            .queueChanged(
                QueueStatus(
                    queued: 1, held: 1,
                    items: [
                        .init(id: "a1b2c3", kind: "assistant_reply", state: "queued", attempts: 2, detail: "timeout"),
                        .init(id: "d4e5f6", kind: "prompter_reply", state: "held", attempts: 1, detail: "task expired"),
                    ])))
        driver.send(.connectivityChanged(.offline(since: 1_700_000_000 - 240)))
        driver.press(.queue)
        check(driver, "queue")
    }

    /// The narrowest supported size, for the screens with the most on them.
    @Test(arguments: [("start", nil), ("assistant-reply", 24), ("label-assistant-reply", 32), ("rank-prompter", 50)])
    func narrow(name: String, task: Int?) throws {
        let driver = try driver(task: task)
        driver.send(.input(.resize(width: 40, height: 12)))
        if task == 24 { driver.type("A short answer that wraps in forty columns.") }
        assertSnapshot(driver.render(), named: "\(name)-40x12")
    }

    @Test func tooSmall() throws {
        let driver = try driver(task: 24)
        driver.send(.input(.resize(width: 39, height: 11)))
        assertSnapshot(driver.render(), named: "too-small-39x11")
        #expect(driver.render().lines.contains { $0.contains("Terminal too small (39×11)") })
    }
}
