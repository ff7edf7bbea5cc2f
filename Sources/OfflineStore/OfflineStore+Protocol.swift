import Foundation
import OasstProtocol

/// Typed conveniences over the JSON-column API, for callers holding `OasstTask` / `Interaction` values.
extension OfflineStore {
    /// Stores a decoded task (its JSON re-encoded with `OasstJSON`), generating its ack id.
    @discardableResult
    public func storeTask(
        _ task: OasstTask, user: User, requestedType: String, lang: String?, receivedAt: Date,
        state: CachedTaskState = .taken
    ) throws -> CachedTask {
        guard let id = task.id else { throw StoreError.badJSON("the task has no id") }
        let json: Data
        do { json = try OasstJSON.encode(task) } catch { throw StoreError.badJSON("the task cannot be encoded") }
        return try storeTask(
            taskId: UUIDText.lowercased(id), taskType: task.typeName, taskJSON: json, user: user,
            requestedType: requestedType, lang: lang, receivedAt: receivedAt, state: state)
    }

    /// Queues a typed interaction for a stored task (see `submit(_:now:)`); a text reply's
    /// `user_message_id` is recorded with it.
    @discardableResult
    public func submit(taskId: String, interaction: Interaction, now: Date = Date()) throws -> OutboxItem {
        let json: Data
        do { json = try OasstJSON.encode(interaction) } catch {
            throw StoreError.badJSON("the interaction cannot be encoded")
        }
        var userMessageId: String?
        switch interaction {
        case .textReplyToMessage(let body): userMessageId = body.userMessageID
        case .messageRating, .messageRanking, .textLabels: userMessageId = nil
        }
        return try submit(Submission(taskId: taskId, interactionJSON: json, userMessageId: userMessageId), now: now)
    }
}

extension CachedTask {
    /// The stored task decoded.
    public func decoded() throws -> OasstTask {
        try OasstJSON.decode(OasstTask.self, from: taskJSON)
    }
}

extension OutboxItem {
    /// The stored interaction decoded (to put the answer back in the editor after `takeBack`).
    public func decodedInteraction() throws -> Interaction {
        try OasstJSON.decode(Interaction.self, from: interactionJSON)
    }

    /// The stored task decoded.
    public func decodedTask() throws -> OasstTask {
        try OasstJSON.decode(OasstTask.self, from: taskJSON)
    }
}
