import ContributorApp
import OasstProtocol
import TerminalUI
import TestSupport
import Testing

/// Every recorded task, every bound key, many sizes: the app answers each key without crashing and
/// every screen keeps its size, with the status bar on the last row.
@Suite struct RobustnessTests {
    /// Fixture numbers whose response is a task.
    static let taskFixtures = [7, 10, 14, 24, 32, 35, 38, 41, 50]

    @Test(arguments: taskFixtures)
    func everyKeyOnEveryTaskIsSafe(number: Int) throws {
        let driver = AppDriver(
            tasks: [try AppDriver.fixtureTask(number)], availability: try AppDriver.fixtureAvailability(5))
        driver.press(.startChoose)
        let keys = Command.allCases.flatMap { driver.state.keyMap.keys(for: $0) }
        var step = 0
        for sequence in keys where sequence != [.control("c")] && sequence != [.character("q")] {
            driver.keys(sequence)
            if driver.state.dialog != nil { driver.key(.escape) }
            step += 1
            let (width, height) = [(80, 24), (40, 12), (120, 40), (39, 11), (3, 2)][step % 5]
            let screen = driver.render(width: width, height: height)
            #expect(screen.width == width && screen.height == height)
            #expect(screen.rows.count == height)
        }
        #expect(driver.state.isQuitting == false)
        let final = driver.render(width: 80, height: 24)
        #expect(!final.lines[23].isEmpty)
    }

    @Test func zeroSizedTerminalDoesNotCrash() throws {
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(24)])
        driver.press(.startChoose)
        driver.send(.input(.resize(width: 0, height: 0)))
        driver.type("still typing")
        #expect(driver.render().width == 0)
        driver.send(.input(.resize(width: 80, height: 24)))
        guard case .reply(let editor) = try #require(driver.state.session).work else { return }
        #expect(editor.text == "still typing")
    }
}
