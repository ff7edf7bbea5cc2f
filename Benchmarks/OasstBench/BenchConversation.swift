import Foundation
import OasstProtocol

/// A long synthetic conversation for the frame scenarios: 100 messages, about 200 KB of markdown with
/// headings, lists, code blocks, tables, CJK and emoji, built deterministically so runs compare.
enum BenchConversation {
    /// The messages, alternating user and assistant, the last one a user message (an assistant reply task).
    static func messages(count: Int = 100, bytesPerMessage: Int = 2_000) -> [ConversationMessage] {
        (0..<count).map { index in
            ConversationMessage(
                id: uuid(index), text: text(index, bytes: bytesPerMessage), lang: "en",
                isAssistant: index % 2 == 1)
        }
    }

    /// The conversation as an assistant-reply task.
    static func assistantReplyTask(count: Int = 100) -> OasstTask {
        .assistantReply(
            AssistantReplyTask(id: uuid(10_000), conversation: Conversation(messages: messages(count: count))))
    }

    /// Total UTF-8 bytes of the message texts.
    static func byteCount(_ messages: [ConversationMessage]) -> Int {
        messages.reduce(0) { $0 + $1.text.utf8.count }
    }

    private static func uuid(_ index: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", index)) ?? UUIDText.random()
    }

    private static let pieces: [String] = [
        "## Step %d: what changes\n\nThe **parser** reads the input once and keeps _no_ state between calls; "
            + "see `parse(_:)` and [the notes](https://example.org/notes/%d).\n",
        "- first point about item %d, which wraps across a line when the terminal is narrow enough\n"
            + "- second point with `inline code` and **bold**\n  - a nested point\n",
        "```swift\nfunc step%d(_ values: [Int]) -> Int {\n    values.reduce(0) { $0 + $1 * 2 }\n}\n```\n",
        "数据集中的第%d条消息包含中文、日本語のテキスト、그리고 한국어 문장을 함께 보여 줍니다。表示幅は二つです。\n",
        "| column | value %d |\n|---|---|\n| width | 200 |\n| height | 60 |\n",
        "> A quoted remark number %d, with an emoji 🙂 and a long tail of words to wrap the quote.\n",
        "1. numbered %d\n2. and another one with a [link](https://example.com)\n",
    ]

    private static func text(_ index: Int, bytes: Int) -> String {
        var out = ""
        var piece = index
        while out.utf8.count < bytes {
            out += String(format: pieces[piece % pieces.count], piece, piece) + "\n"
            piece += 1
        }
        return out
    }
}
