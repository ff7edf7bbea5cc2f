import Foundation
import OasstProtocol

/// The calls the sync engine makes. `OasstClientService` implements it over `OasstClient`; tests use fakes.
/// Every failure is thrown as `ServiceFailure` (anything else counts as a transient server failure).
public protocol TaskService: Sendable {
    /// `POST /tasks/` once (never retried automatically by the engine).
    func requestTask(type: String, user: User, lang: String?) async throws -> FetchedTask
    /// `POST /tasks/{id}/ack` with the stored ack id; success means 204.
    func ack(taskId: String, ackId: String, user: User) async throws
    /// `POST /tasks/interaction` with the stored body; success means 200 `task_done`.
    func sendInteraction(_ body: Data, user: User) async throws
    /// `POST /tasks/{id}/nack`; success means 204.
    func nack(taskId: String, reason: String?, user: User) async throws
    /// `POST /frontend_users/` (idempotent), for 4002.
    func createUser(_ user: User) async throws
    /// A cheap call that reaches the server; any HTTP answer means the way is back.
    func probe() async throws
}
