/// A loopback port that is bound but not listening, so every connection to it is refused; held
/// until it is dropped, so no other test can take the port meanwhile.
public final class LoopbackHTTPReservedPort: Sendable {
    private let socket: LoopbackHTTPSocket
    /// The refused port.
    public let port: UInt16

    /// Reserves a fresh ephemeral port on 127.0.0.1.
    public init() throws {
        (socket, port) = try LoopbackHTTPSocket.bindLoopback(listen: false)
    }

    deinit {
        socket.close()
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String {
        "http://127.0.0.1:\(port)"
    }
}
