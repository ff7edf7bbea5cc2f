import ContributorApp
import OasstClient
import OasstProtocol
import TerminalUI

/// Turns client failures into what the contributor reads (through `AppError.fromServer`).
enum ErrorTranslation {
    /// The app-facing error for a failed call, optionally about a requested task kind.
    static func appError(_ error: any Error, requested: TaskType? = nil) -> AppError {
        guard let failure = error as? OasstError else {
            return AppError(kind: .other, text: Sanitizer.plain("\(error)"), nextStep: "Try again.")
        }
        return .fromServer(
            status: isOffline(failure) ? nil : (failure.status ?? 0), code: failure.code, message: failure.message,
            retryAfter: failure.retryAfter, requested: requested)
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
