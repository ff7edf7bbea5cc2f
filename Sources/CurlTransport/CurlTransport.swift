import Foundation
import OasstClient

/// `HTTPTransport` over libcurl: one lane (a thread with one reusable easy handle), so requests
/// from one instance run in order over a kept-alive connection. Make one instance per lane
/// (e.g. outbox uploader, task fetcher) to let them proceed independently.
public final class CurlTransport: HTTPTransport {
    /// The limits this transport was created with.
    public let configuration: CurlTransportConfiguration
    private let lane: CurlLane

    /// Creates a transport and starts its lane thread; `name` labels the thread.
    public init(configuration: CurlTransportConfiguration = CurlTransportConfiguration(), name: String = "oasst.curl") {
        self.configuration = configuration
        lane = CurlLane(name: name, configuration: configuration)
    }

    deinit {
        lane.shutdown()
    }

    /// Sends the request on the lane thread. Throws `TransportError` when no HTTP response
    /// arrived (a 4xx/5xx is a response, not an error), or `CancellationError` when the calling
    /// task was cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let cancellation = CurlCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                lane.submit { handle in
                    continuation.resume(with: Result { try handle.perform(request, cancellation: cancellation) })
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Initialises libcurl now (once per process; later calls only report the result). Call it
    /// early in `main`, before other threads start; otherwise the first transport does it.
    @discardableResult
    public static func initializeLibrary() -> Bool {
        CurlGlobal.isReady
    }

    /// The linked libcurl and its TLS/compression libraries (`curl_version()`), for `oasst --version`.
    public static var libraryVersion: String {
        CurlGlobal.version
    }
}
