/// The state a seed tree starts in on a fresh server; raw values are the protocol's `tree_state` strings.
public enum SeedTreeState: String, Sendable, Hashable, CaseIterable {
    /// A new prompt waiting for reviews: yields `label_initial_prompt` tasks.
    case initialPromptReview = "initial_prompt_review"
    /// Accepted and open for replies: yields reply, reply-label tasks.
    case growing
    /// Grown enough: yields ranking tasks for every parent with at least two replies.
    case ranking
    /// Finished and ranked: part of an export, no tasks.
    case readyForExport = "ready_for_export"
}
