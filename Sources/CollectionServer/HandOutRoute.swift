import OasstProtocol

/// The hand-out paths `HandOutResponder` answers without the router's trie, recognised only in their exact plain
/// spelling (anything else is left to the router, which routes these spellings to the same handlers).
enum HandOutRoute: Equatable {
    /// `/api/v1/tasks/`.
    case requestTask
    /// `/api/v1/tasks/interaction`.
    case interaction
    /// `/api/v1/tasks/{task_id}/ack` with a task id that is a UUID (so it cannot be one of the fixed path names).
    case ack(taskID: Substring)

    private static let tasksPrefix = Array("/api/v1/tasks/".utf8)
    private static let interactionName = Array("interaction".utf8)
    private static let ackSuffix = Array("/ack".utf8)

    /// The route of `path`, or nil when the router should decide. Compares UTF-8 bytes: `String`'s `hasPrefix` and
    /// `==` compare by Unicode canonical equivalence, which cost as much as the router's trie.
    init?(path: String) {
        let bytes = path.utf8
        guard bytes.starts(with: Self.tasksPrefix) else { return nil }
        let rest = bytes.dropFirst(Self.tasksPrefix.count)
        if rest.isEmpty {
            self = .requestTask
        } else if rest.elementsEqual(Self.interactionName) {
            self = .interaction
        } else if rest.count == 36 + Self.ackSuffix.count,
            rest.suffix(Self.ackSuffix.count).elementsEqual(Self.ackSuffix)
        {
            // Only a UUID (36 ASCII bytes) is taken, so the bytes are whole characters.
            let id = rest.prefix(36)
            guard Array(id).withUnsafeBufferPointer({ UUIDText.parse(utf8: $0) }) != nil else { return nil }
            self = .ack(taskID: Substring(id))
        } else {
            return nil
        }
    }
}
