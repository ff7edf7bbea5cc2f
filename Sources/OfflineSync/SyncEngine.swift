import Foundation
import OasstClient
import OasstProtocol
import OfflineStore

/// Delivers the outbox, keeps tasks prefetched and tracks connectivity. An actor: call it from any thread;
/// observe it through `updates()` or `setObserver`. `run()` loops until cancelled; tests drive the steps.
public actor SyncEngine {
    /// Tunables with the defaults of TERMINAL.md §8.1.
    public struct Settings: Sendable, Equatable {
        /// Backoff for retries of queued items.
        public var retryBackoff = Backoff(base: 1, cap: 300)
        /// Backoff for connectivity probes while offline.
        public var probeBackoff = Backoff(base: 1, cap: 300)
        /// Attempts after which a still-failing item becomes `failed` (the task deadline usually comes first).
        public var maxAttempts = 200
        /// Attempts after which server faults that may be caused by the input (0, 1004) hold the item.
        public var serverFaultAttempts = 5
        /// Wait after "nothing available" (1006) or an unexpected failure before prefetching again.
        public var prefetchPause: TimeInterval = 60
        /// Longest idle wait of `run()` between passes.
        public var idleWait: TimeInterval = 60

        /// Creates default settings.
        public init() {}
    }

    /// Delivery lanes `oasst queue flush` opens: enough to keep the server busy while each waits for an answer.
    public static let manualFlushLanes = 8

    private let store: OfflineStore
    private let service: any TaskService
    /// Services (each over its own connection) that deliver outbox items in parallel; `[service]` when none given.
    private let lanes: [any TaskService]
    private let clock: any SyncClock
    private let random: @Sendable () -> Double
    private let settings: Settings

    private var prefetchUser: User?
    private var policy = PrefetchPolicy()
    private var connectivity: Connectivity = .online
    private var probeAttempts = 0
    private var nextProbeAt: Date?
    private var prefetchBlockedUntil: Date?
    /// Task requests whose response was lost: the server may count them as pending for 300 s.
    private var orphanRequests: [Date] = []
    private var requestInFlight = false
    private var observers: [UUID: AsyncStream<SyncSnapshot>.Continuation] = [:]
    private var callback: (@Sendable (SyncSnapshot) -> Void)?
    private var lastPublished: SyncSnapshot?
    private var lastSyncingPublish: ContinuousClock.Instant?
    /// Deliveries of the running flush not yet written to the store (written in groups; see `recordDeliveries`).
    private var deliveredMarks: [(id: Int64, at: Date, ackedAt: Date?)] = []
    private var batchingDeliveries = false
    private var sleeper: Task<Void, Never>?
    private var wakeRequested = false

    /// Creates an engine over a store and a service; `random` returns numbers in `0..<1` (for jitter).
    /// `deliveryLanes` (services over separate connections) let a flush keep that many items in flight; each
    /// item still goes ack → interaction in order on one lane. Without them `service` delivers one at a time.
    public init(
        store: OfflineStore, service: any TaskService, deliveryLanes: [any TaskService] = [],
        clock: any SyncClock = SystemSyncClock(), settings: Settings = Settings(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.store = store
        self.service = service
        self.lanes = deliveryLanes.isEmpty ? [service] : deliveryLanes
        self.clock = clock
        self.settings = settings
        self.random = random
    }

    // MARK: Observation

    /// The current status.
    public var status: Connectivity { connectivity }

    /// A stream of snapshots, starting with the current one, then one per change.
    public func updates() -> AsyncStream<SyncSnapshot> {
        let (stream, continuation) = AsyncStream.makeStream(of: SyncSnapshot.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUIDText.random()
        observers[id] = continuation
        continuation.onTermination = { _ in Task { await self.removeObserver(id) } }
        if let snapshot = try? makeSnapshot() { continuation.yield(snapshot) }
        return stream
    }

    /// Sets (or clears) a callback called with every changed snapshot, on the engine's executor.
    public func setObserver(_ observer: (@Sendable (SyncSnapshot) -> Void)?) {
        callback = observer
    }

    /// The current snapshot (connectivity and queue counts).
    public func snapshot() throws -> SyncSnapshot { try makeSnapshot() }

    private func removeObserver(_ id: UUID) { observers[id] = nil }

    private func publish() {
        guard !observers.isEmpty || callback != nil else { return }
        guard let snapshot = try? makeSnapshot(), snapshot != lastPublished else { return }
        lastPublished = snapshot
        for continuation in observers.values { continuation.yield(snapshot) }
        callback?(snapshot)
    }

    private func makeSnapshot() throws -> SyncSnapshot {
        let now = clock.now()
        return SyncSnapshot(
            connectivity: connectivity, counts: try store.counts(now: now), nextTry: try store.nextDueDate())
    }

    // MARK: Configuration

    /// Turns prefetching on for `user` with `policy`, or off with `nil`.
    public func setPrefetch(user: User?, policy: PrefetchPolicy = PrefetchPolicy()) {
        prefetchUser = user
        self.policy = policy
    }

    // MARK: Running

    /// Loops until cancelled: probe while offline, else flush due items, send nacks and prefetch; then sleep
    /// until the next due time (or a `wake()`).
    public func run() async {
        while !Task.isCancelled {
            await step()
            await pause(nextWait())
        }
    }

    /// Ends the current wait of `run()` early (after a submit, a manual retry or a reconnect hint).
    public func wake() {
        wakeRequested = true
        sleeper?.cancel()
    }

    /// One pass: probe if offline and due, then flush, nacks and prefetch while online.
    public func step() async {
        if case .offline = connectivity {
            if let due = nextProbeAt, clock.now() < due { return }
            await probe()
        }
        if isOffline { return }
        _ = await flush()
        if isOffline { return }
        await sendNacks()
        if isOffline { return }
        await prefetch()
    }

    /// Seconds until the next useful pass.
    public func nextWait() -> TimeInterval {
        let now = clock.now()
        var wait = settings.idleWait
        if case .offline = connectivity {
            if let due = nextProbeAt { wait = min(wait, due.timeIntervalSince(now)) }
        } else if let due = try? store.nextDueDate() {
            wait = min(wait, due.timeIntervalSince(now))
        }
        return max(0, wait)
    }

    private func pause(_ seconds: TimeInterval) async {
        if wakeRequested {
            wakeRequested = false
            return
        }
        let clock = self.clock
        let sleeping = Task<Void, Never> { _ = try? await clock.sleep(for: seconds) }
        sleeper = sleeping
        await withTaskCancellationHandler {
            await sleeping.value
        } onCancel: {
            sleeping.cancel()
        }
        sleeper = nil
        wakeRequested = false
    }

    // MARK: Connectivity

    private var isOffline: Bool {
        if case .offline = connectivity { return true }
        return false
    }

    /// Tries the cheap probe once; any HTTP answer means online, a transport failure backs off further.
    public func probe() async {
        do {
            try await service.probe()
            goOnline()
        } catch let failure as ServiceFailure where failure.isTransport {
            probeAttempts += 1
            goOffline()
        } catch {
            goOnline()
        }
        publish()
    }

    private func goOnline() {
        if case .syncing = connectivity { return }
        connectivity = .online
        probeAttempts = 0
        nextProbeAt = nil
    }

    private func goOffline() {
        let now = clock.now()
        if !isOffline { connectivity = .offline(since: now) }
        let wait = settings.probeBackoff.delay(attempt: probeAttempts, unit: random())
        nextProbeAt = now.addingTimeInterval(max(wait, 0))
    }

    // MARK: Outbox

    /// Sends every due item in creation order (several at once over `deliveryLanes`); stops taking new items at
    /// the first transport failure. Returns the outcomes.
    @discardableResult
    public func flush() async -> [Int64: DeliveryOutcome] {
        guard let due = try? store.dueItems(now: clock.now()), !due.isEmpty else {
            if case .syncing = connectivity { connectivity = .online }
            publish()
            return [:]
        }
        let cursor = DeliveryCursor(due)
        lastSyncingPublish = nil
        batchingDeliveries = true
        defer { batchingDeliveries = false }
        if lanes.count == 1 {
            await runLane(lanes[0], cursor)
        } else {
            await withTaskGroup(of: Void.self) { group in
                for lane in lanes {
                    group.addTask { await self.runLane(lane, cursor) }
                }
            }
        }
        recordDeliveries()
        if case .syncing = connectivity { connectivity = .online }
        publish()
        return cursor.outcomes
    }

    /// Writes the deliveries noted so far in one store write. The server already has them: if the write is lost
    /// the items are replayed after the next open and answered 2105 (delivered), never stored twice.
    private func recordDeliveries() {
        guard !deliveredMarks.isEmpty else { return }
        let marks = deliveredMarks
        deliveredMarks.removeAll(keepingCapacity: true)
        try? store.markDelivered(marks)
    }

    /// One lane of a flush: takes items from the cursor and delivers them until none are left.
    private func runLane(_ lane: any TaskService, _ cursor: DeliveryCursor) async {
        while let (item, remaining) = cursor.take() {
            connectivity = .syncing(remaining: remaining)
            publishSyncing()
            cursor.record(item.id, await deliver(item, via: lane))
        }
    }

    /// Publishes the `syncing` progress at most every 50 ms (each snapshot counts the outbox).
    private func publishSyncing() {
        let now = ContinuousClock.now
        if let last = lastSyncingPublish, now - last < .milliseconds(50) { return }
        lastSyncingPublish = now
        publish()
    }

    /// Flushes pass after pass until one makes no progress (nothing due, offline, or only retries scheduled):
    /// what `oasst queue flush` runs. Returns how many items ended delivered, held or failed.
    public func flushUntilSettled() async -> FlushTally {
        var tally = FlushTally()
        while true {
            let outcomes = await flush()
            if outcomes.isEmpty { break }
            var progressed = false
            for outcome in outcomes.values {
                switch outcome {
                case .delivered:
                    tally.delivered += 1
                    progressed = true
                case .held:
                    tally.held += 1
                    progressed = true
                case .failed:
                    tally.failed += 1
                    progressed = true
                case .retryScheduled, .offline, .skipped:
                    break
                }
            }
            if !progressed { break }
        }
        return tally
    }

    /// Delivers one item: ack (stored id) → interaction only after 204; 2104 re-acks once; 2105 is delivered.
    public func deliver(_ item: OutboxItem) async -> DeliveryOutcome {
        await deliver(item, via: service)
    }

    private func deliver(_ item: OutboxItem, via service: any TaskService) async -> DeliveryOutcome {
        guard (try? store.beginSending(item.id)) == true else { return .skipped }
        let attempts = item.attempts + 1
        // The ack time is written with the delivery (one store write); a failure after the ack writes it first.
        var ackedAt: Date
        do {
            try await service.ack(taskId: item.taskId, ackId: item.ackId, user: item.user)
            ackedAt = clock.now()
        } catch {
            return await settle(item, attempts: attempts, error: error)
        }
        var reacked = false
        while true {
            do {
                try await service.sendInteraction(item.interactionJSON, user: item.user)
                return markDelivered(item, ackedAt: ackedAt)
            } catch let failure as ServiceFailure where failure.action == .sendAckThenRetry && !reacked {
                reacked = true
                do {
                    try await service.ack(taskId: item.taskId, ackId: item.ackId, user: item.user)
                    ackedAt = clock.now()
                } catch {
                    try? store.markAcked(item.id, at: ackedAt)
                    return await settle(item, attempts: attempts, error: error)
                }
            } catch {
                try? store.markAcked(item.id, at: ackedAt)
                return await settle(item, attempts: attempts, error: error)
            }
        }
    }

    private func markDelivered(_ item: OutboxItem, ackedAt: Date? = nil) -> DeliveryOutcome {
        // The server has it; if the store write fails the item stays `sending` and is replayed after the next
        // open, where the replay answers 2105. During a flush the writes are grouped (64 at a time).
        deliveredMarks.append((item.id, clock.now(), ackedAt))
        if !batchingDeliveries || deliveredMarks.count >= 64 { recordDeliveries() }
        goOnline()
        return .delivered
    }

    /// Turns a failure into the item's next state; never drops the item.
    private func settle(_ item: OutboxItem, attempts: Int, error: any Error) async -> DeliveryOutcome {
        let failure = (error as? ServiceFailure) ?? ServiceFailure(action: .retryLater, message: "\(error)")
        let now = clock.now()
        let message = failure.message.isEmpty ? nil : failure.message
        if failure.isTransport { goOffline() } else { goOnline() }
        do {
            switch failure.action {
            case .delivered:
                return markDelivered(item)
            case .holdForPerson, .fixInput, .requestAnotherTask:
                try store.hold(item.id, reason: Self.reason(failure), error: message)
                return .held
            case .createUserThenRetry:
                do {
                    try await service.createUser(item.user)
                } catch {
                    try store.hold(item.id, reason: Self.reason(failure), error: message)
                    return .held
                }
                return try retry(item, attempts: attempts, failure: failure, wait: 0, now: now)
            case .retryLater, .sendAckThenRetry:
                if let code = failure.code, code == 0 || code == 1004, attempts >= settings.serverFaultAttempts {
                    try store.hold(item.id, reason: Self.reason(failure), error: message)
                    return .held
                }
                let wait =
                    failure.retryAfter ?? settings.retryBackoff.delay(attempt: attempts - 1, unit: random())
                let outcome = try retry(item, attempts: attempts, failure: failure, wait: wait, now: now)
                return failure.isTransport && outcome == .retryScheduled ? .offline : outcome
            }
        } catch {
            // The store could not record the outcome: leave the row as it is (`sending` is recovered at open).
            return .retryScheduled
        }
    }

    private func retry(
        _ item: OutboxItem, attempts: Int, failure: ServiceFailure, wait: TimeInterval, now: Date
    ) throws -> DeliveryOutcome {
        let message = failure.message.isEmpty ? Self.reason(failure) : failure.message
        let next = now.addingTimeInterval(wait)
        if next > item.deadline {
            try store.fail(item.id, reason: "the task's deadline passed before it could be delivered", error: message)
            return .failed
        }
        if attempts >= settings.maxAttempts {
            try store.fail(item.id, reason: "gave up after \(attempts) attempts", error: message)
            return .failed
        }
        try store.scheduleRetry(item.id, at: next, error: message)
        return .retryScheduled
    }

    /// A short reason for the queue view (fixed text per code; the server's message goes to `last_error`).
    static func reason(_ failure: ServiceFailure) -> String {
        guard let code = failure.code else {
            return failure.isTransport ? "network failure" : "server failure"
        }
        let text: String
        switch code {
        case 2: text = "API key refused"
        case 1008: text = "text too long: shorten it"
        case 1009: text = "the same text was sent in the last 120 minutes"
        case 1011: text = "you already replied to this message"
        case 2010: text = "the conversation stopped accepting messages"
        case 2100: text = "the task is no longer on the server (expired)"
        case 2101: text = "the task expired"
        case 2106: text = "the task belongs to another user"
        case 4001: text = "the account is disabled"
        case 4003: text = "the terms of service must be accepted"
        case 4002: text = "the server does not know this user"
        default: text = "the server refused it"
        }
        return "\(text) (code \(code))"
    }

    // MARK: Nacks

    /// Sends the nacks of skipped tasks; 204, 2105, 2100, 2101 and 2106 all settle them.
    public func sendNacks() async {
        guard let tasks = try? store.tasksToNack() else { return }
        for task in tasks {
            do {
                try await service.nack(taskId: task.taskId, reason: task.skipReason, user: task.user)
                try? store.markNacked(task.taskId, now: clock.now())
                goOnline()
            } catch let failure as ServiceFailure {
                if failure.isTransport {
                    goOffline()
                    break
                }
                goOnline()
                switch failure.code {
                case 2100, 2101, 2105, 2106: try? store.markNacked(task.taskId, now: clock.now())
                default: continue
                }
            } catch {
                continue
            }
        }
        publish()
    }

    // MARK: Prefetch

    /// Requests tasks one at a time until `policy.target` are ready or the pending cap would be reached.
    /// A request whose response was lost is not retried; it counts against the cap for 300 s.
    @discardableResult
    public func prefetch() async -> Int {
        guard let user = prefetchUser, !requestInFlight else { return 0 }
        if isOffline { return 0 }
        var now = clock.now()
        if let blocked = prefetchBlockedUntil, now < blocked { return 0 }
        prefetchBlockedUntil = nil
        _ = try? store.dropExpiredTasks(now: now)
        var fetched = 0
        requestInFlight = true
        defer { requestInFlight = false }
        while true {
            now = clock.now()
            orphanRequests.removeAll { now.timeIntervalSince($0) >= OfflineStore.pendingWindow }
            guard let ready = try? store.readyTasks(for: user, now: now).count,
                let pending = try? store.pendingTaskEstimate(for: user, now: now)
            else { break }
            let limit = max(0, policy.pendingCap - policy.reservedSlots)
            guard ready < min(policy.target, limit), pending + orphanRequests.count < limit else { break }
            do {
                let task = try await service.requestTask(type: policy.taskType, user: user, lang: policy.lang)
                try store.storeTask(
                    taskId: task.taskId, taskType: task.taskType, taskJSON: task.json, user: user,
                    requestedType: policy.taskType, lang: policy.lang, receivedAt: clock.now(), state: .ready)
                fetched += 1
                goOnline()
                publish()
            } catch let failure as ServiceFailure {
                if failure.isTransport {
                    orphanRequests.append(now)
                    goOffline()
                } else {
                    goOnline()
                    prefetchBlockedUntil = now.addingTimeInterval(prefetchPause(after: failure))
                }
                break
            } catch {
                prefetchBlockedUntil = now.addingTimeInterval(settings.prefetchPause)
                break
            }
        }
        publish()
        return fetched
    }

    private func prefetchPause(after failure: ServiceFailure) -> TimeInterval {
        if let after = failure.retryAfter { return after }
        if failure.code == 1012 { return OfflineStore.pendingWindow }
        return settings.prefetchPause
    }
}
