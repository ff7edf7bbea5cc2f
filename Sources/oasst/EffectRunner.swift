import ContributorApp
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import OfflineSync
import Synchronization
import TerminalUI

/// Performs the app's background effects with the real client, store and sync engine, and answers
/// each with a message in the inbox. Every task the UI shows is in the store first, so its answer
/// (and draft) survives a crash or a dropped network.
final class EffectRunner: Sendable {
    let client: OasstClient
    let store: OfflineStore
    let engine: SyncEngine
    let inbox: Inbox
    let user: User
    let prefetchTarget: Int
    let exportDirectory: URL

    /// Creates the runner.
    init(
        client: OasstClient, store: OfflineStore, engine: SyncEngine, inbox: Inbox, user: User, prefetchTarget: Int,
        exportDirectory: URL
    ) {
        self.exportDirectory = exportDirectory
        self.client = client
        self.store = store
        self.engine = engine
        self.inbox = inbox
        self.user = user
        self.prefetchTarget = prefetchTarget
    }

    /// Runs one background effect (the UI thread handles quit and the external editor itself).
    func perform(_ effect: AppEffect) {
        switch effect {
        case .fetchAvailability(let lang):
            background { runner in await runner.fetchAvailability(lang: lang) }
        case .fetchTask(let type, let lang):
            background { runner in await runner.fetchTask(type: type, lang: lang) }
        case .enqueueSubmission(let task, let ackID, let interaction):
            background { runner in await runner.enqueue(task: task, ackID: ackID, interaction: interaction) }
        case .enqueueReport(let reportID, let interaction):
            background { runner in await runner.sendReport(id: reportID, interaction: interaction) }
        case .nackTask(let task, let reason):
            background { runner in await runner.skip(task: task, reason: reason) }
        case .saveDraft(let taskID, let draft):
            background { runner in runner.saveDraft(taskID: taskID, text: draft) }
        case .discardDraft(let taskID):
            background { runner in try? runner.store.deleteDraft(for: taskID) }
        case .openQueue:
            background { runner in runner.publishQueue() }
        case .retryQueueItem(let id):
            background { runner in
                if let number = Int64(id) { try? runner.store.retryNow(number) }
                await runner.engine.wake()
                runner.publishQueue()
            }
        case .flushQueue:
            background { runner in
                _ = try? runner.store.makeAllDue()
                await runner.engine.wake()
                runner.publishQueue()
            }
        case .recallQueueItem(let id):
            background { runner in runner.recall(id) }
        case .exportQueueItem(let id):
            background { runner in runner.export(id) }
        case .discardQueueItem(let id):
            background { runner in
                if let number = Int64(id) { _ = try? runner.store.discard(number) }
                runner.publishQueue()
            }
        case .openExternalEditor, .redrawScreen, .quit:
            break
        }
    }

    /// Takes a queued or held answer back into the editor.
    private func recall(_ id: String) {
        guard let number = Int64(id) else { return }
        do {
            let item = try store.takeBack(number)
            let task = try item.decodedTask()
            var text: String?
            if case .textReplyToMessage(let reply) = try item.decodedInteraction() { text = reply.text }
            inbox.post(.taskLoaded(task, ackID: item.ackId, draft: text))
        } catch {
            inbox.post(.info("Cannot take item \(id) back: \(error)"))
        }
        publishQueue()
    }

    /// Writes an outbox item's answer to a private file and says where.
    private func export(_ id: String) {
        guard let number = Int64(id), let item = try? store.item(number) else {
            inbox.post(.info("No outbox item \(id)."))
            return
        }
        var text = String(decoding: item.interactionJSON, as: UTF8.self)
        if let interaction = try? item.decodedInteraction(), case .textReplyToMessage(let reply) = interaction {
            text = reply.text
        }
        let file = exportDirectory.appendingPathComponent("oasst-item-\(id).txt")
        do {
            try XDGPaths.ensureDirectory(exportDirectory)
            try Data(text.utf8).write(to: file, options: .atomic)
            chmod(file.path, 0o600)
            inbox.post(.info("Written to \(file.path)"))
        } catch {
            inbox.post(.info("Could not write \(file.path): \(error)"))
        }
    }

    /// Starts background work detached from the UI thread (which sits in `poll()`).
    private func background(_ work: @escaping @Sendable (EffectRunner) async -> Void) {
        Task.detached { [self] in await work(self) }
    }

    /// Starts the sync engine loop and forwards its snapshots to the UI.
    func startSync(kind: TaskType, lang: String) async {
        let inbox = self.inbox
        let store = self.store
        let lastHeld = LastHeld()
        await engine.setObserver { snapshot in
            inbox.post(.connectivityChanged(EffectRunner.connectivity(snapshot.connectivity)))
            inbox.post(.queueChanged(EffectRunner.queueStatus(store: store)))
            if lastHeld.update(snapshot.counts.held),
                let item = try? store.queue().last(where: { $0.state == .held })
            {
                inbox.post(.submissionHeld(.held(Sanitizer.plain(item.holdReason ?? "the server refused it"))))
            }
        }
        await setPrefetch(kind: kind, lang: lang)
        Task.detached { [engine] in await engine.run() }
    }

    /// Points prefetching at the chosen kind.
    func setPrefetch(kind: TaskType, lang: String) async {
        await engine.setPrefetch(
            user: prefetchTarget > 0 ? user : nil,
            policy: PrefetchPolicy(target: prefetchTarget, taskType: kind.rawValue, lang: lang))
    }

    /// The app's connectivity value for the engine's.
    static func connectivity(_ value: OfflineSync.Connectivity) -> ConnectionStatus {
        switch value {
        case .online: return .online
        case .offline(let since): return .offline(since: since.timeIntervalSince1970)
        case .syncing: return .syncing
        }
    }

    /// The queue as the app's queue view shows it.
    static func queueStatus(store: OfflineStore) -> QueueStatus {
        let items = (try? store.queue()) ?? []
        let now = Date()
        return QueueStatus(
            queued: items.filter { $0.state == .pending || $0.state == .sending }.count,
            held: items.filter { $0.state == .held || $0.state == .failed }.count,
            items: items.map { item in
                QueueStatus.Item(
                    id: String(item.id), kind: item.taskType, state: item.state.rawValue, attempts: item.attempts,
                    detail: [QueueFormatting.age(item.age(now: now)), item.holdReason ?? item.lastError ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: " · "))
            })
    }

    private func publishQueue() {
        inbox.post(.queueChanged(Self.queueStatus(store: store)))
    }

    private func fetchAvailability(lang: String) async {
        do {
            var counts = try await client.availability(lang: lang)
            // Tasks already prefetched for this person are work they can do too, offline included.
            for ready in (try? store.readyTasks(for: user)) ?? [] {
                counts.counts[ready.taskType, default: 0] += 1
                counts.counts[TaskType.random.rawValue, default: 0] += 1
            }
            inbox.post(.availabilityLoaded(counts))
            inbox.post(.connectivityChanged(.online))
        } catch {
            if ErrorTranslation.isOffline(error) { inbox.post(.connectivityChanged(.offline(since: now()))) }
            inbox.post(.availabilityFailed(ErrorTranslation.appError(error)))
        }
    }

    /// A prefetched task of the right kind when there is one, else a fresh one from the server.
    private func fetchTask(type: TaskType, lang: String) async {
        await setPrefetch(kind: type, lang: lang)
        if let taken = try? store.takeReadyTask(for: user, ofType: type == .random ? nil : type.rawValue),
            let task = try? taken.decoded()
        {
            inbox.post(.taskLoaded(task, ackID: taken.ackId, draft: draftText(taken.taskId)))
            await engine.wake()
            return
        }
        do {
            let task = try await client.requestTask(type, lang: lang)
            inbox.post(.connectivityChanged(.online))
            guard task.id != nil else {
                inbox.post(.taskLoaded(task, ackID: nil, draft: nil))
                return
            }
            let cached = try store.storeTask(
                task, user: user, requestedType: type.rawValue, lang: lang, receivedAt: Date(), state: .taken)
            inbox.post(.taskLoaded(task, ackID: cached.ackId, draft: nil))
        } catch {
            if ErrorTranslation.isOffline(error) { inbox.post(.connectivityChanged(.offline(since: now()))) }
            inbox.post(.taskFailed(ErrorTranslation.appError(error, requested: type)))
        }
    }

    private func enqueue(task: OasstTask, ackID: String, interaction: Interaction) async {
        do {
            guard let id = task.id.map(UUIDText.lowercased) else {
                throw StoreError.badJSON("the task has no id")
            }
            if try store.task(id) == nil {
                try store.storeTask(task, user: user, requestedType: task.typeName, lang: nil, receivedAt: Date())
            }
            _ = try store.submit(taskId: id, interaction: interaction)
            inbox.post(.submissionQueued(ackID: ackID))
            publishQueue()
            await engine.wake()
        } catch {
            inbox.post(
                .submissionFailed(
                    AppError(
                        kind: .other, text: "Could not save the answer: \(error)",
                        nextStep: "Your text is still in the editor; try again.")))
        }
    }

    /// Reports are free labels with no task, so they go straight to the server (not queued).
    private func sendReport(id: String, interaction: Interaction) async {
        do {
            _ = try await client.send(interaction)
            inbox.post(.submissionQueued(ackID: id))
        } catch {
            inbox.post(.submissionFailed(ErrorTranslation.appError(error)))
        }
    }

    private func skip(task: OasstTask, reason: String?) async {
        guard let id = task.id.map(UUIDText.lowercased) else { return }
        do {
            if try store.task(id) == nil {
                try store.storeTask(task, user: user, requestedType: task.typeName, lang: nil, receivedAt: Date())
            }
            try store.skipTask(id, reason: NackRequest.truncating(reason).reason)
            await engine.wake()
        } catch {
            inbox.post(.nackFailed(AppError(kind: .other, text: "Could not record the skip: \(error)", nextStep: "")))
        }
    }

    private func saveDraft(taskID: String, text: String) {
        try? store.saveDraft(Draft(taskId: taskID.lowercased(), contentJSON: Data(text.utf8), updatedAt: Date()))
    }

    /// The saved draft text of a task, if any.
    func draftText(_ taskID: String) -> String? {
        (try? store.draft(for: taskID)).flatMap { $0 }.map { String(decoding: $0.contentJSON, as: UTF8.self) }
    }

    /// The task the person had open when oasst last stopped, with its draft.
    func restoredTask() -> AppMessage? {
        guard let open = (try? store.takenTasks(for: user))?.last, let task = try? open.decoded() else { return nil }
        return .taskLoaded(task, ackID: open.ackId, draft: draftText(open.taskId))
    }

    private func now() -> Double { Date().timeIntervalSince1970 }
}

/// Remembers the held count so a newly held submission is announced once.
final class LastHeld: Sendable {
    private let count = Mutex(0)

    /// Records `held`; true when it grew.
    func update(_ held: Int) -> Bool {
        count.withLock { previous in
            defer { previous = held }
            return held > previous
        }
    }
}
