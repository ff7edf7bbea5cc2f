import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Each task type driven through the key map, from task arrival to the exact interaction body,
/// compared with the body the recorded exchange sent.
@Suite struct TaskFlowTests {
    /// A driver with one fixture task, already on the task screen.
    func driver(task number: Int, user: String) throws -> AppDriver {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(number)], user: AppDriver.user(user))
        driver.press(.startChoose)
        #expect(driver.state.screen == .task)
        return driver
    }

    /// The recorded body with its client-chosen ids replaced by ours.
    func expectedBody(_ number: Int, replacing ids: [String: String]) throws -> JSONValue {
        guard case .object(var body) = try #require(try AppDriver.fixtureRequestBody(number)) else {
            Issue.record("fixture \(number) has no object body")
            return .null
        }
        for (key, value) in ids { body[key] = .string(value) }
        return .object(body)
    }

    func writeAndSubmit(task: Int, interaction: Int, user: String) throws {
        let driver = try driver(task: task, user: user)
        guard case .object(let recorded) = try #require(try AppDriver.fixtureRequestBody(interaction)),
            case .string(let text) = recorded["text"]
        else {
            Issue.record("no text in fixture \(interaction)")
            return
        }
        driver.type(text)
        driver.press(.review)
        #expect(driver.state.session?.phase == .review)
        driver.press(.submit)
        let sent = try #require(driver.submissions.first)
        let ackID = try #require(driver.generatedIDs.first)
        let userMessageID = driver.generatedIDs[1]
        #expect(ackID != userMessageID)
        let expected = try expectedBody(
            interaction, replacing: ["message_id": ackID, "user_message_id": userMessageID])
        #expect(try AppDriver.json(sent) == expected)
        guard
            case .enqueueSubmission(let queuedTask, let queuedAck, _) = try #require(
                driver.effects.first { if case .enqueueSubmission = $0 { return true } else { return false } })
        else { return }
        #expect(queuedAck == ackID)
        #expect(queuedTask == (try AppDriver.fixtureTask(task)))
    }

    @Test func initialPromptProducesRecordedBody() throws {
        try writeAndSubmit(task: 10, interaction: 12, user: "alice")
    }

    @Test func assistantReplyProducesRecordedBody() throws {
        try writeAndSubmit(task: 24, interaction: 29, user: "carol")
    }

    @Test func prompterReplyProducesRecordedBody() throws {
        try writeAndSubmit(task: 35, interaction: 37, user: "dave")
    }

    /// Answers the labels the recording answered, through the key map (yes/no with y/n, flags with
    /// Space, sliders with the digit of their stop); every other label of the task is sent as 0.
    func labelAndSubmit(task: Int, interaction: Int, user: String) throws {
        let driver = try driver(task: task, user: user)
        guard case .labels(let form) = try #require(driver.state.session).work,
            case .object(var expected) = try #require(try AppDriver.fixtureRequestBody(interaction)),
            case .object(let recorded) = expected["labels"]
        else {
            Issue.record("not a label task, or no labels recorded")
            return
        }
        for (index, item) in form.items.enumerated() {
            guard let value = number(recorded[item.name]) else { continue }
            while case .labels(let now) = driver.state.session?.work, now.focus < index { driver.press(.nextLabel) }
            switch item.widget {
            case .yesNo: driver.press(value == 1 ? .answerYes : .answerNo)
            case .flag: if value == 1 { driver.press(.toggleFlag) }
            case .likert(let slider):
                if value > 0 {
                    let drawn = slider.inverted ? 1 - value : value
                    driver.press(.sliderValue, variant: Int(drawn * 4))
                }
            case .unsupported: Issue.record("unexpected widget for \(item.name)")
            }
        }
        driver.press(.finishLabels)
        #expect(driver.state.session?.phase == .review)
        driver.press(.submit)
        let sent = try AppDriver.json(try #require(driver.submissions.first))
        var labels: [String: JSONValue] = [:]
        for name in form.names { labels[name] = recorded[name] ?? .integer(0) }
        expected["labels"] = .object(labels)
        #expect(sent == .object(expected))
        #expect(form.names.count > recorded.count)
    }

    /// A JSON number as a Double.
    func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let number)?: return Double(number)
        case .double(let number)?: return number
        default: return nil
        }
    }

    @Test func labelInitialPromptProducesRecordedBody() throws {
        try labelAndSubmit(task: 14, interaction: 21, user: "bob")
    }

    @Test func labelAssistantReplyProducesRecordedBody() throws {
        try labelAndSubmit(task: 32, interaction: 34, user: "bob")
    }

    @Test func labelPrompterReplyProducesRecordedBody() throws {
        try labelAndSubmit(task: 38, interaction: 40, user: "erin")
    }

    /// Moves the first reply down (J), reviews, submits: ranking [1, 0] with the ack id.
    func rankAndSubmit(task: Int, interaction: Int, user: String) throws {
        let driver = try driver(task: task, user: user)
        driver.press(.moveDown)
        driver.press(.finishRanking)
        #expect(driver.state.session?.phase == .review)
        driver.press(.submit)
        #expect(driver.state.dialog == nil)
        let sent = try #require(driver.submissions.first)
        let expected = try expectedBody(interaction, replacing: ["message_id": try #require(driver.generatedIDs.first)])
        #expect(try AppDriver.json(sent) == expected)
    }

    @Test func rankAssistantRepliesProducesRecordedBody() throws {
        try rankAndSubmit(task: 41, interaction: 46, user: "erin")
    }

    @Test func rankPrompterRepliesProducesRecordedBody() throws {
        try rankAndSubmit(task: 50, interaction: 52, user: "dave")
    }

    /// A random request (07) that produced a three-reply ranking, ordered to the recorded [2, 1, 0]
    /// by moving the cursor and putting each reply at its rank with the digit keys.
    @Test func randomTaskRankedWithDigitsProducesRecordedBody() throws {
        let driver = try driver(task: 7, user: "carol")
        guard case .object(let recorded) = try #require(try AppDriver.fixtureRequestBody(9)),
            case .array(let target) = recorded["ranking"]
        else {
            Issue.record("fixture 09 has no ranking")
            return
        }
        for (rank, value) in target.enumerated() {
            guard case .integer(let wanted) = value,
                case .ranking(let form) = driver.state.session?.work,
                let row = form.list.order.firstIndex(of: Int(wanted))
            else { continue }
            while case .ranking(let now) = driver.state.session?.work, now.list.cursor < row { driver.press(.rankDown) }
            while case .ranking(let now) = driver.state.session?.work, now.list.cursor > row { driver.press(.rankUp) }
            driver.press(.putAtRank, variant: rank)
        }
        driver.press(.finishRanking)
        driver.press(.submit)
        let sent = try #require(driver.submissions.first)
        let expected = try expectedBody(9, replacing: ["message_id": try #require(driver.generatedIDs.first)])
        #expect(try AppDriver.json(sent) == expected)
    }
}
