import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Label and ranking answers are autosaved like reply text and come back when the task is reopened, so quitting
/// or a crash in the middle of labelling or ranking loses nothing.
@Suite struct FormDraftTests {
    func driver(task: Int, user: String) throws -> AppDriver {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(task)], user: AppDriver.user(user))
        driver.press(.startChoose)
        #expect(driver.state.screen == .task)
        return driver
    }

    /// The drafts the app asked to save since `start`.
    func savedDrafts(_ driver: AppDriver, from start: Int) -> [String] {
        driver.effects[start...].compactMap { effect in
            if case .saveDraft(_, let draft) = effect { return draft }
            return nil
        }
    }

    func labels(_ driver: AppDriver) -> LabelForm? {
        guard case .labels(let form) = driver.state.session?.work else { return nil }
        return form
    }

    func focus(_ driver: AppDriver, where matches: (LabelForm.Widget) -> Bool) throws {
        let form = try #require(labels(driver))
        let index = try #require(form.items.firstIndex { matches($0.widget) })
        while let now = labels(driver), now.focus < index { driver.press(.nextLabel) }
    }

    @Test func labelAnswersAreAutosavedAndComeBack() throws {
        let driver = try driver(task: 14, user: "bob")
        let start = driver.effects.count
        driver.press(.answerYes)
        try focus(driver) { if case .flag = $0 { return true } else { return false } }
        driver.press(.toggleFlag)
        try focus(driver) { if case .likert = $0 { return true } else { return false } }
        driver.press(.sliderValue, variant: 3)
        driver.advance(seconds: 2)
        driver.send(.tick)
        let draft = try #require(savedDrafts(driver, from: start).last)
        let answered = try #require(labels(driver))

        let session = TaskSession(
            task: try AppDriver.fixtureTask(14), ackID: "a", receivedAt: 0, messageSizeLimit: 2_000, draft: draft)
        guard case .labels(let restored) = session.work else {
            Issue.record("not a label form")
            return
        }
        #expect(restored.values == answered.values)
        #expect(restored.draft == draft)
        #expect(restored.missingMandatory.isEmpty)
        #expect(answered.values.values.filter { $0 != 0 }.count == 3)
    }

    @Test func movingBetweenLabelsIsNotAnAnswer() throws {
        let driver = try driver(task: 14, user: "bob")
        let start = driver.effects.count
        driver.press(.nextLabel)
        driver.press(.labelInfo)
        driver.advance(seconds: 2)
        driver.send(.tick)
        #expect(savedDrafts(driver, from: start).isEmpty)
    }

    @Test func rankingIsAutosavedAndComesBack() throws {
        let driver = try driver(task: 7, user: "carol")
        let start = driver.effects.count
        driver.press(.moveDown)
        driver.advance(seconds: 2)
        driver.send(.tick)
        let draft = try #require(savedDrafts(driver, from: start).last)
        guard case .ranking(let ranked) = driver.state.session?.work else {
            Issue.record("not a ranking form")
            return
        }
        #expect(ranked.list.ranking == [1, 0, 2])

        let session = TaskSession(
            task: try AppDriver.fixtureTask(7), ackID: "a", receivedAt: 0, messageSizeLimit: 2_000, draft: draft)
        guard case .ranking(let restored) = session.work else {
            Issue.record("not a ranking form")
            return
        }
        #expect(restored.list.ranking == [1, 0, 2])
        #expect(restored.touched)
        #expect(!restored.needsConfirmation)
    }

    @Test func quittingKeepsAnswersButSavesNothingForAnUntouchedForm() throws {
        let untouched = try driver(task: 7, user: "carol")
        var start = untouched.effects.count
        untouched.press(.quit)
        #expect(savedDrafts(untouched, from: start).isEmpty)

        let labelled = try driver(task: 14, user: "bob")
        start = labelled.effects.count
        labelled.press(.answerNo)
        labelled.press(.quit)
        let draft = try #require(savedDrafts(labelled, from: start).last)
        #expect(draft.contains("\"spam\":false"))
    }

    @Test(arguments: [
        "", "not json", "[1,2]", "{\"labels\":3}", "{\"labels\":{\"spam\":\"yes\",\"quality\":9,\"humor\":-1}}",
        "{\"labels\":{\"unknown_label\":true,\"lang_mismatch\":4}}",
    ])
    func unreadableLabelDraftsLeaveTheFormUnanswered(draft: String) throws {
        let session = TaskSession(
            task: try AppDriver.fixtureTask(14), ackID: "a", receivedAt: 0, messageSizeLimit: 2_000, draft: draft)
        guard case .labels(let form) = session.work else {
            Issue.record("not a label form")
            return
        }
        #expect(!form.hasAnswers)
    }

    @Test(arguments: ["{\"order\":[0,0,1]}", "{\"order\":[0,1]}", "{\"order\":[2,1,0,3]}", "{\"order\":\"x\"}", "{}"])
    func rankingDraftsThatAreNotAPermutationAreIgnored(draft: String) throws {
        let session = TaskSession(
            task: try AppDriver.fixtureTask(7), ackID: "a", receivedAt: 0, messageSizeLimit: 2_000, draft: draft)
        guard case .ranking(let form) = session.work else {
            Issue.record("not a ranking form")
            return
        }
        #expect(form.list.ranking == [0, 1, 2])
        #expect(!form.touched)
    }
}
