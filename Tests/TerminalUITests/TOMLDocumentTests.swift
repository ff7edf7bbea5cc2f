import Testing

@testable import TerminalUI

@Suite struct TOMLDocumentTests {
    private func parse(_ text: String) throws -> TOMLDocument { try TOMLDocument(parsing: text, file: "t.toml") }

    private func failure(_ text: String) -> TOMLError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as TOMLError {
            return error
        } catch {
            return nil
        }
    }

    @Test func readsScalarsWithTheirLines() throws {
        let document = try parse(
            """
            # config
            server = "https://oasst.example.org"   # comment
            user   = 'alice'
            mouse  = true
            count = -1_000
            hex = 0xff
            ratio = 0.5

            [ranking]
            move-up = ["K", "<S-Up>"]
            """)
        #expect(document.root["server"]?.string == "https://oasst.example.org")
        #expect(document.root["server"]?.line == 2)
        #expect(document.root["user"]?.string == "alice")
        #expect(document.root["mouse"]?.boolean == true)
        #expect(document.root["count"]?.integer == -1000)
        #expect(document.root["hex"]?.integer == 255)
        #expect(document.root["ratio"]?.float == 0.5)
        let keys = try #require(document.value(at: ["ranking", "move-up"]))
        #expect(keys.array?.compactMap(\.string) == ["K", "<S-Up>"])
        #expect(keys.line == 10)
        #expect(document.root["ranking"]?.table?.line == 9)
        #expect(document.root.keys == ["server", "user", "mouse", "count", "hex", "ratio", "ranking"])
    }

    @Test func dottedQuotedKeysAndInlineTables() throws {
        let document = try parse(
            """
            "status.offline" = { fg = "red", bold = true }
            a.b.c = 1
            a.d = "x"
            'lit.key' = { nested.deep = [1, 2] }
            """)
        let offline = try #require(document.root["status.offline"]?.table)
        #expect(offline["fg"]?.string == "red")
        #expect(offline["bold"]?.boolean == true)
        #expect(document.value(at: ["a", "b", "c"])?.integer == 1)
        #expect(document.value(at: ["a", "d"])?.string == "x")
        #expect(document.value(at: ["lit.key", "nested", "deep"])?.array?.count == 2)
    }

    @Test func stringsAndEscapes() throws {
        let document = try parse(
            #"""
            basic = "tab\there \"q\" \u00e9 \U0001F600"
            literal = 'C:\path\n'
            multi = """
            one
            two \
               three"""
            raw = '''
            keep \n this'''
            """#)
        #expect(document.root["basic"]?.string == "tab\there \"q\" é 😀")
        #expect(document.root["literal"]?.string == "C:\\path\\n")
        #expect(document.root["multi"]?.string == "one\ntwo three")
        #expect(document.root["raw"]?.string == "keep \\n this")
    }

    @Test func multiLineArraysAndArraysOfTables() throws {
        let document = try parse(
            """
            list = [
              "a",  # first
              "b",
            ]
            [[server]]
            name = "one"
            [[server]]
            name = "two"
            [server.extra]
            port = 8080
            """)
        #expect(document.root["list"]?.array?.compactMap(\.string) == ["a", "b"])
        let servers = try #require(document.root["server"]?.array)
        #expect(servers.compactMap { $0.table?["name"]?.string } == ["one", "two"])
        #expect(servers[1].table?["extra"]?.table?["port"]?.integer == 8080)
        #expect(try parse("empty = []").root["empty"]?.array?.isEmpty == true)
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(
            failure("a = 1\nb = \"open\n")
                == TOMLError(file: "t.toml", line: 2, message: "newline in a single-line string"))
        #expect(failure("a = 1\na = 2")?.line == 2)
        #expect(failure("a = 1\na = 2")?.message == "duplicate key a")
        #expect(failure("[t]\n[t]")?.message == "table [t] is defined twice")
        #expect(failure("x = bare")?.message == "invalid value 'bare' (strings need quotes)")
        #expect(failure("\n\nd = 1979-05-27")?.line == 3)
        #expect(failure("a = [1, 2")?.message == "unterminated array")
        #expect(failure("a = 1 b = 2")?.line == 1)
        #expect(failure("a = { x = 1 }\n[a]\ny = 2")?.line == 2)
        #expect(failure("a = 1\n[a.b]")?.message == "key a already holds a integer")
        #expect(failure("= 1") != nil)
        #expect(failure("a = \"\\q\"")?.message == "unknown escape \\q")
        #expect(failure("a = 012") != nil)
        #expect(failure("a = 1__0") != nil)
        #expect((try? parse("t.toml = 1"))?.value(at: ["t", "toml"])?.integer == 1)
    }

    @Test func errorDescriptionIsFileColonLine() {
        #expect(TOMLError(file: "keys.toml", line: 7, message: "bad").description == "keys.toml:7: bad")
    }
}
