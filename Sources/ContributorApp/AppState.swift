import OasstProtocol
import TerminalUI

/// The whole state of the contributor UI: a value, changed only by `update`, drawn by `view`.
public struct AppState: Equatable, Sendable {
    /// Who, where, which language.
    public var configuration: AppConfiguration
    /// Ids and time.
    public var environment: AppEnvironment
    /// The effective key map.
    public var keyMap: AppKeyMap
    /// Terminal size (updated by resize events).
    public var width: Int
    /// Terminal size (updated by resize events).
    public var height: Int

    /// The screen under any overlay.
    public var screen: AppScreen = .start
    /// The screen to return to when the queue view closes.
    public var screenBeforeQueue: AppScreen = .start
    /// Counts per task type; nil until loaded.
    public var availability: [TaskType: Int]?
    /// Cursor on the start screen (index into `TaskKindInfo.startKinds`).
    public var startCursor: Int = 0
    /// The kind chosen last: the next task after a submit or skip is of this kind.
    public var chosenKind: TaskType
    /// The task being worked on.
    public var session: TaskSession?
    /// Connection state.
    public var connectivity: ConnectionStatus = .online
    /// The outbox.
    public var queue = QueueStatus()
    /// Cursor in the queue view.
    public var queueCursor: Int = 0
    /// The help overlay, when open.
    public var help: HelpOverlay?
    /// The help filter text; nil when help is not being filtered.
    public var helpFilter: String?
    /// Whether keys are typed into the help filter.
    public var isTypingHelpFilter = false
    /// A modal dialog, when open.
    public var dialog: AppDialog?
    /// The line above the status bar.
    public var notice: AppNotice?
    /// Keys of an unfinished sequence (`g` of `gg`, `C-x` of `C-x C-e`).
    public var pendingKeys: [Key] = []
    /// Set once the app asked to quit.
    public var isQuitting = false
    /// Tasks submitted in this run.
    public var submittedCount = 0

    /// Creates the state; send `AppState.initialEffects` to the runner first.
    public init(
        configuration: AppConfiguration, environment: AppEnvironment, keyMap: AppKeyMap = .defaults,
        width: Int = 80, height: Int = 24
    ) {
        self.configuration = configuration
        self.environment = environment
        self.keyMap = keyMap
        self.width = width
        self.height = height
        self.chosenKind = configuration.initialKind
        self.startCursor = TaskKindInfo.startKinds.firstIndex(of: configuration.initialKind) ?? 0
    }

    /// The effects to run at start-up (task counts for the start screen).
    public var initialEffects: [AppEffect] { [.fetchAvailability(lang: configuration.lang)] }
}
