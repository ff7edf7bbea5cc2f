import Foundation
import OasstProtocol
import Testing

@Suite struct HostileInputTests {
    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func tenThousandDeepArraysAreRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode(JSONValue.self, from: data(deep))
        }
        #expect(error?.reason.contains("deeper than \(OasstJSON.maxDepth)") == true)
    }

    @Test func tenThousandDeepObjectsInsideATaskAreRefused() {
        let deep =
            "{\"id\":\"e9f49694-a5ee-4115-bfa6-9482dfb0f138\",\"type\":\"x\",\"raw\":"
            + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}"
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(OasstTask.self, from: data(deep)) }
    }

    @Test func bracketsInsideStringsDoNotCountAsNesting() throws {
        let text = "{\"a\":\"" + String(repeating: "[{", count: 5_000) + "\\\"]\"}"
        let value = try OasstJSON.decode(JSONValue.self, from: data(text))
        #expect(value["a"]?.stringValue?.count == 10_002)
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
        let depth = OasstJSON.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try OasstJSON.decode(JSONValue.self, from: data(text)) }
    }

    @Test func tenMegabyteStringWhereATaskIsExpectedIsATypeError() {
        let huge = "\"" + String(repeating: "x", count: 10_000_000) + "\""
        let error = #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(OasstTask.self, from: data(huge)) }
        #expect((error?.description.count ?? .max) < 500, "the error must not echo the 10 MB string")
    }

    @Test func tenMegabyteMessageTextDecodesWithoutTrouble() throws {
        let text = String(repeating: "y", count: 10_000_000)
        let body =
            "{\"id\":\"fb414079-2318-4e0f-93c7-d22f96c90d1e\",\"type\":\"assistant_reply\",\"conversation\":"
            + "{\"messages\":[{\"id\":\"fb414079-2318-4e0f-93c7-d22f96c90d1e\",\"text\":\"\(text)\",\"is_assistant\":false}]}}"
        let task = try OasstJSON.decode(OasstTask.self, from: data(body))
        #expect(task.conversation?.messages.first?.text.utf8.count == 10_000_000)
    }

    @Test func tenMegabyteStringAsAUUIDIsAClearError() {
        let body = "{\"id\":\"" + String(repeating: "9", count: 10_000_000) + "\",\"type\":\"task_done\"}"
        let error = #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(TaskDone.self, from: data(body)) }
        #expect(error?.path == "id")
        #expect((error?.description.count ?? .max) < 500)
    }

    @Test(arguments: [
        ("{\"id\":\"alice\",\"display_name\":\"A\"}", "auth_method"),
        ("{\"id\":5,\"display_name\":\"A\",\"auth_method\":\"local\"}", "id"),
        ("{\"id\":\"a\",\"display_name\":null,\"auth_method\":\"local\"}", "display_name"),
    ])
    func wrongOrMissingUserFieldsNameTheField(body: String, field: String) {
        let error = #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(User.self, from: data(body)) }
        #expect(error?.path == field)
        #expect(error?.description.contains(field) == true)
    }

    @Test func taskWithWrongFieldTypeNamesThePath() {
        let body = """
            {"id":"d4aca0fd-b777-435e-aa70-448569d27f2e","type":"assistant_reply",
             "conversation":{"messages":[{"id":"eef13410-0000-4000-8000-000000000000","text":"hi","is_assistant":"no"}]}}
            """
        let error = #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(OasstTask.self, from: data(body)) }
        #expect(error?.path == "conversation.messages[0].is_assistant")
    }

    @Test func taskWithoutTypeIsAnError() {
        let error = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode(OasstTask.self, from: data("{\"id\":\"d4aca0fd-b777-435e-aa70-448569d27f2e\"}"))
        }
        #expect(error?.path == "type")
    }

    @Test(arguments: ["", "{", "nul", "\u{0}", "[1,2", "{\"a\" 1}", "\"unterminated"])
    func malformedJSONIsAnErrorNotACrash(text: String) {
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(JSONValue.self, from: data(text)) }
        #expect(throws: OasstDecodingError.self) { try OasstJSON.decode(OasstTask.self, from: data(text)) }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode(JSONValue.self, from: Data([0x22, 0xFF, 0xFE, 0x22]))
        }
    }

    @Test func labelValueAsStringIsRefusedByTheInteraction() {
        let body = """
            {"type":"text_labels","message_id":"bca31934-8380-49a3-adaf-b8463bf4196f","text":"t",
             "labels":{"spam":"lots"},"user":{"id":"a","display_name":"A","auth_method":"local"}}
            """
        let error = #expect(throws: OasstDecodingError.self) {
            try OasstJSON.decode(Interaction.self, from: data(body))
        }
        #expect(error?.path.hasPrefix("labels") == true)
    }
}
