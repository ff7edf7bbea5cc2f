import ContributorApp
import Foundation
import OasstProtocol
import TerminalUI

/// The interactive-frame scenarios: what one key costs between reading it and having the next
/// screen diff ready for curses, on the 100-message conversation at 200×60.
extension Scenarios {
    static let frameWidth = 200
    static let frameHeight = 60

    /// Render + diff one frame of the long conversation with the reply editor under it.
    static let frameRender = Scenario(name: "frame-render", target: "p99 ≤ 2 ms") {
        var state = conversationState()
        var previous = view(state, width: frameWidth, height: frameHeight)
        var changes = 0
        var flip = false
        let samples = Stopwatch.sample(iterations: 1_000) {
            // Alternate the highlight of the status line so every frame differs a little from the last.
            flip.toggle()
            state.notice = flip ? AppNotice("frame") : nil
            let screen = view(state, width: frameWidth, height: frameHeight)
            changes += screen.diff(from: previous).count
            previous = screen
        }
        let messages = state.session?.task.conversation?.messages ?? []
        return [
            "frame-render: \(messages.count) messages, \(BenchConversation.byteCount(messages) / 1024) KB, "
                + "\(frameWidth)×\(frameHeight), \(changes) cell changes",
            Measurement(name: "frame-render", samples: samples, target: "p99 ≤ 2 ms").summary,
        ]
    }

    /// One keystroke in the editor holding a 2,000-character reply: update, render, diff.
    static let editorKeystroke = Scenario(name: "editor-keystroke", target: "p99 ≤ 0.5 ms") {
        var state = conversationState()
        let reply = String(repeating: "The reply grows word by word; ", count: 70)
        _ = update(&state, .input(.paste(String(reply.prefix(1_999)))))
        guard case .reply(let editor)? = state.session?.work, editor.characterCount == 1_999 else {
            throw BenchError("the editor did not take the 1,999-character paste")
        }
        var previous = view(state, width: frameWidth, height: frameHeight)
        var typed = 0
        let samples = Stopwatch.sample(iterations: 2_000) {
            // Type one character, then delete it: the reply stays at 1,999–2,000 characters.
            let key: Key = typed % 2 == 0 ? .character("x") : .backspace
            typed += 1
            _ = update(&state, .input(.key(key)))
            let screen = view(state, width: frameWidth, height: frameHeight)
            _ = screen.diff(from: previous)
            previous = screen
        }
        guard case .reply(let after)? = state.session?.work, after.characterCount >= 1_999 else {
            throw BenchError("the keystrokes did not reach the editor")
        }
        return [Measurement(name: "editor-keystroke", samples: samples, target: "p99 ≤ 0.5 ms").summary]
    }

    /// Scroll the conversation one line up: update, render, diff.
    static let scrollLine = Scenario(name: "scroll-line", target: "p99 ≤ 1 ms") {
        var state = conversationState()
        _ = update(&state, .input(.key(.escape)))  // leave the editor: k/j scroll the conversation
        var previous = view(state, width: frameWidth, height: frameHeight)
        let samples = Stopwatch.sample(iterations: 1_000) {
            _ = update(&state, .input(.key(.character("k"))))
            let screen = view(state, width: frameWidth, height: frameHeight)
            _ = screen.diff(from: previous)
            previous = screen
        }
        guard state.session?.conversationOffset != nil else {
            throw BenchError("k did not scroll the conversation")
        }
        return [Measurement(name: "scroll-line", samples: samples, target: "p99 ≤ 1 ms").summary]
    }

    /// The app at 200×60 with the 100-message assistant-reply task loaded.
    static func conversationState() -> AppState {
        let user = User(id: "bench", displayName: "Bench", authMethod: "local")
        var state = AppState(
            configuration: AppConfiguration(serverName: "local", user: user, lang: "en"),
            environment: AppEnvironment(
                makeID: { UUIDText.randomText() }, now: { 1_700_000_000 }),
            keyMap: .defaults, width: frameWidth, height: frameHeight)
        _ = update(&state, .taskLoaded(BenchConversation.assistantReplyTask(), ackID: "ack", draft: nil))
        return state
    }
}
