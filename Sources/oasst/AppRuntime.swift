import ContributorApp
import CursesBackend
import Foundation
import TerminalUI

/// The UI loop: one thread owns curses. It renders the state, writes the screen diff, blocks in
/// `poll()` for a key or an inbox wake-up, applies messages, and hands effects to the runner.
final class AppRuntime {
    private let terminal: CursesTerminal
    private var state: AppState
    private let inbox: Inbox
    private let runner: EffectRunner
    private let editor: ExternalEditor
    private let exitAfterFirstFrame: Bool
    private var afterFirstFrame: (() -> Void)?

    /// Creates the loop over a started terminal; `afterFirstFrame` runs once the first frame is on screen.
    init(
        terminal: CursesTerminal, state: AppState, inbox: Inbox, runner: EffectRunner, editor: ExternalEditor,
        exitAfterFirstFrame: Bool, afterFirstFrame: (() -> Void)? = nil
    ) {
        self.terminal = terminal
        self.state = state
        self.inbox = inbox
        self.runner = runner
        self.editor = editor
        self.exitAfterFirstFrame = exitAfterFirstFrame
        self.afterFirstFrame = afterFirstFrame
    }

    /// Runs until the app quits; returns the final state.
    func run(initial: [AppEffect], restored: AppMessage?) throws -> AppState {
        handle(initial)
        if let restored { apply(restored) }
        var lastTick = Date()
        while !state.isQuitting {
            let size = terminal.size
            if size.width != state.width || size.height != state.height {
                apply(.input(.resize(width: size.width, height: size.height)))
                terminal.invalidate()  // the terminal may have kept or reflowed old rows: repaint all
            }
            terminal.draw(view(state, width: size.width, height: size.height))
            afterFirstFrame?()
            afterFirstFrame = nil
            if exitAfterFirstFrame { break }
            let event: InputEvent?
            do {
                event = try terminal.readEvent(timeout: 1000)
            } catch CursesError.inputClosed {
                break
            }
            if let event { dispatch(event) }
            for message in inbox.drain() { apply(message) }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                apply(.tick)
            }
        }
        return state
    }

    /// Applies a terminal event, handling the keys the loop itself owns (C-l redraw, C-z suspend).
    private func dispatch(_ event: InputEvent) {
        switch event {
        case .key(.control("l")):
            terminal.invalidate()
        case .key(.control("z")):
            terminal.suspendForJobControl()
        case .resize:
            terminal.invalidate()  // the terminal may have kept or reflowed old rows: repaint all
            apply(.input(event))
        case .key, .paste, .mouse:
            apply(.input(event))
        }
    }

    /// Runs `update` and performs the effects it returns.
    private func apply(_ message: AppMessage) {
        handle(update(&state, message))
    }

    private func handle(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .openExternalEditor(let text):
                terminal.suspend()
                FileHandle.standardError.write(Data("Waiting for your editor to close the file…\n".utf8))
                let outcome = editor.edit(text)
                terminal.resume()
                switch outcome {
                case .edited(let newText):
                    apply(.editorReturned(newText.isEmpty || newText == text ? nil : newText))
                case .failed(let reason):
                    apply(.editorFailed(AppError(kind: .other, text: reason, nextStep: "Your draft is unchanged.")))
                }
            case .quit:
                state.isQuitting = true
            case .redrawScreen:
                terminal.invalidate()
            case .fetchAvailability, .fetchTask, .enqueueSubmission, .enqueueReport, .nackTask, .saveDraft,
                .discardDraft, .openQueue, .retryQueueItem, .recallQueueItem, .exportQueueItem, .discardQueueItem,
                .flushQueue:
                runner.perform(effect)
            }
        }
    }
}
