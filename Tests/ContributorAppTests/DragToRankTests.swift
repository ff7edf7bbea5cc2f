import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Ranking with the mouse: press picks a reply up, dragging moves it live, release drops it;
/// release outside the list or Esc puts it back; the whole drag is one undo step. Fixture 07 is a
/// three-reply ranking; at 80×24 its replies are drawn on rows 10, 11 and 12.
@Suite struct DragToRankTests {
    static let first = 10

    func driver() throws -> AppDriver {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(7)], user: AppDriver.user("carol"))
        driver.press(.startChoose)
        #expect(driver.state.screen == .task)
        return driver
    }

    func mouse(_ driver: AppDriver, _ kind: MouseEvent.Kind, row: Int, x: Int = 6) {
        driver.send(.input(.mouse(MouseEvent(kind: kind, x: x, y: row))))
    }

    func form(_ driver: AppDriver) -> RankingForm? {
        guard case .ranking(let form) = driver.state.session?.work else { return nil }
        return form
    }

    func listRows(_ driver: AppDriver) -> [String] {
        Array(driver.render().lines[Self.first..<Self.first + 3])
    }

    static let a = "I have no idea whether or not that’s the case, but it’s a common problem, …"
    static let b = "Sounds painful. I wonder if it could help to explore some of the causes he…"
    static let c = "It does sound like your body might be craving some kind of physical restor…"
    static let cMoving = "It does sound like your body might be craving some kind of physic… (moving)"
    static let untouched = ["› 1. " + a, "  2. " + b, "  3. " + c]

    @Test func pressPicksUpDragMovesLiveReleaseDrops() throws {
        let driver = try driver()
        #expect(listRows(driver) == Self.untouched)
        mouse(driver, .press, row: 12)
        #expect(listRows(driver) == ["  1. " + Self.a, "  2. " + Self.b, "⇅ 3. " + Self.cMoving])
        mouse(driver, .drag, row: 11)
        #expect(listRows(driver) == ["  1. " + Self.a, "⇅ 2. " + Self.cMoving, "  3. " + Self.b])
        mouse(driver, .drag, row: 10)
        #expect(listRows(driver) == ["⇅ 1. " + Self.cMoving, "  2. " + Self.a, "  3. " + Self.b])
        mouse(driver, .release, row: 10)
        #expect(listRows(driver) == ["› 1. " + Self.c, "  2. " + Self.a, "  3. " + Self.b])
        let dropped = try #require(form(driver))
        #expect(dropped.list.ranking == [2, 0, 1])
        #expect(!dropped.list.isHolding && !dropped.isDragging && dropped.touched)
    }

    @Test func wholeDragIsOneUndoStep() throws {
        let driver = try driver()
        mouse(driver, .press, row: 12)
        mouse(driver, .drag, row: 11)
        mouse(driver, .drag, row: 10)
        mouse(driver, .release, row: 10)
        driver.press(.undo)
        #expect(listRows(driver) == Self.untouched)
        #expect(form(driver)?.touched == false)
        #expect(driver.state.session?.history.isEmpty == true)
        driver.press(.undo)
        #expect(driver.state.notice?.text == "Nothing to undo.")
    }

    @Test func releaseOutsideTheListPutsItBack() throws {
        let driver = try driver()
        mouse(driver, .press, row: 10)
        mouse(driver, .drag, row: 12)
        #expect(form(driver)?.list.ranking == [1, 2, 0])
        mouse(driver, .release, row: 5)
        #expect(listRows(driver) == Self.untouched)
        let restored = try #require(form(driver))
        #expect(!restored.list.isHolding && !restored.isDragging)
        #expect(restored.needsConfirmation)
        #expect(driver.state.session?.history.isEmpty == true)
    }

    @Test func escapeWhileDraggingPutsItBackAndTheReleaseIsIgnored() throws {
        let driver = try driver()
        mouse(driver, .press, row: 11)
        mouse(driver, .drag, row: 12)
        #expect(form(driver)?.list.ranking == [0, 2, 1])
        driver.key(.escape)
        #expect(listRows(driver) == ["  1. " + Self.a, "› 2. " + Self.b, "  3. " + Self.c])
        mouse(driver, .drag, row: 10)
        mouse(driver, .release, row: 10)
        #expect(form(driver)?.list.ranking == [0, 1, 2])
        #expect(driver.state.session?.history.isEmpty == true)
    }

    @Test func dragOverTheListWithoutPickingUpMovesNothing() throws {
        let driver = try driver()
        mouse(driver, .press, row: 5)
        mouse(driver, .drag, row: 12)
        mouse(driver, .release, row: 12)
        #expect(listRows(driver) == Self.untouched)
        #expect(driver.state.session?.history.isEmpty == true)
    }

    @Test func pressUnderTheHelpOverlayDoesNotPickUp() throws {
        let driver = try driver()
        driver.press(.help)
        mouse(driver, .press, row: 12)
        mouse(driver, .drag, row: 10)
        #expect(form(driver)?.list.isHolding == false)
        #expect(form(driver)?.list.ranking == [0, 1, 2])
    }

    /// Two drags order the replies [2, 1, 0], the body fixture 09 recorded (also reached with keys in
    /// `TaskFlowTests`).
    @Test func draggedRankingProducesRecordedBody() throws {
        let driver = try driver()
        mouse(driver, .press, row: 12)
        mouse(driver, .drag, row: 11)
        mouse(driver, .drag, row: 10)
        mouse(driver, .release, row: 10)
        mouse(driver, .press, row: 12)
        mouse(driver, .drag, row: 11)
        mouse(driver, .release, row: 11)
        #expect(listRows(driver) == ["  1. " + Self.c, "› 2. " + Self.b, "  3. " + Self.a])
        driver.press(.finishRanking)
        driver.press(.submit)
        #expect(driver.state.dialog == nil)
        let sent = try #require(driver.submissions.first)
        guard case .object(var expected) = try #require(try AppDriver.fixtureRequestBody(9)) else {
            Issue.record("fixture 09 has no object body")
            return
        }
        expected["message_id"] = .string(try #require(driver.generatedIDs.first))
        #expect(try AppDriver.json(sent) == .object(expected))
    }

    @Test func keyboardPickMoveDropIsOneUndoStepToo() throws {
        let driver = try driver()
        driver.press(.pickDrop)
        driver.press(.rankDown)
        driver.press(.rankDown)
        driver.press(.pickDrop)
        #expect(form(driver)?.list.ranking == [1, 2, 0])
        driver.press(.undo)
        #expect(form(driver)?.list.ranking == [0, 1, 2])
        #expect(driver.state.session?.history.isEmpty == true)
    }
}
