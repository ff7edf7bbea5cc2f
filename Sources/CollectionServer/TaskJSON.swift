import Foundation
import OasstProtocol

/// Writes the JSON of the tasks this server hands out, byte for byte what `OasstJSON.encode` writes for them (keys
/// sorted, slashes unescaped), without `JSONEncoder`'s boxing: encoding a task was a twelfth of the server's time
/// per request. Kinds and values it does not cover (a kind the server never hands out, reaction names it cannot
/// order the way the encoder does) return nil and go through `OasstJSON.encode`.
struct TaskJSON {
    private var bytes: [UInt8] = []

    /// The task's JSON, or nil when `OasstJSON.encode` must write it.
    static func encode(_ task: OasstTask) -> Data? {
        var writer = TaskJSON()
        writer.bytes.reserveCapacity(4096)
        guard writer.write(task) else { return nil }
        return Data(writer.bytes)
    }

    private mutating func write(_ task: OasstTask) -> Bool {
        switch task {
        case .initialPrompt(let body):
            raw("{\"hint\":")
            optionalString(body.hint)
            raw(",\"id\":")
            uuid(body.id)
            type(task)
        case .assistantReply(let body):
            raw("{\"conversation\":")
            guard conversation(body.conversation) else { return false }
            raw(",\"id\":")
            uuid(body.id)
            type(task)
        case .prompterReply(let body):
            raw("{\"conversation\":")
            guard conversation(body.conversation) else { return false }
            raw(",\"hint\":")
            optionalString(body.hint)
            raw(",\"id\":")
            uuid(body.id)
            type(task)
        case .rankAssistantReplies(let body), .rankPrompterReplies(let body):
            raw("{\"conversation\":")
            guard conversation(body.conversation) else { return false }
            raw(",\"id\":")
            uuid(body.id)
            raw(",\"message_tree_id\":")
            uuid(body.messageTreeID)
            raw(",\"ranking_parent_id\":")
            uuid(body.rankingParentID)
            raw(",\"replies\":")
            strings(body.replies)
            raw(",\"reply_messages\":[")
            for (index, message) in body.replyMessages.enumerated() {
                if index > 0 { raw(",") }
                guard self.message(message) else { return false }
            }
            raw("],\"reveal_synthetic\":")
            bool(body.revealSynthetic)
            type(task)
        case .labelInitialPrompt(let body), .labelPrompterReply(let body), .labelAssistantReply(let body):
            raw("{\"conversation\":")
            guard conversation(body.conversation) else { return false }
            raw(",\"disposition\":")
            optionalString(body.disposition)
            raw(",\"id\":")
            uuid(body.id)
            raw(",\"labels\":[")
            for (index, label) in body.labels.enumerated() {
                if index > 0 { raw(",") }
                raw("{\"display_text\":")
                string(label.displayText)
                raw(",\"help_text\":")
                optionalString(label.helpText)
                raw(",\"name\":")
                string(label.name)
                raw(",\"widget\":")
                string(label.widget.rawValue)
                raw("}")
            }
            raw("],\"mandatory_labels\":")
            strings(body.mandatoryLabels)
            raw(",\"message_id\":")
            uuid(body.messageID)
            raw(",\"mode\":")
            optionalString(body.mode)
            // The text goes under `prompt` for prompt labelling and `reply` otherwise ("prompt" < "reply" < "type").
            if case .labelInitialPrompt = task {
                raw(",\"prompt\":")
                optionalString(body.text)
                type(task)
            } else {
                raw(",\"reply\":")
                optionalString(body.text)
                type(task)
            }
            raw(",\"valid_labels\":")
            strings(body.validLabels)
            raw("}")
            return true
        case .rankInitialPrompts, .summarizeStory, .rateSummary, .unknown:
            return false
        }
        raw("}")
        return true
    }

    /// `,"type":"…"` (the last key of every task but labelling ones).
    private mutating func type(_ task: OasstTask) {
        raw(",\"type\":")
        string(task.typeName)
    }

    private mutating func conversation(_ conversation: Conversation) -> Bool {
        raw("{\"messages\":[")
        for (index, message) in conversation.messages.enumerated() {
            if index > 0 { raw(",") }
            guard self.message(message) else { return false }
        }
        raw("]}")
        return true
    }

    private mutating func message(_ message: ConversationMessage) -> Bool {
        raw("{\"emojis\":{")
        guard let names = Self.orderedNames(message.emojis.keys) else { return false }
        for (index, name) in names.enumerated() {
            if index > 0 { raw(",") }
            string(name)
            raw(":")
            raw(String(message.emojis[name] ?? 0))
        }
        raw("},\"frontend_message_id\":")
        optionalString(message.frontendMessageID)
        raw(",\"id\":")
        uuid(message.id)
        raw(",\"is_assistant\":")
        bool(message.isAssistant)
        raw(",\"lang\":")
        optionalString(message.lang)
        raw(",\"synthetic\":")
        if let synthetic = message.synthetic { bool(synthetic) } else { raw("null") }
        raw(",\"text\":")
        string(message.text)
        raw(",\"user_emojis\":")
        strings(message.userEmojis)
        raw(",\"user_id\":")
        if let user = message.userID { uuid(user) } else { raw("null") }
        raw(",\"user_is_author\":")
        if let author = message.userIsAuthor { bool(author) } else { raw("null") }
        raw("}")
        return true
    }

    /// Reaction names in the encoder's key order, when plain byte order is certainly that order: lower-case
    /// ASCII letters, `_`, `+`, `-` and at most one digit (the encoder compares digit runs as numbers).
    static func orderedNames(_ names: Dictionary<String, Int>.Keys) -> [String]? {
        if names.isEmpty { return [] }
        for name in names {
            var digits = 0
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                    continue
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    digits += 1
                default:
                    return nil
                }
            }
            if digits > 1 { return nil }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    private mutating func uuid(_ value: UUID) {
        bytes.append(UInt8(ascii: "\""))
        raw(value.uuidString.lowercased())
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    private mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string as the encoder writes it: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx`, everything else (slashes, DEL, non-ASCII) as it is.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x08: raw("\\b")
            case 0x09: raw("\\t")
            case 0x0A: raw("\\n")
            case 0x0C: raw("\\f")
            case 0x0D: raw("\\r")
            case 0x00..<0x20:
                raw("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
