/// The website's captions for the labels the backend hands out (PROTOCOL.md §4), so a label reads
/// the same here as on the website; unknown labels fall back to the server's display text.
public struct LabelCaption: Equatable, Sendable {
    /// Question (yes/no), caption (flag) or title (likert).
    public var text: String
    /// Likert caption of value 0.
    public var zero: String
    /// Likert caption of value 1.
    public var one: String
    /// Whether the website draws the likert inverted (value 1 on the left) and sends 1 − v.
    public var inverted: Bool

    /// Creates a caption.
    public init(text: String, zero: String = "", one: String = "", inverted: Bool = false) {
        self.text = text
        self.zero = zero
        self.one = one
        self.inverted = inverted
    }

    /// English names of common language codes, for "Not {language}".
    static let languages: [String: String] = [
        "en": "English", "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt-BR": "Portuguese",
        "ru": "Russian", "zh": "Chinese", "ja": "Japanese", "pl": "Polish", "nl": "Dutch", "uk-UA": "Ukrainian",
    ]

    /// The caption for a label; `displayText` is the server's (untrusted) text, `lang` the labelled message's language.
    public static func forLabel(name: String, displayText: String, lang: String?) -> LabelCaption {
        switch name {
        case "spam": return LabelCaption(text: "Is the message spam?")
        case "fails_task": return LabelCaption(text: "Is it a bad reply, as an answer to the prompt task?")
        case "lang_mismatch":
            let code = lang ?? "en"
            return LabelCaption(text: "Not \(languages[code] ?? code)")
        case "pii": return LabelCaption(text: "Contains PII")
        case "not_appropriate": return LabelCaption(text: "Not Appropriate")
        case "hate_speech": return LabelCaption(text: "Hate Speech")
        case "sexual_content": return LabelCaption(text: "Sexual Content")
        case "moral_judgement": return LabelCaption(text: "Judges Morality")
        case "political_content": return LabelCaption(text: "Political")
        case "quality": return LabelCaption(text: "Quality", zero: "Low Quality", one: "High Quality")
        case "creativity": return LabelCaption(text: "Creativity", zero: "Ordinary", one: "Creative")
        case "humor": return LabelCaption(text: "Humor", zero: "Serious", one: "Humorous")
        case "helpfulness": return LabelCaption(text: "Helpfulness", zero: "Unhelpful", one: "Helpful")
        case "toxicity": return LabelCaption(text: "Toxicity", zero: "Polite", one: "Rude", inverted: true)
        case "violence": return LabelCaption(text: "Violence", zero: "Harmless", one: "Violent", inverted: true)
        default: return LabelCaption(text: displayText, zero: "Not at all", one: "Very much")
        }
    }
}
