import Foundation
import OasstClient
import OasstProtocol
import TestSupport
import Testing

@Suite struct OasstClientCallTests {
    private let fake = FakeTransport()

    @Test func createUserWithToSAcceptanceReplaysFixture02() async throws {
        try fake.expect(RecordedExchange.load(2))
        let user = try await ClientFixtures.client(fake).createFrontendUser(tosAcceptance: true)
        #expect(user.userID == UUID(uuidString: "ccd08dff-1c23-445d-9a46-24f8c7557fb7"))
        #expect(user.tosAcceptanceDate != nil)
        #expect(user.streakDays == nil)
        fake.verify()
    }

    @Test func createUserWithFullBodyReplaysFixture01() async throws {
        try fake.expect(RecordedExchange.load(1))
        let request = CreateFrontendUserRequest(
            user: ClientFixtures.user("alice"), tosAcceptance: true)
        var full = request
        full.showOnLeaderboard = true
        full.enabled = true
        let user = try await ClientFixtures.client(fake).createFrontendUser(full)
        #expect(user.user == ClientFixtures.user("alice"))
        fake.verify()
    }

    @Test func getUserReplaysFixture03AndSendsNoBodyOrContentType() async throws {
        try fake.expect(RecordedExchange.load(3))
        let user = try await ClientFixtures.client(fake).frontendUser()
        #expect(user.id == "alice")
        let request = try #require(fake.requests.first)
        #expect(request.body == nil)
        #expect(request.header("content-type") == nil)
        #expect(request.header("x-api-key") == ClientFixtures.apiKey)
        fake.verify()
    }

    @Test func unknownUserMeansCreateThenRetry() async throws {
        try fake.expect(RecordedExchange.load(4))
        let error = await ClientFixtures.failure {
            try await ClientFixtures.client(fake).frontendUser(ClientFixtures.user("nobody-here"))
        }
        #expect(error?.status == 404)
        #expect(error?.code == 4002)
        #expect(error?.action == .createUserThenRetry)
        fake.verify()
    }

    @Test func userPathSegmentsArePercentEncoded() async throws {
        try fake.expect(
            "GET", "/api/v1/frontend_users/local/a%3Ab%20c%2Fd%C3%A9", status: 404,
            responseBody: ClientFixtures.json("{\"error_code\":4002,\"message\":\"User not found\"}"))
        let user = User(id: "a:b c/dé", displayName: "X", authMethod: "local")
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).frontendUser(user) }
        #expect(error?.code == 4002)
        #expect(fake.mismatches.isEmpty)
        fake.verify()
    }

    @Test func availabilitySendsTheBareUserAndLang() async throws {
        try fake.expect(RecordedExchange.load(49))
        let availability = try await ClientFixtures.client(fake, user: ClientFixtures.user("dave"))
            .availability(lang: "de")
        #expect(availability[.rankPrompterReplies] == 1)
        #expect(availability[.random] == 201)
        #expect(fake.requests.first?.header("x-oasst-user") == "local:dave")
        fake.verify()
    }

    @Test func availabilityUsesTheDefaultLanguage() async throws {
        try fake.expect(RecordedExchange.load(5))
        let availability = try await ClientFixtures.client(fake).availability()
        #expect(availability[.initialPrompt] == 133)
        fake.verify()
    }

    @Test func randomTaskRequestReplaysFixture07() async throws {
        try fake.expect(RecordedExchange.load(7))
        let task = try await ClientFixtures.client(fake, user: ClientFixtures.user("carol")).requestTask()
        #expect(task.type == .rankAssistantReplies)
        #expect(task.ranking?.replyMessages.count == 3)
        let request = try #require(fake.requests.first)
        #expect(request.header("x-oasst-user") == "local:carol")
        #expect(request.header("content-type") == "application/json")
        #expect(request.url == "http://oasst.test/api/v1/tasks/")
        fake.verify()
    }

    @Test func typedTaskRequestReplaysFixture10() async throws {
        try fake.expect(RecordedExchange.load(10))
        let task = try await ClientFixtures.client(fake).requestTask(.initialPrompt, lang: "en")
        #expect(task.type == .initialPrompt)
        fake.verify()
    }

    @Test func rateLimitedRequestCarriesRetryAfter() async throws {
        try fake.expect(RecordedExchange.load(79))
        let error = await ClientFixtures.failure {
            try await ClientFixtures.client(fake, user: ClientFixtures.user("heidi")).requestTask(.assistantReply)
        }
        #expect(error?.status == 429)
        #expect(error?.code == 429)
        #expect(error?.retryAfter == 120)
        #expect(error?.action == .retryLater)
        fake.verify()
    }

    @Test func ackReplaysFixture08AndNeverParsesThe204Body() async throws {
        try fake.expect(RecordedExchange.load(8))
        let client = ClientFixtures.client(fake, user: ClientFixtures.user("carol"))
        let taskID = try #require(UUID(uuidString: "e9f49694-a5ee-4115-bfa6-9482dfb0f138"))
        try await client.ack(taskID: taskID, ackID: "ack-12315faa7fb7")
        fake.expect(
            FakeTransport.Expectation(
                method: "POST", path: "/api/v1/tasks/e9f49694-a5ee-4115-bfa6-9482dfb0f138/ack",
                reply: .response(HTTPResponse(status: 204, body: Data("<not json".utf8)))))
        try await client.ack(taskID: taskID, ackID: "ack-12315faa7fb7")
        fake.verify()
    }

    @Test func ackWithOtherIdMeansFixInput() async throws {
        try fake.expect(RecordedExchange.load(55))
        let error = await ClientFixtures.failure {
            try await ClientFixtures.client(fake).ack(
                taskID: UUID(uuidString: "051122d7-126a-47ae-bdb6-f500e49031a9")!, ackID: "ack-2b5be09fb8f2")
        }
        #expect(error?.code == 2103)
        #expect(error?.action == .fixInput)
        fake.verify()
    }

    @Test func nackSendsReasonAndTheUserHeader() async throws {
        try fake.expect(RecordedExchange.load(63))
        try await ClientFixtures.client(fake, user: ClientFixtures.user("grace")).nack(
            taskID: UUID(uuidString: "446ca886-763e-484c-bc97-93aa18d7d00e")!,
            reason: "Replies are in a language I cannot judge.")
        fake.verify()
    }

    @Test func nackWithoutReasonSendsEmptyObject() async throws {
        try fake.expect(RecordedExchange.load(99))
        try await ClientFixtures.client(fake, user: ClientFixtures.user("kate")).nack(
            taskID: UUID(uuidString: "f9d8467e-c948-4787-802e-7d7a6d2a4e76")!, reason: nil)
        #expect(fake.requests.first?.body == Data("{}".utf8))
        fake.verify()
    }

    @Test func nackReasonIsCutTo512Scalars() async throws {
        let recorded = try RecordedExchange.load(98)
        let long = try #require(recorded.request.body?["reason"]?.stringValue)
        #expect(long.unicodeScalars.count == 600)
        try fake.expect(
            "POST", recorded.request.path, headers: ["x-oasst-user": .equals("local:kate")],
            body: .json(.object(["reason": .string(String(long.prefix(512)))])), status: 204)
        try await ClientFixtures.client(fake, user: ClientFixtures.user("kate")).nack(
            taskID: UUID(uuidString: "f9d8467e-c948-4787-802e-7d7a6d2a4e76")!, reason: long)
        #expect(fake.mismatches.isEmpty)
        fake.verify()
    }

    @Test func interactionSuccessReturnsTaskDone() async throws {
        let exchange = try RecordedExchange.load(12)
        try fake.expect(exchange)
        let interaction = try OasstJSON.decode(Interaction.self, from: RecordedExchange.data(exchange.request.body))
        let done = try await ClientFixtures.client(fake).send(interaction)
        #expect(done.id == UUID(uuidString: "49281f00-e077-4f2e-b11a-6145b297d21b"))
        #expect(fake.requests.first?.header("x-oasst-user") == "local:alice")
        fake.verify()
    }

    @Test func replayedInteractionCountsAsDelivered() async throws {
        let exchange = try RecordedExchange.load(13)
        try fake.expect(exchange)
        let interaction = try OasstJSON.decode(Interaction.self, from: RecordedExchange.data(exchange.request.body))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        #expect(error?.code == 2105)
        #expect(error?.action == .delivered)
        fake.verify()
    }

    @Test func labelsBeforeAckMeansSendAckThenRetry() async throws {
        let exchange = try RecordedExchange.load(15)
        try fake.expect(exchange)
        let interaction = try OasstJSON.decode(Interaction.self, from: RecordedExchange.data(exchange.request.body))
        let error = await ClientFixtures.failure {
            try await ClientFixtures.client(fake, user: ClientFixtures.user("bob")).send(interaction)
        }
        #expect(error?.action == .sendAckThenRetry)
        fake.verify()
    }

    @Test(arguments: [(17, "body.labels"), (18, "body.labels.__key__"), (26, "body.text"), (45, "body.ranking")])
    func validationErrorsAreReducedToTheEntryThatMatters(number: Int, path: String) async throws {
        let exchange = try RecordedExchange.load(number)
        try fake.expect(exchange)
        let interaction = try OasstJSON.decode(Interaction.self, from: RecordedExchange.data(exchange.request.body))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        #expect(error?.status == 422)
        #expect(error?.code == nil)
        #expect(error?.kind == .validation)
        #expect(error?.action == .fixInput)
        #expect(error?.details.map(\.path) == [path])
        fake.verify()
    }

    @Test func validationOutsideInteractionsKeepsEveryEntry() {
        let response = HTTPResponse(
            status: 422,
            body: Data(
                "{\"detail\":[{\"loc\":[\"path\",\"task_id\"],\"msg\":\"value is not a valid uuid\",\"type\":\"type_error.uuid\"}]}"
                    .utf8))
        let error = OasstClient.failure(response)
        #expect(error.details.map(\.path) == ["path.task_id"])
        #expect(error.message == "path.task_id: value is not a valid uuid")
    }

    @Test func publicSettingsReadMessageSizeLimit() async throws {
        try fake.expect(
            "GET", "/api/v1/admin/backend_settings/public", headers: ["x-api-key": .equals(ClientFixtures.apiKey)],
            body: .none, status: 200,
            responseBody: ClientFixtures.json(
                "{\"PROJECT_NAME\":\"open-assistant backend\",\"API_V1_STR\":\"/api/v1\",\"MESSAGE_SIZE_LIMIT\":2000}"))
        let settings = try await ClientFixtures.client(fake).publicSettings()
        #expect(settings.messageSizeLimit == 2000)
        #expect(fake.mismatches.isEmpty)
        fake.verify()
    }

    @Test func transportFailuresMeanRetryLater() async throws {
        fake.expect(
            FakeTransport.Expectation(
                method: "POST", path: "/api/v1/tasks/", reply: .failure(.connectionRefused("127.0.0.1:1"))))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).requestTask() }
        #expect(error?.kind == .transport(.connectionRefused("127.0.0.1:1")))
        #expect(error?.status == nil)
        #expect(error?.action == .retryLater)
        fake.verify()
    }

    @Test func nonJSONErrorBodiesFromProxiesMeanRetryLater() async throws {
        fake.expect(
            FakeTransport.Expectation(
                method: "POST", path: "/api/v1/tasks/interaction",
                reply: .response(
                    HTTPResponse(
                        status: 502, headers: ["content-type": "text/html"],
                        body: Data("<html><body>Bad Gateway</body></html>".utf8)))))
        let interaction = Interaction.messageRanking(
            MessageRankingInteraction(messageID: "ack-1", ranking: [0, 1], user: ClientFixtures.user("alice")))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        #expect(error?.kind == .unreadableResponse)
        #expect(error?.status == 502)
        #expect(error?.code == nil)
        #expect(error?.action == .retryLater)
        #expect(error?.message.contains("Bad Gateway") == true)
        fake.verify()
    }

    @Test func unreadableSuccessBodyIsRetriedNotTrusted() async throws {
        fake.expect(
            FakeTransport.Expectation(
                method: "POST", path: "/api/v1/tasks/interaction",
                reply: .response(HTTPResponse(status: 200, body: Data("<html>captive portal</html>".utf8)))))
        let interaction = Interaction.messageRanking(
            MessageRankingInteraction(messageID: "ack-1", ranking: [0, 1], user: ClientFixtures.user("alice")))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        #expect(error?.kind == .unreadableResponse)
        #expect(error?.action == .retryLater)
        fake.verify()
    }

    @Test func unencodableInteractionIsFixInputAndNothingIsSent() async throws {
        let interaction = Interaction.textLabels(
            TextLabelsInteraction(
                messageID: UUID(), taskID: UUID(), text: "t", labels: ["quality": .nan],
                user: ClientFixtures.user("alice")))
        let error = await ClientFixtures.failure { try await ClientFixtures.client(fake).send(interaction) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.action == .fixInput)
        #expect(fake.requests.isEmpty)
    }

    @Test func otherJSONErrorShapesFollowTheStatus() {
        let notFound = OasstClient.failure(HTTPResponse(status: 404, body: Data("{\"detail\":\"Not Found\"}".utf8)))
        #expect(notFound.kind == .server)
        #expect(notFound.message == "Not Found")
        #expect(notFound.action == .holdForPerson)
        let busy = OasstClient.failure(HTTPResponse(status: 503, body: Data("{\"detail\":\"busy\"}".utf8)))
        #expect(busy.action == .retryLater)
    }

    @Test func baseURLMayEndInSlashOrApiPath() {
        for base in ["http://h:8080", "http://h:8080/", "http://h:8080/api/v1", "http://h:8080/api/v1/"] {
            let configuration = OasstClientConfiguration(
                baseURL: base, apiKey: "k", user: ClientFixtures.user("alice"))
            #expect(configuration.apiRoot == "http://h:8080/api/v1")
        }
    }

    @Test func retryAfterParsing() {
        #expect(OasstError.retryAfterSeconds(in: "Too Many Requests. Retry After 120 seconds.") == 120)
        #expect(OasstError.retryAfterSeconds(in: "retry after 5 seconds") == 5)
        #expect(OasstError.retryAfterSeconds(in: "Too Many Requests.") == nil)
        #expect(OasstError.retryAfterSeconds(in: "Retry After soon seconds") == nil)
    }

    @Test func fakeTransportFlagsUnexpectedAndMismatchedCalls() async throws {
        await withKnownIssue {
            _ = try await ClientFixtures.client(fake).publicSettings()
        }
        #expect(fake.mismatches.count == 1)
        let other = FakeTransport()
        try other.expect(RecordedExchange.load(10))
        await withKnownIssue {
            _ = try await ClientFixtures.client(other).requestTask(.assistantReply)
        }
        #expect(other.mismatches.first?.contains("body") == true)
        let never = FakeTransport()
        try never.expect(RecordedExchange.load(10))
        withKnownIssue { never.verify() }
    }
}
