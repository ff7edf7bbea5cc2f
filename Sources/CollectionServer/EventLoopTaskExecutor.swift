import NIOCore

/// A task executor on one NIO event loop. A connection's handler that prefers it runs on the thread that reads and
/// writes the connection's socket: each request then no longer hops from the event loop to Swift's cooperative
/// pool and back (two thread wake-ups and context switches per request, a fifth of the server's CPU under load).
final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop the jobs run on.
    let eventLoop: any EventLoop

    /// An executor running its jobs on `eventLoop`.
    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Runs `job` on the event loop's thread, after what the loop is doing now.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute { job.runSynchronously(on: executor) }
    }
}
