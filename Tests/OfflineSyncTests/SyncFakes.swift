import Foundation
import OasstProtocol
import OfflineStore
import OfflineSync
import Synchronization

/// A scripted `TaskService`: each call takes the next scripted result for its kind (success when none) and
/// is written to `log`.
final class FakeService: TaskService {
    enum Kind: Hashable { case request, ack, interaction, nack, createUser, probe }

    private struct State {
        var script: [Kind: [ServiceFailure?]] = [:]
        var log: [String] = []
        var nextTask = 0
    }
    private let state = Mutex(State())

    /// Queues results for the next calls of `kind` (`nil` = success).
    func script(_ kind: Kind, _ results: [ServiceFailure?]) {
        state.withLock { $0.script[kind, default: []] += results }
    }

    var log: [String] { state.withLock { $0.log } }

    private func call(_ kind: Kind, _ entry: String) throws {
        let failure: ServiceFailure? = state.withLock { state in
            state.log.append(entry)
            guard var queue = state.script[kind], !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            state.script[kind] = queue
            return first
        }
        if let failure { throw failure }
    }

    func requestTask(type: String, user: User, lang: String?) async throws -> FetchedTask {
        try call(.request, "request \(type)")
        let n = state.withLock { state in
            state.nextTask += 1
            return state.nextTask
        }
        let id = "fetched-\(n)"
        return FetchedTask(taskId: id, taskType: "label_initial_prompt", json: Data(#"{"id":"\#(id)"}"#.utf8))
    }

    func ack(taskId: String, ackId: String, user: User) async throws {
        try call(.ack, "ack \(taskId) \(ackId)")
    }

    func sendInteraction(_ body: Data, user: User) async throws {
        let text = String(decoding: body, as: UTF8.self)
        let task = text.split(separator: "#").dropFirst().first.map(String.init) ?? "?"
        try call(.interaction, "interaction \(task)")
    }

    func nack(taskId: String, reason: String?, user: User) async throws {
        try call(.nack, "nack \(taskId)")
    }

    func createUser(_ user: User) async throws {
        try call(.createUser, "createUser \(user.id)")
    }

    func probe() async throws {
        try call(.probe, "probe")
    }
}

/// A clock that only moves when told; `sleep` records the wait, advances time and returns at once.
final class ManualClock: SyncClock {
    private let state: Mutex<(now: Date, sleeps: [TimeInterval])>

    init(_ start: Date) { state = Mutex((start, [])) }

    func now() -> Date { state.withLock { $0.now } }

    func advance(_ seconds: TimeInterval) { state.withLock { $0.now.addTimeInterval(seconds) } }

    func set(_ date: Date) { state.withLock { $0.now = date } }

    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }

    func sleep(for seconds: TimeInterval) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(seconds)
            state.now.addTimeInterval(seconds)
        }
    }
}

enum SyncFixture {
    static let alice = User(id: "alice", displayName: "Alice", authMethod: "local")
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Stores a task and submits a text reply whose JSON carries `#taskId#` so the fake can log it.
    @discardableResult
    static func submit(
        _ store: OfflineStore, _ taskId: String, text: String = "hello", at date: Date = t0
    )
        throws -> OutboxItem
    {
        let task = try store.storeTask(
            taskId: taskId, taskType: "assistant_reply", taskJSON: Data(#"{"id":"\#(taskId)"}"#.utf8), user: alice,
            requestedType: "random", lang: "en", receivedAt: date)
        let messageId = OfflineStore.newId()
        let body =
            #"{"type":"text_reply_to_message","message_id":"\#(task.ackId)","user_message_id":"\#(messageId)","text":"\#(text) #\#(taskId)#","user":{"id":"alice","display_name":"Alice","auth_method":"local"}}"#
        return try store.submit(
            Submission(taskId: taskId, interactionJSON: Data(body.utf8), userMessageId: messageId), now: date)
    }

    static func engine(
        _ store: OfflineStore, _ service: FakeService, _ clock: ManualClock, settings: SyncEngine.Settings = .init()
    ) -> SyncEngine {
        SyncEngine(store: store, service: service, clock: clock, settings: settings, random: { 0.5 })
    }
}
