import TestSupport
import Testing

@testable import TerminalUI

/// Golden screens for the main widgets at the two snapshot sizes, with CJK and emoji content.
@Suite struct GoldenScreenTests {
    static let sizes: [(width: Int, height: Int)] = [(80, 24), (40, 12)]

    static func editorScreen(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.put("Write the assistant's reply", x: 0, y: 0, slot: .title)
        let area = Rect(x: 0, y: 1, width: width, height: height - 2)
        var editor = TextEditor(
            text: "", limit: 200, wrapWidth: area.width, viewHeight: area.height - 1)
        editor.paste(
            "你好！Here is a reply with CJK 日本語のテキスト and emoji 👍🏽 🇯🇵 ❤️ 👨‍👩‍👧 mixed in.\r\n\r\n"
                + "1. First point, long enough to wrap around the right edge of a narrow terminal.\n"
                + "2. Second\tpoint after a tab.\u{1B}[2J")
        for _ in 0..<3 { editor.apply(.up) }
        editor.apply(.alt("f"))
        editor.render(into: &screen, in: area)
        StatusBar([
            .kept("REPLY"), .position("1/8"), .kept("online", slot: .statusOnline), .hints("C-s review"),
            .kept("F1 help"),
        ])
        .render(into: &screen, in: Rect(x: 0, y: height - 1, width: width, height: 1))
        return screen
    }

    static func slidersScreen(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.put("Label the reply", x: 0, y: 0, slot: .title)
        var quality = LikertSlider(title: "Quality 品質", zeroCaption: "低い low", oneCaption: "高い high 🌟")
        quality.choose(4)
        quality.isFocused = true
        var toxicity = LikertSlider(title: "Toxicity", zeroCaption: "harmless 😇", oneCaption: "toxic ☠️", inverted: true)
        toxicity.choose(5)
        let humor = LikertSlider(title: "Humor ユーモア", zeroCaption: "serious", oneCaption: "funny 😂")
        quality.render(into: &screen, in: Rect(x: 0, y: 2, width: width, height: 3))
        toxicity.render(into: &screen, in: Rect(x: 0, y: 5, width: width, height: 3))
        humor.render(into: &screen, in: Rect(x: 0, y: 8, width: width, height: 3))
        if height > 12 {
            YesNoQuestion(question: "Is it spam? スパム", answer: false).render(
                into: &screen, in: Rect(x: 0, y: 12, width: width, height: 1))
            FlagToggle(label: "Not appropriate 不適切 🚫", isOn: true).render(
                into: &screen, in: Rect(x: 0, y: 13, width: width, height: 1))
        }
        return screen
    }

    static func rankScreen(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        screen.put("Rank the replies, best first", x: 0, y: 0, slot: .title)
        var list = RankList(items: [
            "A short reply. 👍",
            "中文的回答：这是一个比较长的回答，用来测试换行和宽字符的显示是否正确。",
            "Multi-line reply\nwith a second line and an emoji family 👨‍👩‍👧 at the end, long enough to wrap.",
            "Reply four 🇯🇵",
            "Reply five with a control \u{1B}]0;title\u{7} inside",
        ])
        list.moveCursor(by: 1)
        list.toggleExpanded()
        list.moveCursor(by: 2)
        list.pickUp()
        list.moveCursor(by: -1)
        list.render(into: &screen, in: Rect(x: 0, y: 2, width: width, height: height - 3))
        return screen
    }

    static func helpScreen(width: Int, height: Int) -> Screen {
        var screen = Screen(width: width, height: height)
        let help = HelpOverlay(groups: [
            HelpOverlay.Group(
                title: "ranking (current)",
                entries: [
                    .init(keys: "j k ↓ ↑", description: "move the cursor, or the held item"),
                    .init(keys: "Space", description: "pick up / drop"),
                    .init(keys: "Esc", description: "put the held item back"),
                    .init(keys: "1–9", description: "put at rank N; the others shift 順位"),
                    .init(keys: "o", description: "full text of the reply 📖"),
                ]),
            HelpOverlay.Group(
                title: "global",
                entries: [
                    .init(keys: "? <F1>", description: "this help"),
                    .init(keys: "Q", description: "queue (outbox) view"),
                    .init(keys: "s", description: "skip the task, with a confirmation if you entered anything"),
                    .init(keys: "q <C-c>", description: "quit; the draft is saved"),
                    .init(keys: "u", description: "undo the last change"),
                ]),
            HelpOverlay.Group(
                title: "writing",
                entries: [
                    .init(keys: "<C-s> <M-Enter>", description: "review the reply"),
                    .init(keys: "<C-x><C-e>", description: "external editor"),
                ]),
        ])
        help.render(into: &screen, in: screen.bounds)
        return screen
    }

    @Test(arguments: [0, 1]) func editor(size: Int) {
        let (width, height) = Self.sizes[size]
        assertSnapshot(Self.editorScreen(width: width, height: height), named: "editor-\(width)x\(height)")
    }

    @Test(arguments: [0, 1]) func sliders(size: Int) {
        let (width, height) = Self.sizes[size]
        assertSnapshot(Self.slidersScreen(width: width, height: height), named: "sliders-\(width)x\(height)")
    }

    @Test(arguments: [0, 1]) func rankList(size: Int) {
        let (width, height) = Self.sizes[size]
        assertSnapshot(Self.rankScreen(width: width, height: height), named: "ranklist-\(width)x\(height)")
    }

    @Test(arguments: [0, 1]) func helpOverlay(size: Int) {
        let (width, height) = Self.sizes[size]
        assertSnapshot(Self.helpScreen(width: width, height: height), named: "help-\(width)x\(height)")
    }
}
