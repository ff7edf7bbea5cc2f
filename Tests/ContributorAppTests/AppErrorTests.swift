import ContributorApp
import OasstProtocol
import Testing

/// Server failures in words, with what to do next.
@Suite struct AppErrorTests {
    @Test func rateLimitSaysWhenToRetry() {
        let error = AppError.fromServer(
            status: 429, code: 429, message: "Too Many Requests. Retry After 42 seconds.", retryAfter: 42)
        #expect(error.kind == .rateLimited(seconds: 42))
        #expect(error.nextStep.contains("42 s"))
    }

    @Test func noTasksOffersAnotherKind() {
        let error = AppError.fromServer(status: 503, code: 1006, message: "x", requested: .assistantReply)
        #expect(error.kind == .noTasks)
        #expect(error.text.contains("reply as assistant"))
        #expect(error.nextStep.contains("another kind"))
    }

    @Test func transportIsOfflineAndHeldSaysWhy() {
        #expect(AppError.fromServer(status: nil, code: nil, message: "refused").kind == .offline)
        let held = AppError.fromServer(status: 400, code: 1009, message: "dup")
        #expect(held.kind == .held)
        #expect(held.text.contains("same text"))
        let other = AppError.fromServer(status: 500, code: 0, message: "INTERNAL_SERVER_ERROR")
        #expect(other.text == "The server answered 500 / 0: INTERNAL_SERVER_ERROR")
    }
}
