import Foundation
import OasstClient

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking HTTP/1.1 keep-alive client for one loopback server: the `serve-cycles` load generator's
/// transport. It sends `HTTPRequest`s exactly as `OasstClient` builds them and reads responses framed by
/// `Content-Length` (all `oasst serve` sends); anything else is an error, so the load fails loudly instead of
/// measuring something else. Responses carry status and body only (the load reads no header). Used from one thread
/// only.
final class LoopbackHTTPConnection {
    /// Why a request got no usable response.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    private let port: UInt16
    private var descriptor: Int32 = -1
    /// Received bytes not yet consumed (`start` is where the unread part begins).
    private var buffer: [UInt8] = []
    private var start = 0

    /// A connection to `127.0.0.1:port`, opened on the first request.
    init(port: Int) {
        self.port = UInt16(port)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Sends `request` (its URL's path and query are used; the host is always the loopback server) and returns
    /// the response. When the exchange on a kept-alive connection fails (the server may have closed it), sends it
    /// once more on a new connection.
    func perform(_ request: HTTPRequest) throws -> HTTPResponse {
        let bytes = Self.serialize(request)
        if descriptor >= 0, let response = try? exchange(bytes) { return response }
        reconnect()
        return try exchange(bytes)
    }

    private func reconnect() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    private func connectIfNeeded() throws {
        guard descriptor < 0 else { return }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var yes: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        // A server that stops answering fails the request after 30 s instead of hanging the bench.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): errno \(code)")
        }
        descriptor = fd
    }

    private func exchange(_ bytes: [UInt8]) throws -> HTTPResponse {
        try connectIfNeeded()
        try write(bytes)
        return try readResponse()
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                send(descriptor, raw.baseAddress.map { $0 + sent }, bytes.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += count
        }
    }

    /// Reads more bytes into `buffer`; throws when the peer closed or the read failed.
    private func fill() throws {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 16_384))
        let count = buffer.withUnsafeMutableBytes { raw in
            recv(descriptor, raw.baseAddress.map { $0 + old }, 16_384, 0)
        }
        buffer.removeLast(16_384 - max(count, 0))
        if count < 0 && errno == EINTR { return }
        guard count > 0 else { throw Failure(description: count == 0 ? "connection closed" : "recv: errno \(errno)") }
    }

    private func readResponse() throws -> HTTPResponse {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        let headerEnd: Int
        var scanned = 0
        while true {
            if let end = Self.headerEnd(in: buffer, from: max(0, scanned - 3)) {
                headerEnd = end
                break
            }
            scanned = buffer.count
            if buffer.count > 65_536 { throw Failure(description: "response header over 64 KB") }
            try fill()
        }
        let head = try Self.parseHead(buffer[..<headerEnd])
        let status = head.status
        let bodyStart = headerEnd + 4
        let length: Int
        if status == 204 || status == 304 {
            length = 0
        } else if let value = head.contentLength {
            length = value
        } else {
            throw Failure(description: "status \(status) without Content-Length")
        }
        while buffer.count - bodyStart < length { try fill() }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if head.closes { reconnect() }
        return HTTPResponse(status: status, body: body)
    }

    /// What the load needs of a response header: the status, `Content-Length`, and whether the server closes.
    private struct Head {
        var status: Int
        var contentLength: Int?
        var closes = false
    }

    /// Parses the status line and the two header fields the load reads, straight from the bytes (through
    /// `String` and Foundation's trimming this was a quarter of the load generator's CPU).
    private static func parseHead(_ bytes: ArraySlice<UInt8>) throws -> Head {
        var lines = bytes.split(separator: 10).map { $0.last == 13 ? $0.dropLast() : $0 }
        guard !lines.isEmpty else { throw Failure(description: "empty response header") }
        let statusLine = lines.removeFirst()
        let prefix = Array("HTTP/1.".utf8)
        guard statusLine.count >= 12, statusLine.starts(with: prefix),
            let status = number(statusLine.dropFirst(9).prefix(3))
        else { throw Failure(description: "bad status line") }
        var head = Head(status: status)
        for line in lines {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw Failure(description: "bad header line")
            }
            let name = line[..<colon]
            var value = line[(colon + 1)...]
            while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
            while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
            if sameName(name, "content-length") {
                guard let length = number(value) else {
                    throw Failure(description: "bad Content-Length")
                }
                head.contentLength = length
            } else if sameName(name, "connection") {
                head.closes = sameName(value, "close")
            }
        }
        return head
    }

    /// Whether `bytes` spell `lowercase` ignoring ASCII case.
    private static func sameName(_ bytes: some Collection<UInt8>, _ lowercase: String) -> Bool {
        bytes.elementsEqual(lowercase.utf8) { ($0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0) == $1 }
    }

    /// A non-negative decimal number of up to 18 digits, or nil.
    private static func number(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 48 && digit <= 57 else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }

    /// Index of the `\r\n\r\n` that ends the header, searching from `from`.
    private static func headerEnd(in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 3 < bytes.count {
            if bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The request's bytes: request line with the URL's path and query, `Host`, the request's own headers,
    /// `Content-Length` for a body.
    private static func serialize(_ request: HTTPRequest) -> [UInt8] {
        var target = Substring(request.url)
        if let scheme = target.range(of: "://"), let slash = target[scheme.upperBound...].firstIndex(of: "/") {
            target = target[slash...]
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + (request.body?.count ?? 0))
        func append(_ parts: String...) {
            for part in parts { bytes.append(contentsOf: part.utf8) }
        }
        append(request.method, " ", String(target), " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for header in request.headers { append(header.name, ": ", header.value, "\r\n") }
        if let body = request.body { append("Content-Length: ", String(body.count), "\r\n") }
        append("\r\n")
        if let body = request.body { bytes.append(contentsOf: body) }
        return bytes
    }
}
