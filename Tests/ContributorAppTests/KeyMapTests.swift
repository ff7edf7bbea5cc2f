import ContributorApp
import Foundation
import TerminalUI
import TestSupport
import Testing

/// The key map: defaults without clashes, user files and their errors, rebinding in the driver.
@Suite struct KeyMapTests {
    func load(_ text: String) throws -> AppKeyMap { try KeyMapFile.load(text: text, file: "keys.toml").map }

    @Test func defaultsHaveNoClashAndEveryCommandHasKeys() {
        #expect(AppKeyMap.defaults.conflict() == nil)
        for command in Command.allCases {
            #expect(AppKeyMap.defaults.keys(for: command).count == command.defaultKeys.count, "\(command.rawValue)")
            #expect(!command.helpText.isEmpty)
        }
        #expect(AppKeyMap.defaults.keys(for: .externalEditor).first == [.control("x"), .control("e")])
    }

    @Test func overrideRebindsAndUnbinds() throws {
        let map = try load("[global]\nqueue = [\"o\", \"<F4>\"]\nreport = []\n")
        #expect(map.keys(for: .queue) == [[.character("o")], [.function(4)]])
        #expect(map.keys(for: .report).isEmpty)
        #expect(map.keyNames(for: .report) == "unbound")
        #expect(map.keys(for: .skip) == [[.character("s")]])
    }

    @Test func overrideErrorsNameFileAndLine() {
        func line(_ text: String) -> Int? {
            do {
                _ = try KeyMapFile.load(text: text, file: "keys.toml")
                return nil
            } catch {
                #expect(error.file == "keys.toml")
                return error.line
            }
        }
        #expect(line("[nowhere]\nx = [\"a\"]\n") == 1)
        #expect(line("[global]\nquit = [\"q\"]\nfly = [\"f\"]\n") == 3)
        #expect(line("[global]\n\nquit = [\"<Hyper-x>\"]\n") == 3)
        #expect(line("[global]\nqueue = [\"s\"]\n") != nil)
        #expect(line("[reading]\nscroll-down = [\"g\"]\n") != nil)
    }

    @Test func discouragedKeysWarn() throws {
        let (_, warnings) = try KeyMapFile.load(text: "[global]\nredraw = [\"<C-q>\"]\n", file: "k")
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 2)
    }

    @Test func reboundSubmitStillDrivesTheFlow() throws {
        let map = try load("[review]\nsubmit = [\"<C-o>\"]\n[writing]\nreview = [\"<F5>\"]\n")
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(24)], keyMap: map)
        driver.press(.startChoose)
        driver.type("Rebound")
        driver.press(.review)
        driver.key(.enter)
        #expect(driver.submissions.isEmpty)
        driver.press(.submit)
        #expect(driver.submissions.count == 1)
    }

    @Test func helpOverlayListsEffectiveKeysCurrentContextFirst() throws {
        let map = try load("[ranking]\nmove-up = [\"<S-Up>\"]\n")
        let driver = AppDriver(tasks: [try AppDriver.fixtureTask(41)], keyMap: map)
        driver.press(.startChoose)
        driver.press(.help)
        let help = try #require(driver.state.help)
        #expect(help.groups.first?.title == "Ranking")
        #expect(help.groups.first?.entries.contains { $0.keys == "S-Up" && $0.description.contains("up one") } == true)
    }
}

/// `docs/keybindings.md` is generated from the Command table; this test fails when it is stale.
@Suite struct KeyBindingsDocTests {
    @Test func documentIsCurrent() throws {
        let url = FixtureDirectory.packageRoot.appendingPathComponent("docs/keybindings.md")
        let generated = KeyBindingsDocument.markdown()
        let environment = ProcessInfo.processInfo.environment
        if environment["UPDATE_KEYBINDINGS_DOC"] == "1" || SnapshotAssertion.isRecording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try generated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Rewrote \(url.path); run again without UPDATE_KEYBINDINGS_DOC")
            return
        }
        let current = try String(contentsOf: url, encoding: .utf8)
        #expect(current == generated, "docs/keybindings.md is stale: run with UPDATE_KEYBINDINGS_DOC=1")
        for command in Command.allCases { #expect(current.contains("`\(command.rawValue)`")) }
    }
}

/// The shipped example key map loads without errors or warnings.
@Suite struct ExampleKeyMapTests {
    @Test func exampleLoads() throws {
        let url = FixtureDirectory.packageRoot.appendingPathComponent("keymaps/example.toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (map, warnings) = try KeyMapFile.load(text: text, file: "keymaps/example.toml")
        #expect(warnings.isEmpty)
        #expect(map.keys(for: .queue).contains([.function(4)]))
        #expect(map.keys(for: .sliderRight).contains([.character("+")]))
    }
}

/// The help overlay's `/` filter.
@Suite struct HelpFilterTests {
    @Test func filterNarrowsEntriesAndEscClearsIt() throws {
        let driver = AppDriver()
        driver.press(.help)
        let all = try #require(driver.state.help).groups.flatMap(\.entries).count
        driver.press(.helpFilter)
        driver.type("slider")
        let filtered = try #require(driver.state.help).groups.flatMap(\.entries)
        #expect(!filtered.isEmpty && filtered.count < all)
        #expect(filtered.allSatisfy { $0.description.lowercased().contains("slider") })
        driver.key(.character("q"))
        #expect(driver.state.help != nil)
        driver.key(.escape)
        #expect(try #require(driver.state.help).groups.flatMap(\.entries).count == all)
        driver.press(.helpClose)
        #expect(driver.state.help == nil)
    }
}
