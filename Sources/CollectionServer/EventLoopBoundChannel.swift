import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1 child channel, with each connection's handler running on the connection's event loop
/// (`EventLoopTaskExecutor`) instead of Swift's cooperative pool. Anything the handler awaits elsewhere (the
/// database writer) still runs there; only the request's own steps stay on the loop. Handlers must not block:
/// the server's never do (the database work is awaited on the writer's queue).
struct EventLoopBoundChannel: ServerChildChannel {
    /// The wrapped Hummingbird channel, which does all the HTTP work.
    let inner: HTTP1Channel

    /// Sets the connection's pipeline up exactly as `HTTP1Channel` does.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        inner.setup(channel: channel, logger: logger)
    }

    /// Serves the connection's requests with the connection's event loop as the preferred task executor.
    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: value.channel.eventLoop)) {
            await inner.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with each connection served on its event loop (`EventLoopBoundChannel`).
    static func http1OnEventLoops(configuration: HTTP1Channel.Configuration = .init()) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            EventLoopBoundChannel(inner: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
