import ContributorApp
import Foundation
import TerminalUI
import TestSupport
import Testing

/// The key map: notation, defaults without clashes, user overrides and their errors, rebinding in the driver.
@Suite struct KeyMapTests {
    @Test func notationRoundTrips() {
        for text in ["a", "?", "<C-x><C-e>", "gg", "<S-Up>", "<F1>", "<M-Enter>", "<BS>", "<PgDn>", "<lt>"] {
            let keys = KeyNotation.parse(text)
            #expect(keys != nil, "\(text)")
            #expect(keys.map { KeyNotation.name($0) } == text)
        }
        #expect(KeyNotation.parse("<C-x><C-e>") == [.control("x"), .control("e")])
        #expect(KeyNotation.parse("<Nope>") == nil)
    }

    @Test func defaultsHaveNoClashAndEveryCommandHasKeys() {
        #expect(AppKeyMap.defaults.conflict() == nil)
        for command in Command.allCases {
            #expect(!AppKeyMap.defaults.keys(for: command).isEmpty, "\(command.rawValue)")
            #expect(!command.helpText.isEmpty)
        }
    }

    @Test func overrideRebindsAndUnbinds() throws {
        let map = try AppKeyMap(overrides: ["global": ["queue": ["o", "<F4>"], "report": []]])
        #expect(map.keys(for: .queue) == [[.character("o")], [.function(4)]])
        #expect(map.keys(for: .report).isEmpty)
        #expect(map.keyNames(for: .report) == "unbound")
    }

    @Test func overrideErrorsNameTheProblemAndLine() {
        #expect(throws: KeyMapError("unknown context [nowhere]", line: 3)) {
            try AppKeyMap(overrides: ["nowhere": [:]], lines: ["nowhere": 3])
        }
        #expect(throws: KeyMapError("unknown action 'fly' in [global]", line: 7)) {
            try AppKeyMap(overrides: ["global": ["fly": ["f"]]], lines: ["global.fly": 7])
        }
        #expect(throws: KeyMapError("unknown key name '<Hyper-x>' for global.quit")) {
            try AppKeyMap(overrides: ["global": ["quit": ["<Hyper-x>"]]])
        }
        #expect(throws: (any Error).self) {
            try AppKeyMap(overrides: ["global": ["queue": ["s"]]])
        }
        #expect(throws: (any Error).self) {
            try AppKeyMap(overrides: ["reading": ["scroll-down": ["g"]]])
        }
    }

    @Test func reboundSubmitStillDrivesTheFlow() throws {
        let map = try AppKeyMap(overrides: ["review": ["submit": ["<C-o>"]], "writing": ["review": ["<F5>"]]])
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
        let map = try AppKeyMap(overrides: ["ranking": ["move-up": ["<S-Up>"]]])
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

/// Reading `keys.toml`: overrides, `file:line` errors and warnings.
@Suite struct KeyMapFileTests {
    @Test func readsOverridesFromToml() throws {
        let text = """
            # only what differs
            [global]
            queue = ["o", "<F4>"]
            [ranking]
            move-up = ["K", "<S-Up>"]
            """
        let (map, warnings) = try KeyMapFile.load(text: text, file: "keys.toml")
        #expect(map.keys(for: .queue) == [[.character("o")], [.function(4)]])
        #expect(map.keys(for: .moveUp) == [[.character("K")], [.shiftUp]])
        #expect(warnings.isEmpty)
    }

    @Test func errorsCarryFileAndLine() {
        #expect(throws: TOMLError(file: "keys.toml", line: 3, message: "unknown action 'fly' in [global]")) {
            try KeyMapFile.load(text: "[global]\nquit = [\"q\"]\nfly = [\"f\"]\n", file: "keys.toml")
        }
        #expect(throws: TOMLError(file: "k", line: 2, message: "[global] s is bound twice: queue and skip")) {
            try KeyMapFile.load(text: "[global]\nqueue = [\"s\"]\n", file: "k")
        }
        #expect(throws: TOMLError.self) {
            try KeyMapFile.load(text: "[global]\nquit = \"q\"\n", file: "k")
        }
    }

    @Test func discouragedKeysWarn() throws {
        let (_, warnings) = try KeyMapFile.load(text: "[global]\nredraw = [\"<C-q>\"]\n", file: "k")
        #expect(warnings == ["k:2: <C-q> is usually XON/XOFF flow control; consider another key"])
    }
}
