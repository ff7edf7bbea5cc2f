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

extension TaskWork {
    /// What autosave keeps of the unfinished answer: the reply text, or the label or ranking answers as JSON
    /// (`LabelForm.draft`, `RankingForm.draft`); nil when there is nothing to keep.
    public var draftText: String? {
        switch self {
        case .reply(let editor): return editor.text
        case .labels(let form): return form.draft
        case .ranking(let form): return form.draft
        case .unsupported: return nil
        }
    }

    /// Whether the answer holds anything worth keeping when oasst quits.
    public var hasDraftContent: Bool {
        switch self {
        case .reply(let editor): return !editor.text.isEmpty
        case .labels(let form): return form.hasAnswers
        case .ranking(let form): return form.hasAnswers
        case .unsupported: return false
        }
    }
}
