import ContributorApp
import Foundation
import OasstProtocol
import TerminalUI

/// Drives `ContributorApp` without a terminal, network or disk: feeds keys through the loaded key
/// map, applies messages, and answers every effect at once from fakes (tasks from the fixtures).
public final class AppDriver {
    /// The state after the last message.
    public private(set) var state: AppState
    /// Every effect produced so far, in order.
    public private(set) var effects: [AppEffect] = []
    /// Tasks handed out by `fetchTask`, in order; `random` takes the first, a type takes the first of it.
    public var tasks: [OasstTask]
    /// Counts answered to `fetchAvailability` (nil = answer with a failure).
    public var availability: TaskAvailability?
    /// What `openExternalEditor` returns.
    public var editorResult: String?
    /// Answer for `fetchTask` when no task is left.
    public var noTaskError: (TaskType) -> AppError = { AppError.noTasks(TaskKindInfo.shortName($0)) }
    /// Whether effects are answered automatically (false: tests answer with `send`).
    public var autoAnswer = true
    /// The ids handed out so far by the injected generator.
    public var generatedIDs: [String] { idSource.handed }

    private let idSource: IDSource

    /// Sequential ids `id-1`, `id-2`, … and a clock that stands still unless advanced.
    final class IDSource: @unchecked Sendable {
        var next = 0
        var handed: [String] = []
        var clock: Double = 1_700_000_000
        let lock = NSLock()
        func make() -> String {
            lock.lock()
            defer { lock.unlock() }
            next += 1
            let id = "id-\(next)"
            handed.append(id)
            return id
        }
        func now() -> Double {
            lock.lock()
            defer { lock.unlock() }
            return clock
        }
    }

    /// The user the fixtures' interactions were recorded for, by name.
    public static func user(_ id: String) -> User {
        User(id: id, displayName: id.prefix(1).uppercased() + id.dropFirst(), authMethod: "local")
    }

    /// Creates a driver at the start screen, with the start-up effects already answered.
    public init(
        tasks: [OasstTask] = [], user: User = AppDriver.user("alice"), lang: String = "en",
        keyMap: AppKeyMap = .defaults, width: Int = 80, height: Int = 24, availability: TaskAvailability? = nil
    ) {
        let source = IDSource()
        idSource = source
        self.tasks = tasks
        self.availability = availability
        let environment = AppEnvironment(makeID: { source.make() }, now: { source.now() })
        state = AppState(
            configuration: AppConfiguration(serverName: "local", user: user, lang: lang), environment: environment,
            keyMap: keyMap, width: width, height: height)
        drain(state.initialEffects)
    }

    /// Moves the injected clock forward.
    public func advance(seconds: Double) {
        idSource.lock.lock()
        idSource.clock += seconds
        idSource.lock.unlock()
    }

    /// Applies a message and drains the effects it causes.
    public func send(_ message: AppMessage) {
        let produced = ContributorApp.update(&state, message)
        drain(produced)
    }

    /// Presses one key.
    public func key(_ key: Key) { send(.input(.key(key))) }

    /// Presses keys in order.
    public func keys(_ keys: [Key]) { for key in keys { self.key(key) } }

    /// Types text character by character (spaces as Space, newlines as Enter).
    public func type(_ text: String) {
        for character in text {
            switch character {
            case " ": key(.space)
            case "\n": key(.enter)
            default: key(.character(character))
            }
        }
    }

    /// Presses the first key sequence the loaded key map binds to `command`, so rebinding breaks no test.
    /// `variant` picks another of its sequences (for `put-at-rank` and `slider-value`, the N-th digit).
    public func press(_ command: Command, variant: Int = 0) {
        let sequences = state.keyMap.keys(for: command)
        precondition(sequences.indices.contains(variant), "\(command.rawValue) has no key number \(variant)")
        keys(sequences[variant])
    }

    /// Draws the current state.
    public func render(width: Int? = nil, height: Int? = nil) -> Screen {
        ContributorApp.view(state, width: width ?? state.width, height: height ?? state.height)
    }

    /// Every interaction handed to `enqueueSubmission`, in order.
    public var submissions: [Interaction] {
        effects.compactMap {
            if case .enqueueSubmission(_, _, let interaction) = $0 { return interaction }
            return nil
        }
    }

    /// Effects answered automatically; `send` the answers yourself when `autoAnswer` is false.
    private func drain(_ produced: [AppEffect]) {
        effects += produced
        guard autoAnswer else { return }
        for effect in produced {
            if let answer = answer(effect) { send(answer) }
        }
    }

    private func answer(_ effect: AppEffect) -> AppMessage? {
        switch effect {
        case .fetchAvailability:
            guard let availability else {
                return .availabilityFailed(AppError.offline())
            }
            return .availabilityLoaded(availability)
        case .fetchTask(let type, _):
            let index = tasks.firstIndex { type == .random || $0.type == type }
            guard let index else { return .taskFailed(noTaskError(type)) }
            return .taskLoaded(tasks.remove(at: index), ackID: nil, draft: nil)
        case .enqueueSubmission(_, let ackID, _):
            return .submissionQueued(ackID: ackID)
        case .enqueueReport(let reportID, _):
            return .submissionQueued(ackID: reportID)
        case .openExternalEditor:
            return .editorReturned(editorResult)
        case .openQueue, .retryQueueItem, .flushQueue, .recallQueueItem, .exportQueueItem, .discardQueueItem:
            return nil
        case .nackTask, .saveDraft, .discardDraft, .redrawScreen, .quit:
            return nil
        }
    }

    /// The task in the response of a recorded exchange (`07`, `10`, `14`, …).
    public static func fixtureTask(_ number: Int) throws -> OasstTask {
        let exchange = try RecordedExchange.load(number)
        let data = try RecordedExchange.data(exchange.response.body)
        return try OasstJSON.decode(OasstTask.self, from: data)
    }

    /// The interaction body a recorded exchange sent (`12`, `21`, `46`, …), as a JSON tree.
    public static func fixtureRequestBody(_ number: Int) throws -> JSONValue? {
        try RecordedExchange.load(number).request.body
    }

    /// An interaction as a JSON tree, encoded the way the client sends it.
    public static func json(_ interaction: Interaction) throws -> JSONValue {
        let data = try OasstJSON.encode(interaction)
        return try OasstJSON.decode(JSONValue.self, from: data)
    }

    /// Availability from a recorded exchange (`05`).
    public static func fixtureAvailability(_ number: Int) throws -> TaskAvailability {
        let data = try RecordedExchange.data(try RecordedExchange.load(number).response.body)
        return try OasstJSON.decode(TaskAvailability.self, from: data)
    }
}
