import Testing

@testable import TerminalUI

@Suite struct KeyNameTests {
    @Test func parsesSingleKeysAndSequences() throws {
        #expect(try KeyNotation.parse("a") == [.character("a")])
        #expect(try KeyNotation.parse("?") == [.character("?")])
        #expect(try KeyNotation.parse("G") == [.character("G")])
        #expect(try KeyNotation.parse("<C-x>") == [.control("x")])
        #expect(try KeyNotation.parse("<C-X>") == [.control("x")])
        #expect(try KeyNotation.parse("<C-/>") == [.control("_")])
        #expect(try KeyNotation.parse("<M-b>") == [.alt("b")])
        #expect(try KeyNotation.parse("<M-Enter>") == [.altEnter])
        #expect(try KeyNotation.parse("<M-BS>") == [.altBackspace])
        #expect(try KeyNotation.parse("<S-Up>") == [.shiftUp])
        #expect(try KeyNotation.parse("<S-Down>") == [.shiftDown])
        #expect(try KeyNotation.parse("<S-Tab>") == [.backTab])
        #expect(try KeyNotation.parse("<F1>") == [.function(1)])
        #expect(try KeyNotation.parse("<f12>") == [.function(12)])
        #expect(try KeyNotation.parse("<Enter>") == [.enter])
        #expect(try KeyNotation.parse("<Esc>") == [.escape])
        #expect(try KeyNotation.parse("<Tab>") == [.tab])
        #expect(try KeyNotation.parse("<Space>") == [.space])
        #expect(try KeyNotation.parse("<BS>") == [.backspace])
        #expect(try KeyNotation.parse("<Del>") == [.delete])
        #expect(try KeyNotation.parse("<PgUp><PgDn>") == [.pageUp, .pageDown])
        #expect(try KeyNotation.parse("<Up><Down><Left><Right>") == [.up, .down, .left, .right])
        #expect(try KeyNotation.parse("<Home><End>") == [.home, .end])
        #expect(try KeyNotation.parse("gg") == [.character("g"), .character("g")])
        #expect(try KeyNotation.parse("<C-x><C-e>") == [.control("x"), .control("e")])
        #expect(try KeyNotation.parse("<lt>") == [.character("<")])
        #expect(try KeyNotation.parse("你") == [.character("你")])
    }

    @Test func rejectsUnknownNames() {
        #expect(throws: KeyNotation.Failure(text: "<Foo>", reason: "unknown key name")) {
            try KeyNotation.parse("<Foo>")
        }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("<F13>") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("<F01>") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("<C-x") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse(" ") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("<X-a>") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("<C-ab>") }
        #expect(throws: KeyNotation.Failure.self) { try KeyNotation.parse("\u{1B}") }
    }

    @Test func namesRoundTrip() throws {
        let keys: [Key] = [
            .character("a"), .character("<"), .control("x"), .alt("f"), .enter, .altEnter, .escape, .tab, .backTab,
            .space, .backspace, .altBackspace, .delete, .insert, .up, .down, .left, .right, .shiftUp, .shiftDown,
            .controlLeft, .controlRight, .home, .end, .pageUp, .pageDown, .function(5),
        ]
        for key in keys {
            #expect(try KeyNotation.parse(KeyNotation.name(key)) == [key], "\(key)")
        }
        #expect(KeyNotation.name([.control("x"), .control("e")]) == "<C-x><C-e>")
        #expect(KeyNotation.name(.character(" ")) == "<Space>")
        #expect(KeyNotation.describe([[.character("j")], [.down]]) == "j <Down>")
        #expect(KeyNotation.describe([]) == "unbound")
    }
}

@Suite struct KeyMapTests {
    static let known: [String: Set<String>] = [
        "global": ["help", "queue", "quit"],
        "reading": ["scroll-down", "top", "bottom"],
        "ranking": ["move-up", "move-down", "pick"],
    ]

    static func builtIn() throws -> KeyMap {
        try KeyMap(names: [
            "global": ["help": ["?", "<F1>"], "queue": ["Q"], "quit": ["q", "<C-c>"]],
            "reading": ["scroll-down": ["j", "<Down>"], "top": ["gg"], "bottom": ["G"]],
            "ranking": ["move-up": ["K"], "move-down": ["J"], "pick": ["<Space>"]],
        ])
    }

    private func overlay(_ text: String, discouraged: [String: String] = [:]) throws -> (KeyMap, [TOMLError]) {
        let result = try Self.builtIn().overlaying(
            toml: text, file: "keys.toml", known: Self.known, discouraged: discouraged)
        return (result.map, result.warnings)
    }

    private func failure(_ text: String) -> TOMLError? {
        do {
            _ = try overlay(text)
            return nil
        } catch let error as TOMLError {
            return error
        } catch {
            return nil
        }
    }

    @Test func builtInMapIsValid() throws {
        try Self.builtIn().validate()
        #expect(try Self.builtIn().action(for: [.character("g"), .character("g")], in: "reading") == "top")
        #expect(try Self.builtIn().action(for: [.character(" ")], in: "ranking") == "pick")
    }

    @Test func userFileOverridesAndUnbinds() throws {
        let (map, warnings) = try overlay(
            """
            # only what differs
            [global]
            queue = ["o", "<F4>"]
            help = []
            [ranking]
            move-up = "<S-Up>"
            """)
        #expect(warnings.isEmpty)
        #expect(map.sequences(for: "queue", in: "global") == [[.character("o")], [.function(4)]])
        #expect(map.sequences(for: "help", in: "global").isEmpty)
        #expect(map.sequences(for: "move-up", in: "ranking") == [[.shiftUp]])
        #expect(map.sequences(for: "quit", in: "global") == [[.character("q")], [.control("c")]])
        #expect(map.action(for: [.character("Q")], in: "global") == nil)
    }

    @Test func unknownNamesAreErrorsWithLines() {
        #expect(failure("[global]\nqueue = [\"o\"]\n[nowhere]\nx = []")?.line == 3)
        #expect(failure("[nowhere]\nx = []")?.message.hasPrefix("unknown context [nowhere]") == true)
        let action = failure("[global]\n\nfly = [\"f\"]")
        #expect(action?.line == 3)
        #expect(action?.description.hasPrefix("keys.toml:3: unknown action 'fly' in [global]") == true)
        let key = failure("[global]\nqueue = [\n  \"o\",\n  \"<Hyper-x>\",\n]")
        #expect(key?.line == 4)
        #expect(key?.message == "unknown key name '<Hyper-x>'")
        #expect(failure("[global]\nqueue = 1")?.message == "global.queue must be a list of key names")
        #expect(failure("global = 1")?.message == "global must be a table of actions")
    }

    @Test func conflictsAreErrors() {
        let twice = failure("[global]\nqueue = [\"q\"]")
        #expect(twice?.line == 2)
        #expect(twice?.message == "q is bound to both global.queue and global.quit")
        let prefix = failure("[reading]\n\nbottom = [\"g\"]")
        #expect(prefix?.line == 3)
        #expect(prefix?.message == "g (reading.bottom) is a prefix of gg (reading.top)")
        #expect(failure("[ranking]\npick = [\"J\", \"<C-x>\"]")?.message.contains("ranking.move-down") == true)
        #expect(failure("[global]\nqueue = [\"j\"]") == nil)
    }

    @Test func builtInConflictsNameNoUserFile() throws {
        let map = try KeyMap(names: ["global": ["a": ["x"], "b": ["x"]]])
        #expect(throws: TOMLError(file: "built-in", line: 0, message: "x is bound to both global.a and global.b")) {
            try map.validate()
        }
    }

    @Test func discouragedKeysWarn() throws {
        let (_, warnings) = try overlay(
            "[global]\nqueue = [\"<C-q>\"]", discouraged: ["<C-q>": "XON/XOFF flow control"])
        #expect(warnings.count == 1)
        #expect(
            warnings.first?.description
                == "keys.toml:2: <C-q> for global.queue is best left unbound: XON/XOFF flow control")
    }
}

@Suite struct KeySequenceMatcherTests {
    @Test func matchesSinglesSequencesAndPrefixes() throws {
        let map = try KeyMapTests.builtIn()
        var matcher = KeySequenceMatcher()
        let contexts = ["reading", "global"]
        #expect(
            matcher.feed(.character("j"), contexts: contexts, in: map)
                == .matched(action: "scroll-down", context: "reading"))
        #expect(matcher.feed(.character("g"), contexts: contexts, in: map) == .pending([.character("g")]))
        #expect(matcher.pending == [.character("g")])
        #expect(
            matcher.feed(.character("g"), contexts: contexts, in: map) == .matched(action: "top", context: "reading"))
        #expect(matcher.pending.isEmpty)
        #expect(
            matcher.feed(.character("q"), contexts: contexts, in: map) == .matched(action: "quit", context: "global"))
        #expect(matcher.feed(.character("z"), contexts: contexts, in: map) == .noMatch([.character("z")]))
    }

    @Test func deadPrefixRetriesTheLastKey() throws {
        let map = try KeyMapTests.builtIn()
        var matcher = KeySequenceMatcher()
        _ = matcher.feed(.character("g"), contexts: ["reading"], in: map)
        #expect(
            matcher.feed(.down, contexts: ["reading"], in: map) == .matched(action: "scroll-down", context: "reading"))
        _ = matcher.feed(.character("g"), contexts: ["reading"], in: map)
        #expect(
            matcher.feed(.character("x"), contexts: ["reading"], in: map)
                == .noMatch([.character("g"), .character("x")]))
        #expect(matcher.pending.isEmpty)
    }

    @Test func multiKeyControlSequenceAndReset() throws {
        let map = try KeyMap(names: ["writing": ["external-editor": ["<C-x><C-e>"], "review": ["<C-s>"]]])
        var matcher = KeySequenceMatcher()
        #expect(matcher.feed(.control("x"), contexts: ["writing"], in: map) == .pending([.control("x")]))
        matcher.reset()
        #expect(matcher.feed(.control("e"), contexts: ["writing"], in: map) == .noMatch([.control("e")]))
        _ = matcher.feed(.control("x"), contexts: ["writing"], in: map)
        #expect(
            matcher.feed(.control("e"), contexts: ["writing"], in: map)
                == .matched(action: "external-editor", context: "writing"))
        #expect(matcher.feed(.character(" "), contexts: ["writing"], in: map) == .noMatch([.space]))
    }
}
