import Foundation

/// One HTTP/1.1 request or response as raw bytes, framed just enough for `FaultProxy` to relay it,
/// cut it short or know whether the connection ends after it.
struct FaultProxyMessage: Sendable {
    /// The head (start line, fields, empty line) followed by the body, exactly as received.
    var raw: [UInt8]
    /// Bytes of `raw` that belong to the head.
    var headLength: Int
    /// The start line split at spaces (request: method, target, version; response: version, status, reason).
    var startLine: [String]
    /// Header fields in arrival order.
    var headers: [(name: String, value: String)]
    /// The body was delimited by the end of the stream, or the message asked to close.
    var closesConnection: Bool

    private static let crlf: [UInt8] = [13, 10]
    private static let headEnd: [UInt8] = [13, 10, 13, 10]

    /// Bytes of `raw` that belong to the body (chunk framing included).
    var bodyLength: Int { raw.count - headLength }

    /// The method of a request.
    var method: String { startLine.first ?? "" }

    /// The target of a request without its query.
    var path: String {
        let target = startLine.count > 1 ? startLine[1] : ""
        return String(target.prefix { $0 != "?" })
    }

    /// The status of a response (0 when unreadable).
    var status: Int { startLine.count > 1 ? Int(startLine[1]) ?? 0 : 0 }

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Reads one request from `socket`, keeping any bytes after it in `buffer`; nil at end of stream.
    static func readRequest(from socket: LoopbackHTTPSocket, buffer: inout [UInt8]) -> FaultProxyMessage? {
        guard var message = readHead(from: socket, buffer: &buffer) else { return nil }
        let version = message.startLine.count > 2 ? message.startLine[2] : ""
        let connection = message.header("Connection")?.lowercased() ?? ""
        message.closesConnection =
            connection.contains("close") || (version == "HTTP/1.0" && !connection.contains("keep-alive"))
        guard readBody(of: &message, from: socket, buffer: &buffer, untilEnd: false) else { return nil }
        return message
    }

    /// Reads one response to a `requestMethod` request from `socket`; nil when the stream ended first.
    static func readResponse(
        from socket: LoopbackHTTPSocket, buffer: inout [UInt8], requestMethod: String
    ) -> FaultProxyMessage? {
        guard var message = readHead(from: socket, buffer: &buffer) else { return nil }
        message.closesConnection = message.header("Connection")?.lowercased().contains("close") == true
        let status = message.status
        if requestMethod == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304 {
            return message
        }
        let delimited =
            message.header("Transfer-Encoding")?.lowercased().contains("chunked") == true
            || message.header("Content-Length") != nil
        if !delimited { message.closesConnection = true }
        guard readBody(of: &message, from: socket, buffer: &buffer, untilEnd: !delimited) else { return nil }
        return message
    }

    private static func readHead(from socket: LoopbackHTTPSocket, buffer: inout [UInt8]) -> FaultProxyMessage? {
        var searched = 0
        var end = find(headEnd, in: buffer, from: 0)
        while end == nil {
            searched = max(0, buffer.count - headEnd.count + 1)
            guard socket.read(into: &buffer) else { return nil }
            end = find(headEnd, in: buffer, from: searched)
        }
        guard let end else { return nil }
        let headLength = end + headEnd.count
        let text = String(decoding: buffer[0..<end], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let start = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let raw = Array(buffer[0..<headLength])
        buffer.removeFirst(headLength)
        return FaultProxyMessage(
            raw: raw, headLength: headLength, startLine: start, headers: headers, closesConnection: false)
    }

    /// Appends the body to `message.raw`; false when the stream ended before the body did.
    private static func readBody(
        of message: inout FaultProxyMessage, from socket: LoopbackHTTPSocket, buffer: inout [UInt8], untilEnd: Bool
    ) -> Bool {
        if untilEnd {
            while socket.read(into: &buffer) {}
            message.raw += buffer
            buffer.removeAll()
            return true
        }
        if message.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            guard let length = chunkedLength(in: &buffer, from: socket) else { return false }
            message.raw += buffer[0..<length]
            buffer.removeFirst(length)
            return true
        }
        let length = message.header("Content-Length").flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard socket.read(into: &buffer) else { return false }
        }
        message.raw += buffer[0..<length]
        buffer.removeFirst(length)
        return true
    }

    /// The byte length of a chunked body at the start of `buffer` (reading more as needed),
    /// trailers and final empty line included.
    private static func chunkedLength(in buffer: inout [UInt8], from socket: LoopbackHTTPSocket) -> Int? {
        var position = 0
        while true {
            guard let lineEnd = line(in: &buffer, from: position, socket: socket) else { return nil }
            let sizeText = String(decoding: buffer[position..<lineEnd], as: UTF8.self)
            guard let size = Int(sizeText.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces), radix: 16)
            else { return nil }
            position = lineEnd + crlf.count
            if size == 0 {
                while true {
                    guard let trailerEnd = line(in: &buffer, from: position, socket: socket) else { return nil }
                    let empty = trailerEnd == position
                    position = trailerEnd + crlf.count
                    if empty { return position }
                }
            }
            while buffer.count < position + size + crlf.count {
                guard socket.read(into: &buffer) else { return nil }
            }
            position += size + crlf.count
        }
    }

    /// The index of the next CRLF at or after `start`, reading more as needed.
    private static func line(in buffer: inout [UInt8], from start: Int, socket: LoopbackHTTPSocket) -> Int? {
        var end = find(crlf, in: buffer, from: start)
        while end == nil {
            let searched = max(start, buffer.count - 1)
            guard socket.read(into: &buffer) else { return nil }
            end = find(crlf, in: buffer, from: searched)
        }
        return end
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + needle.count <= haystack.count {
            if haystack[position] == needle[0] && haystack[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }
}
