import Foundation
import OasstClient
import OasstProtocol

/// `TaskService` over `OasstClient`: the real calls, with each `OasstError` turned into a `ServiceFailure`.
public struct OasstClientService: TaskService {
    /// The client that sends the calls.
    public let client: OasstClient

    /// Wraps a client.
    public init(client: OasstClient) {
        self.client = client
    }

    /// `POST /tasks/` once; the task is re-encoded with `OasstJSON` for storage.
    public func requestTask(type: String, user: User, lang: String?) async throws -> FetchedTask {
        let task: OasstTask
        do {
            task = try await client.requestTask(TaskType(rawValue: type) ?? .random, lang: lang, user: user)
        } catch {
            throw ServiceFailure(error)
        }
        guard let id = task.id else {
            throw ServiceFailure(action: .requestAnotherTask, message: "the server sent a task without an id")
        }
        let json: Data
        do { json = try OasstJSON.encode(task) } catch {
            throw ServiceFailure(action: .requestAnotherTask, message: "the task cannot be stored: \(error)")
        }
        return FetchedTask(taskId: UUIDText.lowercased(id), taskType: task.typeName, json: json)
    }

    /// `POST /tasks/{id}/ack` with the stored ack id.
    public func ack(taskId: String, ackId: String, user: User) async throws {
        let id = try Self.uuid(taskId)
        do { try await client.ack(taskID: id, ackID: ackId, user: user) } catch { throw ServiceFailure(error) }
    }

    /// `POST /tasks/interaction` with the stored body, decoded into an `Interaction` first.
    public func sendInteraction(_ body: Data, user: User) async throws {
        let interaction: Interaction
        do { interaction = try OasstJSON.decode(Interaction.self, from: body) } catch {
            throw ServiceFailure(action: .fixInput, message: "the stored answer is not a valid interaction: \(error)")
        }
        do { _ = try await client.send(interaction) } catch { throw ServiceFailure(error) }
    }

    /// `POST /tasks/{id}/nack`.
    public func nack(taskId: String, reason: String?, user: User) async throws {
        let id = try Self.uuid(taskId)
        do { try await client.nack(taskID: id, reason: reason, user: user) } catch { throw ServiceFailure(error) }
    }

    /// `POST /frontend_users/` for `user` (no ToS change).
    public func createUser(_ user: User) async throws {
        do { _ = try await client.createFrontendUser(CreateFrontendUserRequest(user: user)) } catch {
            throw ServiceFailure(error)
        }
    }

    /// `GET /admin/backend_settings/public`: any HTTP answer (even an error) proves the way is back.
    public func probe() async throws {
        do { _ = try await client.publicSettings() } catch {
            let failure = ServiceFailure(error)
            if failure.isTransport { throw failure }
        }
    }

    private static func uuid(_ text: String) throws -> UUID {
        guard let id = UUIDText.parse(text) else {
            throw ServiceFailure(action: .requestAnotherTask, message: "the task id is not a UUID")
        }
        return id
    }
}
