import TerminalUI

/// What the contributor is building for the current task.
public enum TaskWork: Equatable, Sendable {
    /// A written reply (initial prompt, prompter or assistant reply).
    case reply(TextEditor)
    /// Label answers.
    case labels(LabelForm)
    /// A ranking.
    case ranking(RankingForm)
    /// A task this client cannot answer: it can only be skipped.
    case unsupported
}
