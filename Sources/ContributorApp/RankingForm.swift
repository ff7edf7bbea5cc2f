import OasstProtocol
import TerminalUI

/// The answer of one ranking task: the replies as a rank list, the "cannot be ranked" box and
/// whether the order was touched (an untouched order asks for confirmation).
public struct RankingForm: Equatable, Sendable {
    /// The list; its `ranking` is delivered indexes, best first.
    public var list: RankList
    /// All replies are flawed (a full permutation is still sent).
    public var notRankable = false
    /// Whether the contributor moved anything.
    public var touched = false
    /// Whether the held item was picked up by a mouse press (a release drops it).
    public private(set) var isDragging = false

    /// Builds the list from the prompts of a `rank_initial_prompts` task (never handed out by the
    /// real backend, ranked the same way if a server offers it).
    public init(prompts task: RankInitialPromptsTask) {
        list = RankList(items: task.promptMessages.isEmpty ? task.prompts : task.promptMessages.map(\.text))
    }

    /// Builds the list from the delivered replies; a "synthetic" badge only when the task reveals it.
    public init(task: RankRepliesTask) {
        let texts = task.replyMessages.isEmpty ? task.replies : task.replyMessages.map(\.text)
        let badged = texts.enumerated().map { index, text -> String in
            let isSynthetic =
                task.revealSynthetic && task.replyMessages.indices.contains(index)
                && task.replyMessages[index].synthetic == true
            return isSynthetic ? "[synthetic] " + text : text
        }
        list = RankList(items: badged)
    }

    /// Whether submitting needs the "order unchanged" confirmation.
    public var needsConfirmation: Bool { !touched && !notRankable }

    /// Whether anything was entered (for the skip confirmation).
    public var hasAnswers: Bool { touched || notRankable }

    /// The list's rows and, below them, the "cannot be ranked" box row, in the answer area.
    public static func areas(in lower: Rect) -> (list: Rect, box: Rect) {
        lower.splitBottom(1)
    }

    /// Mouse press on rank position `position`: puts the cursor there and picks that item up.
    /// Ignored while an item is already held.
    public mutating func beginDrag(at position: Int) {
        guard !list.isHolding else { return }
        list.moveCursor(to: position)
        list.pickUp()
        isDragging = list.isHolding
    }

    /// Mouse drag over rank position `position`: moves the held item there, as the keys do.
    public mutating func drag(to position: Int) {
        guard isDragging else { return }
        let before = list.ranking
        list.moveCursor(to: position)
        if before != list.ranking { touched = true }
    }

    /// Mouse release: drops the held item at `position`, or puts it back when released outside
    /// the list (`nil`).
    public mutating func endDrag(at position: Int?) {
        guard isDragging else { return }
        if let position {
            drag(to: position)
            list.drop()
        } else {
            list.cancel()
        }
        isDragging = false
    }

    /// Applies a ranking command (`key` gives the digit for put-at-rank). Returns true when the answer changed.
    public mutating func apply(_ command: Command, key: Key?) -> Bool {
        let before = (list.ranking, notRankable)
        switch command {
        case .rankDown: list.moveCursor(by: 1)
        case .rankUp: list.moveCursor(by: -1)
        case .pickDrop: list.toggleHold()
        case .putBack: list.cancel()
        case .moveDown: list.moveItem(by: 1)
        case .moveUp: list.moveItem(by: -1)
        case .putAtRank:
            if case .character(let character) = key, let digit = character.wholeNumberValue, digit >= 1 {
                list.put(atRank: digit)
            }
        case .fullText: list.toggleExpanded()
        case .notRankable: notRankable.toggle()
        case .help, .quit, .queue, .skip, .report, .undo, .redraw, .chooseKind, .startDown, .startUp, .startChoose,
            .startRefresh, .startBack, .scrollDown, .scrollUp, .pageDown, .pageUp, .scrollTop, .scrollBottom, .review,
            .enterEditor, .leaveEditor, .externalEditor, .submit, .backToEdit, .nextLabel, .previousLabel,
            .answerYes, .answerNo, .toggleFlag, .sliderLeft, .sliderRight, .sliderValue, .clearLabel, .labelInfo,
            .finishLabels, .finishRanking, .queueDown, .queueUp, .queueRetry, .queueRecall, .queueExport,
            .queueDiscard, .queueFlush, .queueClose, .helpClose, .helpDown, .helpUp, .helpFilter:
            return false
        }
        if !list.isHolding { isDragging = false }
        let changed = before.0 != list.ranking || before.1 != notRankable
        if before.0 != list.ranking { touched = true }
        return changed
    }
}

extension RankingForm {
    /// The answer as draft JSON: `{"order":[…],"not_rankable":…,"touched":…}`.
    public var draft: String {
        JSONValue.object([
            "order": .array(list.ranking.map { .integer(Int64($0)) }), "not_rankable": .bool(notRankable),
            "touched": .bool(touched),
        ]).description
    }

    /// Puts back the answer of a `draft`; an order that is not a permutation of these items is ignored.
    public mutating func restore(draft: String) {
        guard let value = try? OasstJSON.parse(draft), case .array(let numbers)? = value["order"] else { return }
        let order = numbers.compactMap(\.intValue)
        guard order.count == numbers.count, list.restore(order: order) else { return }
        if case .bool(let flag)? = value["not_rankable"] { notRankable = flag }
        if case .bool(let flag)? = value["touched"] { touched = flag }
    }
}
