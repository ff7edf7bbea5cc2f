import Hummingbird

/// The server's router with a shortcut for the three requests of every hand-out cycle (`POST /api/v1/tasks/`,
/// `POST /api/v1/tasks/{task_id}/ack` with a UUID, `POST /api/v1/tasks/interaction`): those exact paths go straight
/// to the responder the router holds for them (the same middleware chain around the same handler), without walking
/// the router's trie, which cost about 20,000 instructions per request (3 % of the server's CPU under load). Every
/// other request, and any other spelling of these paths, goes through the router as before.
struct HandOutRouter: HTTPResponderBuilder {
    /// The full router (every route, including the three below).
    let router: Router<BasicRequestContext>
    /// `POST /api/v1/tasks/`, wrapped in the router's middleware.
    let requestTask: any HTTPResponder<BasicRequestContext>
    /// `POST /api/v1/tasks/{task_id}/ack`, wrapped in the router's middleware.
    let ack: any HTTPResponder<BasicRequestContext>
    /// `POST /api/v1/tasks/interaction`, wrapped in the router's middleware.
    let interaction: any HTTPResponder<BasicRequestContext>

    /// The responder: the shortcut in front of the router's own.
    func buildResponder() -> HandOutResponder {
        HandOutResponder(
            fallback: router.buildResponder(), requestTask: requestTask, ack: ack, interaction: interaction)
    }
}
