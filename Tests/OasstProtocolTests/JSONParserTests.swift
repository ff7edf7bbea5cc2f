import Foundation
import OasstProtocol
import TestSupport
import Testing

/// The project's own JSON reader (`OasstJSON.decode`) against Foundation's, and on the corners of RFC 8259.
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try OasstJSON.decode(JSONValue.self, from: Data(text.utf8))
    }

    private func foundationTaskDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = OasstDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date")
            }
            return date
        }
        return decoder
    }

    @Test func everyFixtureFileReadsAsFoundationReadsIt() throws {
        let files =
            try FixtureDirectory.exchangeFiles() + [
                FixtureDirectory.openAssistantBackend.appendingPathComponent("openapi.json")
            ]
        #expect(files.count >= 99)
        for file in files {
            let data = try Data(contentsOf: file)
            let ours = try OasstJSON.decode(JSONValue.self, from: data)
            let foundation = try JSONDecoder().decode(JSONValue.self, from: data)
            #expect(ours == foundation, "\(file.lastPathComponent)")
        }
    }

    @Test func everyRecordedTaskDecodesAsWithFoundationsDecoder() throws {
        var tasks = 0
        for exchange in try RecordedExchange.all() {
            guard let body = exchange.response.body, body["type"] != nil, body["id"] != nil else { continue }
            let data = try RecordedExchange.data(body)
            guard let reference = try? foundationTaskDecoder().decode(OasstTask.self, from: data) else { continue }
            #expect(try OasstJSON.decode(OasstTask.self, from: data) == reference)
            #expect(try OasstJSON.decode(OasstTask.self, from: body) == reference)
            tasks += 1
        }
        #expect(tasks >= 20)
    }

    @Test func escapesAndSurrogatePairsBecomeTheirCharacters() throws {
        let value = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d", "\ud83d\ude00", "x\ud83dy", "\udc00"]"#)
        #expect(
            value
                == .array([
                    .string("a\"b\\c/d\u{8}\u{C}\n\r\t"), .string("é中"), .string("😀"),
                    .string("x\u{FFFD}y"), .string("\u{FFFD}"),
                ]))
    }

    @Test func rawUTF8TextIsKept() throws {
        #expect(try parse("\"日本語 ✓ 😀\"") == .string("日本語 ✓ 😀"))
    }

    @Test func numbersKeepIntegersExactAndTheRestAsDoubles() throws {
        let value = try parse(
            "[0, -0, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5e3, -2.25, 1E-2]")
        #expect(
            value
                == .array([
                    .integer(0), .integer(0), .integer(.max), .integer(.min),
                    .double(9_223_372_036_854_775_808), .double(1500), .double(-2.25), .double(0.01),
                ]))
        if case .array(let elements) = value, case .integer = elements[2] {
        } else {
            Issue.record("Int64.max must stay an integer")
        }
    }

    @Test func whitespaceAroundAndInsideIsAllowed() throws {
        #expect(
            try parse(" \t\r\n{ \"a\" : [ 1 , true , null ] , \"b\" : { } }\n")
                == .object(["a": .array([.integer(1), .bool(true), .null]), "b": .object([:])]))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "[1 2]",
        "{\"a\" 1}", "{a:1}", "\"abc", "\"a\\x\"", "\"\\u12\"", "1 2", "[] x", "NaN", "'a'", "\"tab\there\"",
        "1e999",
    ])
    func malformedTextIsRefusedWithAReason(text: String) {
        let error = #expect(throws: OasstDecodingError.self) { try parse(text) }
        #expect(error?.reason.hasPrefix("not valid JSON") == true, "\(error?.reason ?? "")")
    }

    @Test func invalidUTF8IsRefused() {
        let bytes = Data([0x22, 0x61, 0xFF, 0x62, 0x22])
        let error = #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: bytes) }
        #expect(error?.reason.contains("UTF-8") == true)
        let escaped = Data([0x22, 0x5C, 0x6E, 0xC3, 0x22])
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: escaped) }
    }

    @Test func errorsNameTheArrayElementAndTheWantedType() {
        let error = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode([String: [Int]].self, from: Data(#"{"a":[1,2,"x"]}"#.utf8))
        }
        #expect(error?.path == "a[2]")
        #expect(error?.reason == "expected Int")
        let tooBig = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode([Int8].self, from: Data("[1, 300]".utf8))
        }
        #expect(tooBig?.path == "[1]")
        #expect(tooBig?.reason.contains("does not fit") == true)
    }

    @Test func optionalsAcceptNullAndAbsenceButNotTheWrongType() throws {
        struct Sample: Decodable, Equatable {
            var name: String?
            var count: Int?
            var tags: [String]?
        }
        #expect(try OasstJSON.decode(Sample.self, from: Data(#"{"name":null}"#.utf8)) == Sample())
        #expect(
            try OasstJSON.decode(Sample.self, from: Data(#"{"name":"a","count":2,"tags":["x"]}"#.utf8))
                == Sample(name: "a", count: 2, tags: ["x"]))
        let error = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode(Sample.self, from: Data(#"{"count":"2"}"#.utf8))
        }
        #expect(error?.path == "count")
    }

    @Test func integralDoublesReadAsIntegersAndIntegersAsDoubles() throws {
        #expect(try OasstJSON.decode([Int].self, from: Data("[2.0, 3]".utf8)) == [2, 3])
        #expect(try OasstJSON.decode([Double].self, from: Data("[2, 0.5]".utf8)) == [2, 0.5])
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode([Int].self, from: Data("[2.5]".utf8)) }
    }
}

/// The eight-bytes-at-a-time string scan must find every quote, escape, control character and non-ASCII byte
/// wherever it falls in a word.
@Suite struct JSONStringScanTests {
    @Test(arguments: 0..<17)
    func specialBytesAreFoundAtEveryOffset(offset: Int) throws {
        let before = String(repeating: "a", count: offset)
        let after = String(repeating: "b", count: 16 - offset)
        for (escaped, expected) in [("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("é", "é"), ("中", "中"), ("", "")] {
            let json = "\"" + before + escaped + after + "\""
            let value = try OasstJSON.decode(JSONValue.self, from: Data(json.utf8))
            #expect(value == .string(before + expected + after), "\(json)")
        }
        let control = Data(("\"" + before).utf8) + Data([0x01]) + Data((after + "\"").utf8)
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: control) }
        let invalid = Data(("\"" + before).utf8) + Data([0xC3, 0x28]) + Data((after + "\"").utf8)
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: invalid) }
        let unterminated = Data(("\"" + before + after).utf8)
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: unterminated) }
    }

    @Test func longRunsBetweenEscapesAreCopiedWhole() throws {
        let pieces = [
            "\\n", String(repeating: "x", count: 30), "\\t", String(repeating: "é", count: 20), "\\\"", "yyyyyyyyy",
        ]
        let json = "\"" + pieces.joined() + "\""
        let expected =
            "\n" + String(repeating: "x", count: 30) + "\t" + String(repeating: "é", count: 20) + "\"yyyyyyyyy"
        #expect(try OasstJSON.decode(JSONValue.self, from: Data(json.utf8)) == .string(expected))
        let broken = Data("\"\\n\(String(repeating: "x", count: 20))".utf8) + Data([0xE9]) + Data("zzzzzzzzzz\"".utf8)
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: broken) }
    }
}
