/// Why the offline store refused an operation; every case names what the user or caller can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another process (or another open store in this process) holds the store's lock file.
    case locked(lockFile: String, pid: Int32?)
    /// The database was written by a newer `oasst` that applied migrations this build does not know.
    case newerSchema(unknownMigrations: [String])
    /// The lock file could not be created or locked for a reason other than contention.
    case lockFailed(lockFile: String, errno: Int32)
    /// No outbox item has this id.
    case noSuchItem(Int64)
    /// No cached task has this id.
    case noSuchTask(String)
    /// The item is being sent right now; it can be taken back only once it is pending or held again.
    case itemInFlight(Int64)
    /// The item was already delivered; nothing can be taken back.
    case alreadyDelivered(Int64)
    /// The task already has an answer waiting in the outbox (or delivered).
    case alreadyAnswered(taskId: String)
    /// A stored JSON column or value could not be read or written.
    case badJSON(String)

    /// A one-line explanation for the terminal (contains no untrusted text except ids).
    public var description: String {
        switch self {
        case .locked(let file, let pid):
            let who = pid.map { "process \($0)" } ?? "another process"
            return "the offline store is in use by \(who) (lock file \(file)); quit that oasst first"
        case .newerSchema(let unknown):
            return "the offline store was written by a newer oasst (unknown migrations: "
                + unknown.joined(separator: ", ") + "); upgrade oasst to open it"
        case .lockFailed(let file, let code):
            return "cannot lock \(file) (errno \(code))"
        case .noSuchItem(let id):
            return "no queued item \(id)"
        case .noSuchTask(let id):
            return "no stored task \(id)"
        case .itemInFlight(let id):
            return "item \(id) is being sent right now; try again in a moment"
        case .alreadyDelivered(let id):
            return "item \(id) was already delivered"
        case .alreadyAnswered(let taskId):
            return "task \(taskId) already has a queued or delivered answer"
        case .badJSON(let what):
            return "unreadable stored JSON: \(what)"
        }
    }
}
