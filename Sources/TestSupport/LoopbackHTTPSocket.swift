import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A thin wrapper over one POSIX TCP socket on 127.0.0.1: all the C calls of the loopback server.
struct LoopbackHTTPSocket: Sendable {
    /// A failed system call, with its name and `errno`.
    struct Failure: Error, CustomStringConvertible {
        /// The call that failed.
        var call: String
        /// `errno` after the call.
        var code: Int32

        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// The file descriptor.
    let descriptor: Int32

    #if os(Linux)
        private static let streamType = Int32(SOCK_STREAM.rawValue)
        private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        private static let streamType = SOCK_STREAM
        private static let sendFlags: Int32 = 0
    #endif

    /// A new TCP socket bound to 127.0.0.1 on an ephemeral port, listening when `listen` is
    /// true. A bound socket that does not listen refuses every connection.
    static func bindLoopback(listen shouldListen: Bool) throws -> (socket: LoopbackHTTPSocket, port: UInt16) {
        let descriptor = socket(AF_INET, streamType, 0)
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
        let made = LoopbackHTTPSocket(descriptor: descriptor)
        do {
            var yes: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            #if canImport(Darwin)
                setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw Failure(call: "bind", code: errno) }
            if shouldListen {
                guard listen(descriptor, 64) == 0 else { throw Failure(call: "listen", code: errno) }
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { throw Failure(call: "getsockname", code: errno) }
            return (made, UInt16(bigEndian: address.sin_port))
        } catch {
            made.close()
            throw error
        }
    }

    /// Waits up to `milliseconds` for the socket to become readable (or a listener to have a
    /// pending connection, or the peer to close).
    func waitReadable(milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Accepts one pending connection (call after `waitReadable`), with TCP_NODELAY set.
    func accept() -> LoopbackHTTPSocket? {
        let client = loopbackAccept(descriptor)
        guard client >= 0 else { return nil }
        var yes: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #if canImport(Darwin)
            setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        return LoopbackHTTPSocket(descriptor: client)
    }

    /// Reads what is available into `buffer` (appending); returns false at end of stream or error.
    func read(into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Writes all bytes; returns false when the peer went away.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return true }
            let sent = send(descriptor, base + offset, bytes.count - offset, Self.sendFlags)
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Writes all bytes of `data`; returns false when the peer went away.
    func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { write($0) }
    }

    /// Ends both directions, waking any thread blocked in `recv`, `send` or `poll` on it.
    func shutdownBoth() {
        _ = shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Releases the descriptor.
    func close() {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}

/// `accept(2)` without the peer address; a free function because the method name shadows it.
private func loopbackAccept(_ descriptor: Int32) -> Int32 {
    accept(descriptor, nil, nil)
}
