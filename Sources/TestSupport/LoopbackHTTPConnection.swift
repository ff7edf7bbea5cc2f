import Foundation

/// Serves one accepted connection of `LoopbackHTTPServer`: parses HTTP/1.1 requests one after
/// another (keep-alive) and plays each one's scripted reply.
final class LoopbackHTTPConnection: Sendable {
    private let socket: LoopbackHTTPSocket
    private let index: Int
    private let core: LoopbackHTTPServerCore
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lineEnd: [UInt8] = Array("\r\n".utf8)

    init(socket: LoopbackHTTPSocket, index: Int, core: LoopbackHTTPServerCore) {
        self.socket = socket
        self.index = index
        self.core = core
    }

    /// Serves requests until either side closes or the server stops.
    func run() {
        defer { core.finish(socket) }
        var buffer: [UInt8] = []
        while !core.isStopped, let request = readRequest(&buffer) {
            let reply = core.reply(to: request)
            guard wait(reply.delay) else { return }
            guard play(reply, to: request) else { return }
        }
    }

    // MARK: - Reading

    private func readRequest(_ buffer: inout [UInt8]) -> LoopbackHTTPRequest? {
        var headEnd = Self.find(Self.headerEnd, in: buffer, from: 0)
        while headEnd == nil {
            guard socket.read(into: &buffer) else { return nil }
            // Not HTTP (e.g. a TLS ClientHello starts with 0x16): hang up like a real server would.
            if let first = buffer.first, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) {
                return nil
            }
            headEnd = Self.find(Self.headerEnd, in: buffer, from: 0)
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[0..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + Self.headerEnd.count)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard requestLine.count == 3 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var request = LoopbackHTTPRequest(
            method: requestLine[0], target: requestLine[1], version: requestLine[2], headers: headers,
            connection: index)
        if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            guard let body = readChunked(&buffer) else { return nil }
            request.body = body
        } else if let length = request.header("Content-Length").flatMap({ Int($0) }), length > 0 {
            while buffer.count < length {
                guard socket.read(into: &buffer) else { return nil }
            }
            request.body = Data(buffer[0..<length])
            buffer.removeFirst(length)
        }
        return request
    }

    private func readLine(_ buffer: inout [UInt8]) -> String? {
        var end = Self.find(Self.lineEnd, in: buffer, from: 0)
        while end == nil {
            guard socket.read(into: &buffer) else { return nil }
            end = Self.find(Self.lineEnd, in: buffer, from: 0)
        }
        guard let end else { return nil }
        let line = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + Self.lineEnd.count)
        return line
    }

    private func readChunked(_ buffer: inout [UInt8]) -> Data? {
        var body = Data()
        while true {
            guard let sizeLine = readLine(&buffer),
                let size = Int(sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces), radix: 16)
            else { return nil }
            if size == 0 {
                // Trailer fields, up to the empty line.
                while let trailer = readLine(&buffer), !trailer.isEmpty {}
                return body
            }
            while buffer.count < size + Self.lineEnd.count {
                guard socket.read(into: &buffer) else { return nil }
            }
            body.append(contentsOf: buffer[0..<size])
            buffer.removeFirst(size + Self.lineEnd.count)
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count + start else { return nil }
        var position = start
        while position + needle.count <= haystack.count {
            if haystack[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    // MARK: - Writing

    /// Sleeps for `delay` in short slices; false when the server stopped meanwhile.
    private func wait(_ delay: Duration) -> Bool {
        let deadline = ContinuousClock.now + delay
        while ContinuousClock.now < deadline {
            if core.isStopped { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return !core.isStopped
    }

    /// Writes the reply; false when the connection must end afterwards.
    private func play(_ reply: LoopbackHTTPReply, to request: LoopbackHTTPRequest) -> Bool {
        let closing = reply.closeConnection || request.wantsClose
        switch reply.behaviour {
        case .closeWithoutAnswer:
            return false
        case .raw(let bytes):
            return socket.write(bytes) && !closing
        case .truncated(let sendingBodyBytes):
            guard socket.write(head(of: reply, closing: true)) else { return false }
            _ = writeBody(reply.body, limit: min(sendingBodyBytes, reply.body.count), chunked: false)
            return false
        case .respond:
            guard socket.write(head(of: reply, closing: closing)) else { return false }
            let omitBody = request.method == "HEAD" || reply.status == 204 || reply.status == 304
            if !omitBody {
                guard writeBody(reply.body, limit: reply.body.count, chunked: reply.chunked) else { return false }
            }
            return !closing
        }
    }

    private func head(of reply: LoopbackHTTPReply, closing: Bool) -> Data {
        var text = "HTTP/1.1 \(reply.status) \(reply.reason ?? LoopbackHTTPReply.standardReason(reply.status))\r\n"
        for header in reply.headers {
            text += "\(header.name): \(header.value)\r\n"
        }
        let named = Set(reply.headers.map { $0.name.lowercased() })
        if reply.chunked {
            text += "Transfer-Encoding: chunked\r\n"
        } else if !named.contains("content-length") {
            text += "Content-Length: \(reply.body.count)\r\n"
        }
        if closing && !named.contains("connection") {
            text += "Connection: close\r\n"
        }
        return Data((text + "\r\n").utf8)
    }

    /// Writes the first `limit` body bytes, in 64 KiB pieces (each one chunk when chunked).
    private func writeBody(_ body: LoopbackHTTPReply.Body, limit: Int, chunked: Bool) -> Bool {
        let piece = 64 * 1024
        var offset = 0
        while offset < limit {
            let length = min(piece, limit - offset)
            let bytes: Data
            switch body {
            case .bytes(let data):
                bytes = data.subdata(in: data.startIndex + offset..<data.startIndex + offset + length)
            case .repeating(let byte, _):
                bytes = Data(repeating: byte, count: length)
            }
            if chunked {
                guard socket.write(Data((String(length, radix: 16) + "\r\n").utf8)) else { return false }
            }
            guard socket.write(bytes) else { return false }
            if chunked {
                guard socket.write(Data("\r\n".utf8)) else { return false }
            }
            offset += length
        }
        if chunked {
            return socket.write(Data("0\r\n\r\n".utf8))
        }
        return true
    }
}
