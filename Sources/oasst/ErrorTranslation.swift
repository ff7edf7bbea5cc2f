import ContributorApp
import Foundation
import OasstClient
import OasstProtocol
import TerminalUI

/// Turns client failures into what the contributor reads: words and a next step, never raw bodies.
enum ErrorTranslation {
    /// The app-facing error for a failed call about `kind` (a task kind name, for "no tasks").
    static func appError(_ error: any Error, kind: String = "task") -> AppError {
        guard let failure = error as? OasstError else {
            return AppError(kind: .other, text: Sanitizer.plain("\(error)"), nextStep: "Try again.")
        }
        switch failure.kind {
        case .transport:
            return .offline()
        case .server, .validation, .unreadableResponse, .invalidRequest:
            break
        }
        if failure.status == 429 || failure.code == 429 {
            return .rateLimited(seconds: failure.retryAfter ?? 60)
        }
        if failure.code == 1006 { return .noTasks(kind) }
        let message = Sanitizer.plain(failure.message)
        switch failure.action {
        case .holdForPerson where failure.code == 2 || failure.code == 4001 || failure.code == 4003:
            return AppError(
                kind: .configuration, text: "The server refused this identity or key: \(message)",
                nextStep: "Check the API key and user in your config, then restart oasst.")
        case .retryLater:
            return AppError(
                kind: .other, text: "The server had a problem: \(message)", nextStep: "Try again in a moment.")
        case .delivered, .holdForPerson, .fixInput, .requestAnotherTask, .createUserThenRetry, .sendAckThenRetry:
            return AppError(kind: .other, text: message, nextStep: "Pick another task or try again.")
        }
    }

    /// True when the failure means the server was not reached at all.
    static func isOffline(_ error: any Error) -> Bool {
        guard let failure = error as? OasstError else { return false }
        switch failure.kind {
        case .transport: return true
        case .server, .validation, .unreadableResponse, .invalidRequest: return false
        }
    }
}
