import OasstProtocol

extension AppError {
    /// Words for a failed server call, from the fields of the client's error (PROTOCOL.md §7), so the
    /// runner can map `OasstError` without the app importing the client: `status` nil = no response.
    public static func fromServer(
        status: Int?, code: Int?, message: String, retryAfter: Int? = nil, requested: TaskType? = nil
    ) -> AppError {
        guard let status else { return .offline("The server cannot be reached (\(message)).") }
        if status == 429 || code == 429 { return .rateLimited(seconds: retryAfter ?? 60) }
        switch code {
        case 1006?:
            return .noTasks(requested.map { TaskKindInfo.shortName($0) } ?? "such")
        case 1012?:
            return AppError(
                kind: .other, text: "You have 8 unanswered tasks from the last 5 minutes.",
                nextStep: "Skip the ones you will not do (s), or wait a few minutes.")
        case 2?:
            return AppError(
                kind: .configuration, text: "The server refused the API key.",
                nextStep: "Check OASST_API_KEY or the credentials file, then start again.")
        case 4001?:
            return AppError(
                kind: .configuration, text: "This account is disabled on the server.",
                nextStep: "Ask the server's operators; nothing is retried automatically.")
        case 4003?:
            return AppError(
                kind: .configuration, text: "The terms of service have not been accepted.",
                nextStep: "Restart oasst and accept them; your work stays queued.")
        case 2100?, 2101?:
            return .held("the task expired before the answer arrived.")
        case 1008?:
            return .held("the text is longer than the server accepts; recall it (Q, then e) to shorten it.")
        case 1009?:
            return .held("you sent the same text in the last 2 hours; change it or wait.")
        case 1011?, 2010?:
            return .held("this conversation no longer accepts your reply.")
        case 2106?:
            return .held("the task belongs to another user; check the user in your config.")
        default:
            let codeText = code.map { " / \($0)" } ?? ""
            return AppError(
                kind: .other, text: "The server answered \(status)\(codeText): \(message)",
                nextStep: "Try again later; if it keeps happening, report it.")
        }
    }
}
