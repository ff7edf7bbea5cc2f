import CollectionServer
import Foundation
import TerminalUI

/// The `oasst serve --config FILE` thresholds: a TOML file whose keys override `ServerConfiguration`
/// defaults. Unknown keys and wrong types are errors naming file and line.
enum ServerConfigFile {
    /// Integer settings: key → how it is applied.
    private static let integers: [String: @Sendable (inout ServerConfiguration, Int) -> Void] = [
        "message_size_limit": { $0.messageSizeLimit = $1 },
        "task_validity_minutes": { $0.taskValidity = TimeInterval($1 * 60) },
        "max_pending_tasks_per_user": { $0.maxPendingTasksPerUser = $1 },
        "max_body_bytes": { $0.maxBodyBytes = $1 },
        "num_reviews_initial_prompt": { $0.numReviewsInitialPrompt = $1 },
        "num_reviews_reply": { $0.numReviewsReply = $1 },
        "max_active_trees": { $0.maxActiveTrees = $1 },
        "max_initial_prompt_review": { $0.maxInitialPromptReview = $1 },
        "goal_tree_size": { $0.goalTreeSize = $1 },
        "max_tree_depth": { $0.maxTreeDepth = $1 },
        "max_children_count": { $0.maxChildrenCount = $1 },
        "num_prompter_replies": { $0.numPrompterReplies = $1 },
        "num_required_rankings": { $0.numRequiredRankings = $1 },
    ]

    /// Boolean settings: key → how it is applied.
    private static let booleans: [String: @Sendable (inout ServerConfiguration, Bool) -> Void] = [
        "rank_prompter_replies": { $0.rankPrompterReplies = $1 },
        "rate_limits": { $0.rateLimits.enabled = $1 },
        "load_seed_corpus": { $0.loadSeedCorpus = $1 },
        "enforce_terms_of_service": { $0.enforceTermsOfService = $1 },
    ]

    /// Applies the file's settings over `base`.
    static func apply(_ url: URL, to base: ServerConfiguration) throws -> ServerConfiguration {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FatalError("cannot read the server config \(url.path)")
        }
        var configuration = base
        do {
            let document = try TOMLDocument(parsing: String(decoding: data, as: UTF8.self), file: url.path)
            for (key, value) in document.root.entries {
                if let apply = integers[key] {
                    guard let number = value.integer, number >= 0 else {
                        throw document.error("“\(key)” must be a whole number ≥ 0", line: value.line)
                    }
                    apply(&configuration, number)
                } else if let apply = booleans[key] {
                    guard let flag = value.boolean else {
                        throw document.error("“\(key)” must be true or false", line: value.line)
                    }
                    apply(&configuration, flag)
                } else {
                    let known = (Array(integers.keys) + Array(booleans.keys)).sorted().joined(separator: ", ")
                    throw document.error("unknown setting “\(key)” (known: \(known))", line: value.line)
                }
            }
        } catch let error as TOMLError {
            throw FatalError("bad server config: \(error.description)")
        }
        return configuration
    }
}
