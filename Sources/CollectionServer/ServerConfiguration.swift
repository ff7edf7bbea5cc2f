import Foundation

/// Every tunable of the collection server: protocol limits (backend defaults) and tree-growth thresholds (small, so
/// that a handful of contributors see every task type quickly).
public struct ServerConfiguration: Sendable {
    /// Address to bind; keep `127.0.0.1` unless the server must be reachable from other machines.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free ephemeral port (reported by `CollectionServer.start()`).
    public var port: Int = 0
    /// Largest accepted request body in bytes; bigger bodies get 413.
    public var maxBodyBytes: Int = 256 * 1024
    /// `MESSAGE_SIZE_LIMIT`: longest reply text in Unicode scalars after stripping.
    public var messageSizeLimit: Int = 2000
    /// Seconds a task stays answerable (`TASK_VALIDITY_MINUTES`, 2 days).
    public var taskValidity: TimeInterval = 2 * 24 * 3600
    /// Window in which identical text from the same user is refused (1009).
    public var duplicateMessageWindow: TimeInterval = 120 * 60
    /// Most open tasks per user created within `pendingTaskWindow` (1012 beyond).
    public var maxPendingTasksPerUser: Int = 8
    /// Window for counting pending tasks and for the reply-parent lock, in seconds.
    public var pendingTaskWindow: TimeInterval = 300
    /// Whether a user without ToS acceptance gets 451 / 4003.
    public var enforceTermsOfService: Bool = false
    /// Per-user and per-key request rate limits of `POST /tasks/`.
    public var rateLimits: RateLimits = RateLimits()

    /// Label reviews needed before a prompt is accepted or rejected.
    public var numReviewsInitialPrompt: Int = 2
    /// Label reviews needed before a reply is accepted or rejected.
    public var numReviewsReply: Int = 2
    /// Acceptance threshold on `1 − (mean(spam) + mean(lang_mismatch))`.
    public var acceptanceThreshold: Double = 0.6
    /// Trees per language that grow at the same time; the prompt lottery fills free slots.
    public var maxActiveTrees: Int = 3
    /// Upper bound of prompts under review per language (`initial_prompt` availability).
    public var maxInitialPromptReview: Int = 100
    /// Messages (root included, rejected ones excluded) after which a tree stops growing.
    public var goalTreeSize: Int = 7
    /// Deepest message depth (root = 0).
    public var maxTreeDepth: Int = 3
    /// Most assistant replies under one prompter message.
    public var maxChildrenCount: Int = 2
    /// Most prompter replies under one assistant message.
    public var numPrompterReplies: Int = 2
    /// Rankings needed per parent before ranks are computed.
    public var numRequiredRankings: Int = 2
    /// Whether sibling prompter replies are ranked too (backend default false; on here).
    public var rankPrompterReplies: Bool = true
    /// Probability that a `random` request yields `label_prompter_reply` in simple mode.
    public var simpleLabelProbabilityPrompterReply: Double = 0.9
    /// Users skipping a reply to the same message after which its tree is halted (`auto_mod_max_skip_reply`).
    public var autoModMaxSkipReply: Int = 25
    /// Whether a new, empty database gets the seed corpus.
    public var loadSeedCorpus: Bool = true
    /// Clock used for every timestamp (tests move time forward with it).
    public var clock: @Sendable () -> Date = { Date() }
    /// Seed trees to load instead of the built-in ones (tests set up exact states with it).
    var seedOverride: [SeedLoader.Tree]?

    /// Creates the default configuration.
    public init() {}

    /// Rate limits of `POST /api/v1/tasks/` (fixed windows; 429 with the wait in the message).
    public struct RateLimits: Sendable {
        /// Whether limits apply at all.
        public var enabled: Bool = true
        /// Every task request per user: count and window seconds (30 per 4 min).
        public var taskPerUser: Limit = Limit(times: 30, seconds: 240)
        /// Explicit `assistant_reply` requests per user (4 per 2 min).
        public var assistantReplyPerUser: Limit = Limit(times: 4, seconds: 120)
        /// Explicit `prompter_reply` requests per user (8 per 2 min).
        public var prompterReplyPerUser: Limit = Limit(times: 8, seconds: 120)
        /// Task requests without a user, per API key (10 000 per min).
        public var taskPerAPIKey: Limit = Limit(times: 10_000, seconds: 60)

        /// Creates the backend's default limits.
        public init() {}

        /// One limit: at most `times` requests per `seconds`.
        public struct Limit: Sendable, Equatable {
            /// Requests allowed per window.
            public var times: Int
            /// Window length in seconds.
            public var seconds: Int

            /// Creates a limit.
            public init(times: Int, seconds: Int) {
                self.times = times
                self.seconds = seconds
            }
        }
    }
}
