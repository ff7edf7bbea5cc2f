import OasstClient

/// Names a `TransportError` case without its payload, so tests can compare kinds.
enum TransportErrorKind: Equatable {
    case connectionRefused, hostNotFound, timedOut, tls, responseTooLarge, truncated, other(Int)

    init(_ error: TransportError) {
        switch error {
        case .connectionRefused: self = .connectionRefused
        case .hostNotFound: self = .hostNotFound
        case .timedOut: self = .timedOut
        case .tls: self = .tls
        case .responseTooLarge: self = .responseTooLarge
        case .truncated: self = .truncated
        case .other(let code, _): self = .other(code)
        }
    }

    /// Runs `operation` and returns the error it threw (nil when it succeeded).
    static func caught(_ operation: () async throws -> HTTPResponse) async -> (any Error)? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    /// The kind of the `TransportError` that `operation` threw, nil when it succeeded or threw
    /// something else.
    static func of(_ operation: () async throws -> HTTPResponse) async -> TransportErrorKind? {
        guard let error = await caught(operation) as? TransportError else { return nil }
        return TransportErrorKind(error)
    }
}
