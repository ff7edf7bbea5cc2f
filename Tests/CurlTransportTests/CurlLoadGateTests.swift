import Foundation
import OasstClient
import TestSupport
import Testing

@testable import CurlTransport

@Suite struct CurlLoadGateTests {
    @Test func aHeldGateKeepsLanesWaitingUntilItIsReleased() {
        let gate = CurlLoadGate()
        #expect(!gate.isHeld)
        gate.waitUntilOpen()  // an open gate does not block
        gate.hold()
        #expect(gate.isHeld)
        let passed = DispatchSemaphore(value: 0)
        Thread {
            gate.waitUntilOpen()
            passed.signal()
        }.start()
        #expect(passed.wait(timeout: .now() + 0.2) == .timedOut)  // well inside the 2 s hold
        gate.release()
        #expect(passed.wait(timeout: .now() + 10) == .success)
        #expect(!gate.isHeld)
    }

    @Test func aLaneBehindTheSharedGateSendsOnceItOpens() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        server.enqueue(LoopbackHTTPReply(status: 204, headers: [], body: .bytes(Data())))
        CurlLoadGate.shared.hold()
        let transport = CurlTransport(name: "oasst.gate-test")
        async let response = transport.send(HTTPRequest(method: "GET", url: server.url("/api/v1/frontend_user/")))
        CurlLoadGate.shared.release()
        #expect(try await response.status == 204)
    }
}
