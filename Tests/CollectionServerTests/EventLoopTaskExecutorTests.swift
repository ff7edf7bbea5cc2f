import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import CollectionServer

/// A connection's handler runs on its event loop, before and after it awaits work elsewhere.
@Suite struct EventLoopTaskExecutorTests {
    @Test func aTaskPreferringTheExecutorRunsOnTheLoopAcrossSuspensions() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        #expect(!loop.inEventLoop, "the test itself starts off the loop")
        let onLoop = await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: loop)) {
            var seen = [loop.inEventLoop]
            // Resumed by another thread, as the database writer resumes a request.
            await withCheckedContinuation { continuation in
                Thread.detachNewThread { continuation.resume() }
            }
            seen.append(loop.inEventLoop)
            try? await Task.sleep(for: .milliseconds(1))
            seen.append(loop.inEventLoop)
            return seen
        }
        #expect(onLoop == [true, true, true])
        #expect(!loop.inEventLoop)
    }

    @Test func childTasksInheritTheLoop() async {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let results = await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: loop)) {
            await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { loop.inEventLoop } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
