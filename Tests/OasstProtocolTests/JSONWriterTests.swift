import Foundation
import OasstProtocol
import TestSupport
import Testing

/// `OasstJSON.encode` writes tasks with its own writer; the bytes must be exactly what `JSONEncoder` gives.
@Suite struct JSONWriterTests {
    private func expectSameBytes<T: Encodable>(_ value: T, _ comment: Comment? = nil) throws {
        let ours = try OasstJSON.encode(value)
        let foundation = try OasstJSON.makeEncoder().encode(value)
        #expect(
            String(decoding: ours, as: UTF8.self) == String(decoding: foundation, as: UTF8.self), comment)
    }

    private static let awkward =
        "quote \" backslash \\ slash / tab \t line\nreturn\r bell \u{7} nul \u{0} unit \u{1F} 日本 😀 \u{2028}"

    private static let message = ConversationMessage(
        id: UUID(), userID: UUID(), frontendMessageID: "f/1", text: awkward, lang: "en", isAssistant: true,
        emojis: ["+1": 2, "-1": 1, "_skip_reply": 3, "Zed": 0, "red_flag": 4], userEmojis: ["+1", "ä"],
        userIsAuthor: false, synthetic: true)

    private static let bareMessage = ConversationMessage(id: UUID(), text: "", isAssistant: false)

    private static let conversation = Conversation(messages: [message, bareMessage])

    private static let labels = [
        LabelDescription(name: "spam", widget: .yesNo, displayText: "Spam?", helpText: awkward),
        LabelDescription(name: "quality", widget: .likert, displayText: "Quality"),
        LabelDescription(name: "new", widget: .other("slider/2"), displayText: "New"),
    ]

    private static let labeling = LabelingTask(
        id: UUID(), messageID: UUID(), validLabels: ["spam", "quality"], labels: labels, conversation: conversation,
        text: awkward)

    static let tasks: [OasstTask] = [
        .initialPrompt(InitialPromptTask(id: UUID(), hint: awkward)),
        .initialPrompt(InitialPromptTask(id: UUID())),
        .prompterReply(PrompterReplyTask(id: UUID(), hint: nil, conversation: conversation)),
        .assistantReply(AssistantReplyTask(id: UUID(), conversation: Conversation())),
        .rankInitialPrompts(RankInitialPromptsTask(id: UUID(), prompts: [awkward, "b"], promptMessages: [message])),
        .rankPrompterReplies(
            RankRepliesTask(
                id: UUID(), conversation: conversation, replies: ["a", awkward], replyMessages: [message, bareMessage],
                messageTreeID: UUID(), rankingParentID: UUID(), revealSynthetic: false)),
        .rankAssistantReplies(
            RankRepliesTask(
                id: UUID(), conversation: Conversation(), replies: [], replyMessages: [], messageTreeID: UUID(),
                rankingParentID: UUID(), revealSynthetic: true)),
        .labelInitialPrompt(labeling),
        .labelPrompterReply(labeling),
        .labelAssistantReply(
            LabelingTask(
                id: UUID(), messageID: UUID(), validLabels: [], mandatoryLabels: [], mode: nil, disposition: nil,
                labels: [], conversation: Conversation())),
        .summarizeStory(SummarizeStoryTask(id: UUID(), story: awkward)),
        .rateSummary(RateSummaryTask(id: UUID(), scale: RatingScale(min: -2, max: 10), fullText: "f", summary: "s")),
    ]

    @Test(arguments: 0..<tasks.count)
    func everyTaskTypeWritesTheEncodersBytes(index: Int) throws {
        try expectSameBytes(Self.tasks[index], "\(Self.tasks[index].typeName)")
    }

    @Test func everyRecordedTaskWritesTheEncodersBytes() throws {
        var tasks = 0
        for exchange in try RecordedExchange.all() {
            guard let body = exchange.response.body, body["type"] != nil, body["id"] != nil,
                let task = try? OasstJSON.decode(OasstTask.self, from: body)
            else { continue }
            try expectSameBytes(task, "\(exchange.name)")
            tasks += 1
        }
        #expect(tasks >= 20)
    }

    @Test func partsAndTaskDoneWriteTheEncodersBytes() throws {
        try expectSameBytes(Self.message)
        try expectSameBytes(Self.bareMessage)
        try expectSameBytes(Self.conversation)
        try expectSameBytes(Self.labels)
        try expectSameBytes(RatingScale())
        try expectSameBytes(TaskDone(id: UUID()))
    }

    @Test func requestBodiesWriteTheEncodersBytes() throws {
        let user = User(id: "a/\"b", displayName: Self.awkward, authMethod: "local")
        for type in TaskType.allCases {
            try expectSameBytes(TaskRequest(type: type, user: user), "\(type)")
        }
        try expectSameBytes(TaskRequest(type: .random, user: user, lang: "de", collective: false))
        try expectSameBytes(TaskRequest(type: .random, user: user, lang: Self.awkward, collective: true))
        try expectSameBytes(AckRequest(messageID: "0b0e7a0e-5f5c-4c3e-9b1a-3f3c2c1d0e0f"))
        try expectSameBytes(AckRequest(messageID: Self.awkward))
        try expectSameBytes(NackRequest())
        try expectSameBytes(NackRequest(reason: Self.awkward))
        let request = TaskRequest(type: .labelAssistantReply, user: user, lang: "ja")
        #expect(try OasstJSON.decode(TaskRequest.self, from: OasstJSON.encode(request)) == request)
    }

    @Test func labelMapsWriteTheEncodersBytes() throws {
        let values: [Double] = [0, 1, 0.5, 0.25, 0.1, 0.1 + 0.2, 2.0 / 3, 1e-7, 5e-324, 1e16, 1e15, 12345.678, -0.0]
        for value in values {
            let labels = ["spam": value, "quality": 1 - value, "Zed": value / 3, "ä": 0.75, "lang_mismatch": 0]
            let foundation = try OasstJSON.makeEncoder().encode(labels)
            #expect(OasstJSON.labelsText(labels) == String(decoding: foundation, as: UTF8.self), "\(value)")
        }
        #expect(OasstJSON.labelsText([:]) == "{}")
        #expect(OasstJSON.labelsText(["spam": .nan]) == nil)
        #expect(OasstJSON.labelsText(["spam": 0, "quality": .infinity]) == nil)
    }

    static let interactions: [Interaction] = {
        let user = User(id: "a/\"b", displayName: awkward, authMethod: "local")
        return [
            .textReplyToMessage(
                TextReplyInteraction(messageID: "m", userMessageID: "u/1", text: awkward, lang: "de", user: user)),
            .textReplyToMessage(TextReplyInteraction(messageID: "m", userMessageID: "u", text: "", user: user)),
            .messageRating(MessageRatingInteraction(messageID: "m", rating: -3, user: user)),
            .messageRanking(
                MessageRankingInteraction(messageID: "m", ranking: [2, 0, 1], notRankable: false, user: user)),
            .messageRanking(MessageRankingInteraction(messageID: "m", ranking: [], notRankable: true, user: user)),
            .textLabels(
                TextLabelsInteraction(
                    messageID: UUID(), taskID: UUID(), text: awkward,
                    labels: ["spam": 0, "quality": 0.75, "humor": 1, "creativity": 1.0 / 3], lang: "de", user: user)),
            .textLabels(
                TextLabelsInteraction(
                    messageID: UUID(), taskID: nil, text: "", labels: [:], isReport: true, user: user)),
            .textLabels(
                TextLabelsInteraction(
                    messageID: UUID(), taskID: nil, text: "t", labels: ["spam": 0.1 + 0.2], isReport: false,
                    user: user)),
        ]
    }()

    @Test(arguments: 0..<interactions.count)
    func interactionsWriteTheEncodersBytes(index: Int) throws {
        try expectSameBytes(Self.interactions[index], "\(Self.interactions[index].type)")
        #expect(
            try OasstJSON.decode(Interaction.self, from: OasstJSON.encode(Self.interactions[index]))
                == Self.interactions[index])
    }

    @Test func labelsThatJSONCannotHoldStillFailToEncode() {
        let user = User(id: "u", displayName: "U", authMethod: "local")
        for value in [Double.nan, .infinity, -.infinity] {
            let labels = Interaction.textLabels(
                TextLabelsInteraction(messageID: UUID(), taskID: UUID(), text: "", labels: ["spam": value], user: user))
            #expect(throws: (any Error).self) { try OasstJSON.encode(labels) }
        }
    }

    @Test func everyRecordedInteractionWritesTheEncodersBytes() throws {
        var interactions = 0
        for exchange in try RecordedExchange.all() {
            guard let body = exchange.request.body,
                let interaction = try? OasstJSON.decode(Interaction.self, from: body)
            else { continue }
            try expectSameBytes(interaction, "\(exchange.name)")
            interactions += 1
        }
        #expect(interactions >= 10)
    }

    @Test func writtenTasksReadBackUnchanged() throws {
        for task in Self.tasks {
            #expect(try OasstJSON.decode(OasstTask.self, from: OasstJSON.encode(task)) == task)
        }
    }

    @Test func stringListsWriteTheEncodersBytes() throws {
        try expectSameBytes([String]())
        try expectSameBytes(["spam", "fails_task", Self.awkward, "", "a/b"])
        let back = try OasstJSON.decode([String].self, from: OasstJSON.encode([Self.awkward, "x"]))
        #expect(back == [Self.awkward, "x"])
    }

    /// Strings are scanned eight bytes at a time: every character that needs escaping, at every offset of a text
    /// longer than two words (and in texts of every length up to that), next to multi-byte characters.
    @Test func escapesAreFoundAtEveryOffset() throws {
        let special = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) } + ["\"", "\\"]
        for character in special {
            var texts: [String] = []
            for offset in 0..<20 {
                var text = Array(repeating: Character("a"), count: 20)
                text[offset] = character
                texts.append(String(text))
                texts.append("é" + String(text) + "日本")
            }
            for length in 0..<18 {
                texts.append(String(repeating: "b", count: length) + String(character))
            }
            try expectSameBytes(texts, "escaping U+\(String(character.unicodeScalars.first?.value ?? 0, radix: 16))")
        }
        try expectSameBytes([String(repeating: "~ plain text é 😀 ", count: 9), "0123456789abcdef", "\u{7F}\u{80}ÿ"])
    }

    @Test func unknownTasksKeepTheirJSON() throws {
        let raw: JSONValue = .object(["type": .string("future_task"), "id": .string("x"), "n": .double(0.5)])
        let task = OasstTask.unknown(type: "future_task", raw: raw)
        #expect(try OasstJSON.decode(JSONValue.self, from: OasstJSON.encode(task)) == raw)
    }
}
