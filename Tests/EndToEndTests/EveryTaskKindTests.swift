import Foundation
import TestSupport
import Testing

/// The release binary in tmux against its embedded server on loopback: one task of every kind the
/// server hands out, done from the keyboard, then checked through `oasst queue` and `oasst export`.
@Suite(.serialized) struct EveryTaskKindTests {
    /// A kind on the start screen: its row, the words its screen shows, and how to answer it.
    struct Kind {
        var row: Int
        var titles: [String]
        var answer: (TmuxSession) throws -> Void
    }

    /// A private home with XDG folders for one run.
    static func makeHome() throws -> (URL, [String: String]) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("oasst-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = [
            "HOME": home.path, "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path, "USER": "e2e-tester",
        ]
        return (home, environment)
    }

    static func write(_ session: TmuxSession, _ text: String) throws {
        try session.waitFor(text: "C-s review")  // the editor is open (not the loading screen)
        try session.type(text)
        try session.waitFor(text: String(text.prefix(20)))
        try session.press("C-s")
        try session.waitFor(text: "Review")
        try session.press("Enter")
    }

    static func label(_ session: TmuxSession) throws {
        try session.waitFor(text: "Is the message spam?")
        try session.press("n")
        try session.waitFor(text: "NO")
        try session.press("Enter")
        try session.waitFor(text: "REVIEW")
        try session.press("Enter")
    }

    static func rank(_ session: TmuxSession) throws {
        try session.waitFor(text: "Replies, best first")
        try session.press("J")
        Thread.sleep(forTimeInterval: 0.2)
        try session.press("Enter")
        try session.waitFor(text: "REVIEW")
        try session.press("Enter")
    }

    @Test(.enabled(if: OasstBinary.url != nil), .timeLimit(.minutes(5)))
    func completesOneTaskOfEveryKind() throws {
        let binary = try #require(OasstBinary.url)
        let (home, environment) = try Self.makeHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let stamp = String(UUID().uuidString.prefix(6))
        let texts = [
            "What is the best way to store fresh herbs? (\(stamp))",
            "Could you explain that with an example, please? (\(stamp))",
            "Sure: keep basil like cut flowers in a glass of water on the counter. (\(stamp))",
        ]
        let kinds: [Kind] = [
            Kind(row: 1, titles: ["Create Initial Prompts"]) { try Self.write($0, texts[0]) },
            Kind(row: 2, titles: ["Reply as User"]) { try Self.write($0, texts[1]) },
            Kind(row: 3, titles: ["Reply as Assistant"]) { try Self.write($0, texts[2]) },
            Kind(row: 4, titles: ["Rank User Replies"], answer: Self.rank),
            Kind(row: 5, titles: ["Rank Assistant Replies"], answer: Self.rank),
            Kind(row: 6, titles: ["Label Initial Prompt", "Classify Initial Prompt"], answer: Self.label),
            Kind(row: 7, titles: ["Label Prompter Reply", "Classify Prompter Reply"], answer: Self.label),
            Kind(row: 8, titles: ["Label Assistant Reply", "Classify Assistant Reply"], answer: Self.label),
        ]
        let session = try TmuxSession(
            command: "\(binary.path); echo OASST-EXIT=$?; sleep 600", width: 100, height: 30, environment: environment)
        defer { session.kill() }
        try session.waitFor(text: "choose a task")
        try session.waitFor(text: "available")
        var cursor = 0  // the start list keeps its cursor on the last kind chosen
        for kind in kinds {
            for _ in cursor..<kind.row { try session.press("j") }
            cursor = kind.row
            try session.press("Enter")
            let screen = try session.waitFor("the \(kind.titles[0]) screen") { screen in
                kind.titles.contains { screen.contains($0) }
            }
            #expect(!screen.contains("OASST-EXIT"))
            try kind.answer(session)
            try session.waitFor("the next task after \(kind.titles[0])") { screen in
                !screen.contains("REVIEW") && !screen.contains("Review:")
            }
            Thread.sleep(forTimeInterval: 0.3)
            try session.press("Escape")
            Thread.sleep(forTimeInterval: 0.3)
            try session.press("T")
            try session.waitFor(text: "choose a task")
        }
        try session.press("q")
        let end = try session.waitFor(text: "OASST-EXIT=")
        #expect(end.contains("OASST-EXIT=0"))

        let flush = try OasstBinary.run(["queue", "flush"], environment: environment)
        #expect(flush.status == 0, "queue flush: \(flush.standardError)")
        let queue = try OasstBinary.run(["queue", "list", "--all", "--json"], environment: environment)
        let lines = queue.standardOutput.split(separator: "\n")
        #expect(lines.count == kinds.count, "\(queue.standardOutput)")
        #expect(lines.allSatisfy { $0.contains("\"state\":\"delivered\"") }, "\(queue.standardOutput)")
        for type in [
            "initial_prompt", "prompter_reply", "assistant_reply", "rank_prompter_replies", "rank_assistant_replies",
            "label_initial_prompt", "label_prompter_reply", "label_assistant_reply",
        ] {
            #expect(lines.contains { $0.contains("\"task_type\":\"\(type)\"") }, "no \(type) answer was delivered")
        }
        let export = try OasstBinary.run(["export", "--all"], environment: environment)
        #expect(export.status == 0)
        for text in texts { #expect(export.standardOutput.contains(text), "export lacks “\(text)”") }
        #expect(export.standardOutput.contains("\"spam\":{"), "export shows no label values")
    }
}
