import Foundation
import Testing

@testable import CollectionServer

/// `TextTrim` gives what Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
@Suite struct TextTrimTests {
    @Test func asciiMembershipMatchesFoundationsSet() {
        for value in UInt8(0)...UInt8(127) {
            let scalar = Unicode.Scalar(value)
            #expect(
                TextTrim.isWhitespaceOrNewline(scalar) == CharacterSet.whitespacesAndNewlines.contains(scalar),
                "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimmedTextsMatchFoundation() {
        let texts = [
            "", " ", "\n", "\t\r\n \u{0B}\u{0C}", "a", " a", "a ", " a ", "\na b\n", "plain text", "日本", " 日本 ",
            "\u{00A0}nbsp\u{00A0}", "\u{2003}em\u{2003}", "\u{2028}line\u{2029}", "\u{85}next\u{85}", "\u{3000}",
            "😀 ", " 😀", "e\u{301}", " e\u{301} ", "\u{301}", "\u{FEFF}bom\u{FEFF}", "x\u{200B}", "\u{1680}ogham",
            "a\u{0}", "\u{0}a", "\u{1F}a\u{7F}",
        ]
        for text in texts {
            #expect(
                TextTrim.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }
}
