import OasstProtocol
import TerminalUI

/// The answers of one label task: widgets grouped yes/no → flags → likert (as the website groups
/// them), the focused one, and the values exactly as the website sends them.
public struct LabelForm: Equatable, Sendable {
    /// One label's widget.
    public enum Widget: Equatable, Sendable {
        /// Yes = 1, no = 0.
        case yesNo(YesNoQuestion)
        /// Set = 1.
        case flag(FlagToggle)
        /// Five stops; `LikertSlider.value` already flips inverted labels.
        case likert(LikertSlider)
        /// A widget this client does not know: shown, sent as 0.
        case unsupported(String)
    }

    /// One label on the form.
    public struct Item: Equatable, Sendable {
        /// Label name as sent.
        public var name: String
        /// Its widget and answer.
        public var widget: Widget
        /// Whether the server requires it.
        public var isMandatory: Bool
        /// The server's help text (untrusted), if any.
        public var helpText: String?
        /// The server's display text (untrusted).
        public var displayText: String
    }

    /// The items in display order.
    public private(set) var items: [Item]
    /// Index of the focused item.
    public private(set) var focus: Int = 0
    /// Whether the focused label's help text is shown.
    public var showsInfo = false
    /// Names in the order the task listed them (the order values are built in).
    public let names: [String]

    /// Builds the form for a label task; `lang` is the labelled message's language (for "Not English").
    public init(task: LabelingTask) {
        let lang = task.conversation.messages.last?.lang
        let mandatory = Set(task.mandatoryLabels)
        var yesNo: [Item] = []
        var flags: [Item] = []
        var likerts: [Item] = []
        var others: [Item] = []
        for label in task.labels {
            let caption = LabelCaption.forLabel(name: label.name, displayText: label.displayText, lang: lang)
            let isMandatory = mandatory.contains(label.name)
            func item(_ widget: Widget) -> Item {
                Item(
                    name: label.name, widget: widget, isMandatory: isMandatory, helpText: label.helpText,
                    displayText: label.displayText)
            }
            switch label.widget {
            case .yesNo:
                let question = caption.text + (isMandatory ? " *" : "")
                yesNo.append(item(.yesNo(YesNoQuestion(question: question))))
            case .flag:
                flags.append(item(.flag(FlagToggle(label: caption.text))))
            case .likert:
                let slider = LikertSlider(
                    title: caption.text + (isMandatory ? " *" : ""), zeroCaption: caption.zero,
                    oneCaption: caption.one, inverted: caption.inverted)
                likerts.append(item(.likert(slider)))
            case .other(let widget):
                others.append(item(.unsupported(widget)))
            }
        }
        items = yesNo + flags + likerts + others
        names = task.labels.map(\.name)
        setFocus(0)
    }

    /// The focused item.
    public var focused: Item? { items.indices.contains(focus) ? items[focus] : nil }

    /// Whether an item has an answer (a flag always has one).
    public static func isAnswered(_ item: Item) -> Bool {
        switch item.widget {
        case .yesNo(let question): return question.answer != nil
        case .flag: return true
        case .likert(let slider): return slider.stop != nil
        case .unsupported: return false
        }
    }

    /// Mandatory labels still unanswered, by name.
    public var missingMandatory: [String] {
        items.filter { $0.isMandatory && !LabelForm.isAnswered($0) }.map(\.name)
    }

    /// Whether any answer was given (for the skip confirmation).
    public var hasAnswers: Bool {
        items.contains { item in
            switch item.widget {
            case .yesNo(let question): return question.answer != nil
            case .flag(let flag): return flag.isOn
            case .likert(let slider): return slider.stop != nil
            case .unsupported: return false
            }
        }
    }

    /// Every label of the task: yes/no and flags as 1/0, likert as sent (1 − v when inverted), unanswered as 0.
    public var values: [String: Double] {
        var result: [String: Double] = [:]
        for name in names { result[name] = 0 }
        for item in items {
            switch item.widget {
            case .yesNo(let question): result[item.name] = question.answer == true ? 1 : 0
            case .flag(let flag): result[item.name] = flag.isOn ? 1 : 0
            case .likert(let slider): result[item.name] = slider.value ?? 0
            case .unsupported: result[item.name] = 0
            }
        }
        return result
    }

    /// Moves the focus to an item (clamped) and marks the widgets.
    public mutating func setFocus(_ index: Int) {
        guard !items.isEmpty else { return }
        focus = min(max(0, index), items.count - 1)
        for i in items.indices {
            let isFocused = i == focus
            switch items[i].widget {
            case .yesNo(var question):
                question.isFocused = isFocused
                items[i].widget = .yesNo(question)
            case .flag(var flag):
                flag.isFocused = isFocused
                items[i].widget = .flag(flag)
            case .likert(var slider):
                slider.isFocused = isFocused
                items[i].widget = .likert(slider)
            case .unsupported:
                break
            }
        }
    }

    /// Applies a labelling command to the focused item (`key` is the key that triggered it, for
    /// digits). Returns true when an answer changed.
    public mutating func apply(_ command: Command, key: Key?) -> Bool {
        guard items.indices.contains(focus) else { return false }
        var item = items[focus]
        var changed = false
        switch item.widget {
        case .yesNo(var question):
            if command == .answerYes {
                changed = question.apply(.character("y"))
            } else if command == .answerNo {
                changed = question.apply(.character("n"))
            } else if command == .clearLabel {
                changed = question.apply(.backspace)
            }
            item.widget = .yesNo(question)
        case .flag(var flag):
            if command == .toggleFlag {
                changed = flag.apply(.space)
            } else if command == .clearLabel {
                changed = flag.apply(.backspace)
            }
            item.widget = .flag(flag)
        case .likert(var slider):
            let before = slider.stop
            if command == .sliderLeft {
                slider.step(-1)
            } else if command == .sliderRight {
                slider.step(1)
            } else if command == .clearLabel {
                slider.clear()
            } else if command == .sliderValue, case .character(let character) = key,
                let digit = character.wholeNumberValue, (1...LikertSlider.stopCount).contains(digit)
            {
                slider.choose(digit)
            }
            changed = before != slider.stop
            item.widget = .likert(slider)
        case .unsupported:
            return false
        }
        items[focus] = item
        return changed
    }
}

extension LabelForm {
    /// The answers as draft JSON, `{"labels":{name: true/false for yes-no and flags, slider stop 0–4}}`; labels
    /// left unanswered (and flags left off) are absent.
    public var draft: String {
        var answers: [String: JSONValue] = [:]
        for item in items {
            switch item.widget {
            case .yesNo(let question): if let answer = question.answer { answers[item.name] = .bool(answer) }
            case .flag(let flag): if flag.isOn { answers[item.name] = .bool(true) }
            case .likert(let slider): if let stop = slider.stop { answers[item.name] = .integer(Int64(stop)) }
            case .unsupported: break
            }
        }
        return JSONValue.object(["labels": .object(answers)]).description
    }

    /// Puts back the answers of a `draft`; anything unreadable, unknown or out of range is left unanswered.
    public mutating func restore(draft: String) {
        guard case .object(let answers)? = (try? OasstJSON.parse(draft))?["labels"] else { return }
        for index in items.indices {
            guard let answer = answers[items[index].name] else { continue }
            switch (items[index].widget, answer) {
            case (.yesNo(var question), .bool(let value)):
                question.answer = value
                items[index].widget = .yesNo(question)
            case (.flag(var flag), .bool(let value)):
                flag.isOn = value
                items[index].widget = .flag(flag)
            case (.likert(var slider), _):
                guard let stop = answer.intValue, (0..<LikertSlider.stopCount).contains(stop) else { continue }
                slider.stop = stop
                items[index].widget = .likert(slider)
            case (.yesNo, _), (.flag, _), (.unsupported, _):
                continue
            }
        }
    }
}
