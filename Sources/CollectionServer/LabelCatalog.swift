import OasstProtocol

/// The text labels the backend knows: descriptions, widgets and the label sets of each label task (§4).
enum LabelCatalog {
    /// Every label name the schema accepts, in the backend's enum order (422 beyond these).
    static let allNames: [String] = [
        "spam", "fails_task", "lang_mismatch", "pii", "not_appropriate", "hate_speech", "sexual_content",
        "moral_judgement", "political_content", "quality", "toxicity", "humor", "helpfulness", "creativity",
        "violence",
    ]

    /// Labels that must be present in every label answer.
    static let mandatory: [String] = ["spam"]

    /// Full-mode labels for prompts and prompter replies.
    static let fullPrompt: [String] = [
        "spam", "lang_mismatch", "quality", "creativity", "humor", "toxicity", "violence", "not_appropriate", "pii",
        "hate_speech", "sexual_content",
    ]

    /// Full-mode labels for assistant replies.
    static let fullAssistant: [String] = [
        "spam", "lang_mismatch", "fails_task", "quality", "helpfulness", "creativity", "humor", "toxicity", "violence",
        "not_appropriate", "pii", "hate_speech", "sexual_content",
    ]

    /// Simple-mode labels for reply label tasks.
    static let simpleReply: [String] = ["spam", "lang_mismatch", "quality"]

    /// `fullPrompt`'s descriptions (built once: label tasks sent them built anew, label by label).
    static let fullPromptDescriptions = fullPrompt.map(description)
    /// `fullAssistant`'s descriptions.
    static let fullAssistantDescriptions = fullAssistant.map(description)
    /// `simpleReply`'s descriptions.
    static let simpleReplyDescriptions = simpleReply.map(description)

    /// The description the server sends for a label.
    static func description(_ name: String) -> LabelDescription {
        switch name {
        case "spam":
            return LabelDescription(
                name: name, widget: .yesNo, displayText: "Seems to be intentionally low-quality or irrelevant")
        case "fails_task":
            return LabelDescription(
                name: name, widget: .yesNo, displayText: "Fails to follow the correct instruction / task")
        case "lang_mismatch":
            return LabelDescription(
                name: name, widget: .flag, displayText: "Wrong Language",
                helpText: "The message is written in a language that differs from the currently selected language.")
        case "pii":
            return LabelDescription(
                name: name, widget: .flag, displayText: "Contains personal identifiable information (PII)")
        case "not_appropriate":
            return LabelDescription(name: name, widget: .flag, displayText: "Inappropriate")
        case "hate_speech":
            return LabelDescription(
                name: name, widget: .flag,
                displayText:
                    "Content is abusive or threatening and expresses prejudice against a protected characteristic",
                helpText:
                    "Prejudice refers to preconceived views not based on reason. Protected characteristics include "
                    + "gender, ethnicity, religion, sexual orientation, and similar characteristics.")
        case "sexual_content":
            return LabelDescription(name: name, widget: .flag, displayText: "Contains sexual content")
        case "moral_judgement":
            return LabelDescription(name: name, widget: .flag, displayText: "Expresses moral judgement")
        case "political_content":
            return LabelDescription(name: name, widget: .flag, displayText: "Expresses political views")
        case "quality":
            return LabelDescription(
                name: name, widget: .likert, displayText: "Overall subjective quality rating of the message")
        case "helpfulness":
            return LabelDescription(name: name, widget: .likert, displayText: "Helpfulness of the message")
        case "creativity":
            return LabelDescription(name: name, widget: .likert, displayText: "Creativity")
        case "humor":
            return LabelDescription(name: name, widget: .likert, displayText: "Humorous content including sarcasm")
        case "toxicity":
            return LabelDescription(
                name: name, widget: .likert, displayText: "Rude, abusive, profane or insulting content")
        case "violence":
            return LabelDescription(name: name, widget: .likert, displayText: "Violence/abuse/terrorism/self-harm")
        default:
            return LabelDescription(name: name, widget: .flag, displayText: name)
        }
    }
}
