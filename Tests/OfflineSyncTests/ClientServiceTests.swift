import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import TestSupport
import Testing

@testable import OfflineSync

/// The engine over the real `OasstClient` and a scripted `FakeTransport`: the bytes on the wire.
@Suite struct ClientServiceTests {
    private static let user = User(id: "alice", displayName: "Alice", authMethod: "local")

    private func engine(_ store: OfflineStore, _ transport: FakeTransport, _ clock: ManualClock) -> SyncEngine {
        let client = OasstClient(
            configuration: OasstClientConfiguration(baseURL: "http://127.0.0.1:9", apiKey: "key", user: Self.user),
            transport: transport)
        return SyncEngine(store: store, service: OasstClientService(client: client), clock: clock, random: { 0.5 })
    }

    @Test func prefetchesARecordedTaskThenDeliversAckThenInteraction() async throws {
        let store = try OfflineStore.inMemory()
        let transport = FakeTransport()
        try transport.expect(RecordedExchange.load(10))  // POST /tasks/ initial_prompt
        let clock = ManualClock(SyncFixture.t0)
        let engine = engine(store, transport, clock)
        await engine.setPrefetch(user: Self.user, policy: PrefetchPolicy(target: 1, taskType: "initial_prompt"))

        #expect(await engine.prefetch() == 1)
        let task = try #require(try store.takeReadyTask(for: Self.user, now: SyncFixture.t0))
        #expect(task.taskId == "fb414079-2318-4e0f-93c7-d22f96c90d1e")
        #expect(try task.decoded().typeName == "initial_prompt")

        let userMessageId = OfflineStore.newId()
        let item = try store.submit(
            taskId: task.taskId,
            interaction: .textReplyToMessage(
                TextReplyInteraction(
                    messageID: task.ackId, userMessageID: userMessageId, text: "How do I keep basil alive?",
                    lang: "en", user: Self.user)), now: SyncFixture.t0)
        #expect(item.userMessageId == userMessageId)

        try transport.expect(
            "POST", "/api/v1/tasks/\(task.taskId)/ack", headers: ["x-oasst-user": .equals("local:alice")],
            body: .json(.object(["message_id": .string(task.ackId)])), status: 204)
        try transport.expect(
            "POST", "/api/v1/tasks/interaction",
            body: .json(
                .object([
                    "type": .string("text_reply_to_message"), "message_id": .string(task.ackId),
                    "user_message_id": .string(userMessageId), "text": .string("How do I keep basil alive?"),
                    "lang": .string("en"),
                    "user": .object([
                        "id": .string("alice"), "display_name": .string("Alice"), "auth_method": .string("local"),
                    ]),
                ])),
            status: 400,
            responseBody: .object(["error_code": .integer(2105), "message": .string("Task already done.")]))

        #expect(await engine.flush() == [item.id: .delivered])
        transport.verify()
        #expect(try store.item(item.id)?.state == .delivered)
        #expect(try item.decodedInteraction().messageID == task.ackId)
    }

    @Test func refusedConnectionGoesOfflineAndAnyHTTPAnswerToTheProbeBringsItBack() async throws {
        let store = try OfflineStore.inMemory()
        let item = try SyncFixture.submit(store, "0b7f3a2e-6f1d-4c1e-9d55-0d9f1c6f2a10")
        let transport = FakeTransport()
        transport.expect(
            FakeTransport.Expectation(
                method: "POST", path: "/api/v1/tasks/0b7f3a2e-6f1d-4c1e-9d55-0d9f1c6f2a10/ack",
                reply: .failure(.connectionRefused("refused"))))
        try transport.expect(
            "GET", "/api/v1/admin/backend_settings/public", status: 403,
            responseBody: .object(["error_code": .integer(2), "message": .string("Not authorized")]))
        let clock = ManualClock(SyncFixture.t0)
        let engine = engine(store, transport, clock)

        #expect(await engine.flush() == [item.id: .offline])
        #expect(await engine.status == .offline(since: SyncFixture.t0))
        await engine.probe()
        #expect(await engine.status == .online)
        transport.verify()
        #expect(try store.item(item.id)?.state == .pending)
    }
}
