import Hummingbird

/// `HandOutRouter`'s responder.
struct HandOutResponder: HTTPResponder {
    /// The router's responder, for everything the shortcut does not take.
    let fallback: RouterResponder<BasicRequestContext>
    /// `POST /api/v1/tasks/`.
    let requestTask: any HTTPResponder<BasicRequestContext>
    /// `POST /api/v1/tasks/{task_id}/ack`.
    let ack: any HTTPResponder<BasicRequestContext>
    /// `POST /api/v1/tasks/interaction`.
    let interaction: any HTTPResponder<BasicRequestContext>

    /// The route paths as the router records them for a request (`endpointPath`).
    static let requestTaskPath = RouterPath("/api/v1/tasks/").description
    /// See `requestTaskPath`.
    static let ackPath = RouterPath("/api/v1/tasks/{task_id}/ack").description
    /// See `requestTaskPath`.
    static let interactionPath = RouterPath("/api/v1/tasks/interaction").description

    /// Answers a hand-out request through its route's responder, anything else through the router.
    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        guard request.method == .post, let route = HandOutRoute(path: request.uri.path) else {
            return try await fallback.respond(to: request, context: context)
        }
        var context = context
        let responder: any HTTPResponder<BasicRequestContext>
        switch route {
        case .requestTask:
            context.coreContext.endpointPath.value = Self.requestTaskPath
            responder = requestTask
        case .interaction:
            context.coreContext.endpointPath.value = Self.interactionPath
            responder = interaction
        case .ack(let taskID):
            context.coreContext.parameters = ["task_id": taskID]
            context.coreContext.endpointPath.value = Self.ackPath
            responder = ack
        }
        do {
            return try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            // What the router's responder does with an error its route let through.
            return try error.response(from: request, context: context)
        }
    }
}
