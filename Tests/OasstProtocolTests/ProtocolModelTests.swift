import Foundation
import OasstProtocol
import TestSupport
import Testing

@Suite struct ProtocolModelTests {
    private let alice = User(id: "alice", displayName: "Alice", authMethod: "local")

    private func tree<T: Encodable>(_ value: T) throws -> JSONValue {
        try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(value))
    }

    private func task(_ number: Int) throws -> OasstTask {
        let exchange = try RecordedExchange.load(number)
        return try OasstJSON.decode(OasstTask.self, from: RecordedExchange.data(exchange.response.body))
    }

    @Test func labelTaskAccessorsExposeWhatTheUINeeds() throws {
        let task = try task(14)
        #expect(task.type == .labelInitialPrompt)
        #expect(task.id == UUID(uuidString: "43b74fd8-893e-44ba-9d7d-50f56a1ee87a"))
        #expect(task.answerType == .textLabels)
        let labeling = try #require(task.labeling)
        #expect(labeling.messageID == UUID(uuidString: "bca31934-8380-49a3-adaf-b8463bf4196f"))
        #expect(labeling.mandatoryLabels == ["spam"])
        #expect(labeling.labels.map(\.name) == labeling.validLabels)
        #expect(labeling.labels.first?.widget == .yesNo)
        #expect(labeling.labels[1].widget == .flag)
        #expect(!labeling.isSimpleMode)
        #expect(task.conversation?.messages.last?.id == labeling.messageID)
        #expect(task.ranking == nil)
    }

    @Test(arguments: [(14, "prompt", "reply"), (32, "reply", "prompt"), (38, "reply", "prompt")])
    func labelTextTravelsUnderTheTypesOwnMember(number: Int, member: String, other: String) throws {
        let task = try task(number)
        let text = try #require(task.labeling?.text)
        let exchange = try RecordedExchange.load(number)
        let received = try OasstJSON.decode(JSONValue.self, from: RecordedExchange.data(exchange.response.body))
        #expect(received[member]?.stringValue == text)
        let sent = try tree(task)
        #expect(sent[member]?.stringValue == text)
        #expect(sent[other] == nil)
    }

    @Test func labelTextMemberFollowsTheCaseNotTheFixture() throws {
        guard case .labelAssistantReply(let payload) = try task(32) else {
            Issue.record("fixture 32 is not label_assistant_reply")
            return
        }
        let asPrompt = try tree(OasstTask.labelInitialPrompt(payload))
        #expect(asPrompt["type"]?.stringValue == "label_initial_prompt")
        #expect(asPrompt["prompt"]?.stringValue == payload.text)
        #expect(asPrompt["reply"] == nil)
        let back = try OasstJSON.decode(OasstTask.self, from: OasstJSON.encode(OasstTask.labelInitialPrompt(payload)))
        #expect(back == .labelInitialPrompt(payload))
    }

    @Test func rankingTaskAccessors() throws {
        let task = try task(50)
        #expect(task.type == .rankPrompterReplies)
        #expect(task.answerType == .messageRanking)
        let ranking = try #require(task.ranking)
        #expect(ranking.replyMessages.count == 2)
        #expect(ranking.replies == ranking.replyMessages.map(\.text))
        #expect(ranking.rankingParentID == task.conversation?.messages.last?.id)
        #expect(ranking.replyMessages.allSatisfy { $0.synthetic == nil })
    }

    @Test func writingTasks() throws {
        let initial = try task(10)
        #expect(initial.type == .initialPrompt)
        #expect(initial.conversation == nil)
        #expect(initial.answerType == .textReplyToMessage)
        guard case .initialPrompt(let payload) = initial else {
            Issue.record("expected initial_prompt")
            return
        }
        #expect(payload.hint == nil)
        #expect(try task(24).conversation?.messages.last?.isAssistant == false)
        #expect(try task(35).conversation?.messages.last?.isAssistant == true)
    }

    @Test func unknownTaskTypeKeepsItsJSONAndItsId() throws {
        let body = Data(
            """
            {"id":"11111111-2222-4333-8444-555555555555","type":"write_poem","meter":{"feet":5,"kind":"iamb"},
             "lines":[1,2.5,null,true,"x"]}
            """.utf8)
        let task = try OasstJSON.decode(OasstTask.self, from: body)
        #expect(task.typeName == "write_poem")
        #expect(task.type == nil)
        #expect(task.answerType == nil)
        #expect(task.id == UUID(uuidString: "11111111-2222-4333-8444-555555555555"))
        #expect(try tree(task) == OasstJSON.decode(JSONValue.self, from: body))
    }

    @Test func abstractBaseTypesDecodeAsUnknown() throws {
        let body = Data(
            """
            {"id":"11111111-2222-4333-8444-555555555555","type":"reply_to_conversation","conversation":{"messages":[]}}
            """.utf8)
        let task = try OasstJSON.decode(OasstTask.self, from: body)
        #expect(task.typeName == "reply_to_conversation")
        #expect(task.type == .replyToConversation)
        #expect(task.answerType == nil)
    }

    @Test func neverHandedOutTypesDecodeAndAreNotAnswerable() throws {
        let rate = Data(
            """
            {"id":"11111111-2222-4333-8444-555555555555","type":"rate_summary","full_text":"long","summary":"short"}
            """.utf8)
        let task = try OasstJSON.decode(OasstTask.self, from: rate)
        guard case .rateSummary(let payload) = task else {
            Issue.record("expected rate_summary, got \(task.typeName)")
            return
        }
        #expect(payload.scale == RatingScale(min: 1, max: 5))
        #expect(task.answerType == nil)
        #expect(TaskType.rateSummary.isHandedOut == false)
    }

    @Test func interactionsCarryTheirTypeDiscriminatorAndLowerCaseUUIDs() throws {
        let labels = Interaction.textLabels(
            TextLabelsInteraction(
                messageID: try #require(UUID(uuidString: "BCA31934-8380-49A3-ADAF-B8463BF4196F")),
                taskID: UUID(uuidString: "43B74FD8-893E-44BA-9D7D-50F56A1EE87A"), text: "t",
                labels: ["spam": 0, "quality": 0.75], user: alice))
        let encoded = try tree(labels)
        #expect(encoded["type"] == .string("text_labels"))
        #expect(encoded["message_id"] == .string("bca31934-8380-49a3-adaf-b8463bf4196f"))
        #expect(encoded["task_id"] == .string("43b74fd8-893e-44ba-9d7d-50f56a1ee87a"))
        #expect(encoded["is_report"] == nil, "absent when nil")
        #expect(encoded["labels"]?["quality"] == .double(0.75))
        #expect(labels.messageID == "bca31934-8380-49a3-adaf-b8463bf4196f")

        let reply = try tree(
            Interaction.textReplyToMessage(
                TextReplyInteraction(messageID: "ack", userMessageID: "u", text: "hi", user: alice)))
        #expect(reply["type"] == .string("text_reply_to_message"))
        #expect(reply["lang"] == nil)
        let ranking = try tree(
            Interaction.messageRanking(MessageRankingInteraction(messageID: "a", ranking: [1, 0], user: alice)))
        #expect(ranking["not_rankable"] == .bool(false))
        #expect(ranking["type"] == .string("message_ranking"))
        let rating = try tree(
            Interaction.messageRating(MessageRatingInteraction(messageID: "m", rating: 3, user: alice)))
        #expect(rating["type"] == .string("message_rating"))
    }

    @Test func nackBodyIsEmptyObjectWithoutReasonAndTruncatesByScalars() throws {
        #expect(try tree(NackRequest()) == .object([:]))
        #expect(String(decoding: try OasstJSON.encode(NackRequest()), as: UTF8.self) == "{}")
        let long = String(repeating: "é", count: 600)  // one scalar each when precomposed
        #expect(NackRequest.truncating(long).reason?.unicodeScalars.count == 512)
        let flags = String(repeating: "🇩🇪", count: 300)  // two scalars per flag
        #expect(NackRequest.truncating(flags).reason?.unicodeScalars.count == 512)
        #expect(NackRequest.truncating("short").reason == "short")
        #expect(NackRequest.truncating(nil).reason == nil)
    }

    @Test func taskRequestOmitsCollectiveAndLangWhenNil() throws {
        let encoded = try tree(TaskRequest(user: alice))
        #expect(encoded == .object(["type": .string("random"), "user": try tree(alice)]))
        let full = try tree(TaskRequest(type: .assistantReply, user: alice, lang: "de", collective: false))
        #expect(full["lang"] == .string("de"))
        #expect(full["collective"] == .bool(false))
    }

    @Test func availabilityKeepsUnknownKeys() throws {
        let body = Data("{\"random\":3,\"assistant_reply\":2,\"write_poem\":1}".utf8)
        let availability = try OasstJSON.decode(TaskAvailability.self, from: body)
        #expect(availability[.assistantReply] == 2)
        #expect(availability[.labelPrompterReply] == 0)
        #expect(availability.counts["write_poem"] == 1)
        #expect(availability.known[.random] == 3)
        #expect(try tree(availability) == OasstJSON.decode(JSONValue.self, from: body))
    }

    @Test func backendSettingsKeepEveryKey() throws {
        let body = Data("{\"MESSAGE_SIZE_LIMIT\":2000,\"PROJECT_NAME\":\"open-assistant backend\",\"NEW\":[1]}".utf8)
        let settings = try OasstJSON.decode(BackendSettings.self, from: body)
        #expect(settings.messageSizeLimit == 2000)
        #expect(settings.projectName == "open-assistant backend")
        #expect(try tree(settings) == OasstJSON.decode(JSONValue.self, from: body))
    }

    @Test func validationIssuesReadIndexesInLocations() throws {
        let body = Data(
            "{\"detail\":[{\"loc\":[\"body\",\"ranking\",0],\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}"
                .utf8)
        let error = try OasstJSON.decode(ValidationErrorBody.self, from: body)
        #expect(error.detail.first?.loc == [.key("body"), .key("ranking"), .index(0)])
        #expect(error.detail.first?.path == "body.ranking.0")
        #expect(error.detail.first?.ctx == nil)
        #expect(try tree(error) == OasstJSON.decode(JSONValue.self, from: body))
    }

    @Test func jsonValueComparesNumbersByValue() {
        #expect(JSONValue.integer(1) == .double(1.0))
        #expect(JSONValue.integer(1) != .double(1.5))
        #expect(JSONValue.integer(1) != .string("1"))
        #expect(JSONValue.bool(true) != .integer(1))
        #expect(Set([JSONValue.integer(2), .double(2)]).count == 1)
        #expect(JSONValue.object(["a": .null]) != .object([:]), "explicit null is not absence")
    }

    @Test func jsonValueDescriptionEscapes() {
        #expect(JSONValue.string("a\"b\n\u{1}").description == "\"a\\\"b\\n\\u0001\"")
        #expect(
            JSONValue.object(["b": .integer(1), "a": .array([.null, .bool(false)])]).description
                == "{\"a\":[null,false],\"b\":1}")
    }
}
