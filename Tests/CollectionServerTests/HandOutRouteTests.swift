import Testing

@testable import CollectionServer

/// The hand-out shortcut takes only the exact plain spellings of its three paths; everything else goes to the router.
@Suite struct HandOutRouteTests {
    private let id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

    @Test func theThreeHandOutPathsAreRecognised() {
        #expect(HandOutRoute(path: "/api/v1/tasks/") == .requestTask)
        #expect(HandOutRoute(path: "/api/v1/tasks/interaction") == .interaction)
        #expect(HandOutRoute(path: "/api/v1/tasks/\(id)/ack") == .ack(taskID: Substring(id)))
    }

    @Test(arguments: [
        "/api/v1/tasks", "/api/v1/tasks//", "/api/v1/tasks/interaction/", "/api/v1/tasks/availability",
        "/api/v1/tasks/close", "/api/v1/tasks/not-a-uuid/ack", "/api/v1/tasks//ack", "/api/v1/tasks/interaction/ack",
        "/api/v1/tasks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/nack",
        "/api/v1/tasks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/ack/",
        "/api/v1/tasks/x/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/ack",
        "/api/v1/frontend_users/", "/API/V1/TASKS/", "/api/v1/text_labels/valid_labels",
    ])
    func otherPathsAreLeftToTheRouter(path: String) {
        #expect(HandOutRoute(path: path) == nil)
    }
}

/// Paths with bytes the shortcut must not trip over.
@Suite struct HandOutRouteOddPathTests {
    @Test(arguments: [
        "/api/v1/tasks/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3cé/ack",
        "/api/v1/tasks/éééééééééééééééééééééééééééééééééééé/ack",
        "/api/v1/tasks/interactioné", "/api/v1/tasks/😀",
    ])
    func nonASCIIPathsAreLeftToTheRouter(path: String) {
        #expect(HandOutRoute(path: path) == nil)
    }
}
