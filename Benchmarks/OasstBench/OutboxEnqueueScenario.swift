import Foundation
import OasstProtocol
import OfflineStore

/// Queueing one answer in the on-disk outbox, committed (WAL, `synchronous = FULL`) before it returns.
extension Scenarios {
    static let outboxEnqueue = Scenario(name: "outbox-enqueue", target: "median ≤ 5 ms") {
        let directory = try BenchPaths.temporaryDirectory("enqueue")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try OfflineStore(file: directory.appendingPathComponent("store.sqlite"))
        let user = User(id: "bench", displayName: "Bench", authMethod: "local")
        let count = 300
        let reply = String(repeating: "A careful answer, written offline. ", count: 40)
        var tasks: [CachedTask] = []
        for index in 0..<(count + 3) {
            let task = OasstTask.initialPrompt(
                InitialPromptTask(id: UUIDText.random(), hint: index.isMultiple(of: 2) ? "Ask about tides" : nil))
            tasks.append(
                try store.storeTask(task, user: user, requestedType: "initial_prompt", lang: "en", receivedAt: Date()))
        }
        var next = 0
        let samples = try Stopwatch.sample(iterations: count) {
            let task = tasks[next]
            next += 1
            let interaction = Interaction.textReplyToMessage(
                TextReplyInteraction(
                    messageID: task.ackId, userMessageID: UUIDText.randomText(), text: reply, lang: "en",
                    user: user))
            try store.submit(taskId: task.taskId, interaction: interaction)
        }
        let counts = try store.counts()
        guard counts.undelivered == count + 3 else {
            throw BenchError("expected \(count + 3) queued answers, the store holds \(counts.undelivered)")
        }
        try store.close()
        return [Measurement(name: "outbox-enqueue", samples: samples, target: "median ≤ 5 ms").summary]
    }
}
