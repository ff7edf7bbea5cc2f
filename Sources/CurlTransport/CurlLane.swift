import Foundation

/// A dedicated thread that owns one `CurlEasyHandle` and runs its jobs one at a time, in order,
/// so blocking `curl_easy_perform` never occupies Swift's cooperative pool.
final class CurlLane: @unchecked Sendable {
    /// Work for the lane; it gets the lane's handle and must not keep it.
    typealias Job = @Sendable (CurlEasyHandle) -> Void

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var stopping = false

    /// Starts the thread; `name` shows up in debuggers and thread listings. The handle is made on that thread:
    /// the first one loads libcurl (CCurl), which the caller, often the UI's main thread, need not wait for.
    /// It is made once `CurlLoadGate` is open.
    init(name: String, configuration: CurlTransportConfiguration) {
        let thread = Thread { [self] in
            CurlLoadGate.shared.waitUntilOpen()
            run(CurlEasyHandle(configuration: configuration))
        }
        thread.name = name
        thread.start()
    }

    /// Queues a job behind the ones already waiting.
    func submit(_ job: @escaping Job) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Lets the thread finish the queued jobs and exit, releasing the handle and its connections.
    func shutdown() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
    }

    private func run(_ handle: CurlEasyHandle) {
        while let job = next() {
            job(handle)
        }
    }

    private func next() -> Job? {
        condition.withLock {
            while jobs.isEmpty && !stopping {
                condition.wait()
            }
            return jobs.isEmpty ? nil : jobs.removeFirst()
        }
    }
}
