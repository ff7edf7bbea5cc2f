import CCurl
import Foundation
import OasstClient

/// One libcurl easy handle and all the pointer code around it. Used by exactly one lane thread at a
/// time; reusing it across requests keeps the connection alive.
final class CurlEasyHandle: @unchecked Sendable {
    /// Collects one response; handed to the C callbacks as an unretained opaque pointer.
    private final class ResponseSink {
        let limit: Int
        let cancellation: CurlCancellation
        var body = Data()
        var headers: [String: String] = [:]
        var exceededLimit = false

        init(limit: Int, cancellation: CurlCancellation) {
            self.limit = limit
            self.cancellation = cancellation
        }

        /// Takes one raw header line; a new status line (after 1xx or a proxy's CONNECT answer) starts a fresh
        /// header set, so only the final response's fields remain. ASCII lines (all of them in practice) are read
        /// byte by byte, others through `takeHeaderLine(_: String)`: Foundation's trimming and lower-casing per
        /// line were an eighth of a client's CPU time when delivering an outbox.
        func takeHeaderLine(bytes: UnsafeRawBufferPointer) {
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                takeHeaderLine(String(decoding: bytes, as: UTF8.self))
                return
            }
            // `CharacterSet.newlines` and `.whitespaces` restricted to ASCII.
            func isNewline(_ byte: UInt8) -> Bool { byte >= 0x0A && byte <= 0x0D }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
            var start = bytes.startIndex
            var end = bytes.endIndex
            while start < end && isNewline(bytes[start]) { start += 1 }
            while end > start && isNewline(bytes[end - 1]) { end -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if line.starts(with: "HTTP/".utf8) {
                headers = [:]
                return
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
            var nameStart = line.startIndex
            var nameEnd = colon
            while nameStart < nameEnd && isSpace(line[nameStart]) { nameStart += 1 }
            while nameEnd > nameStart && isSpace(line[nameEnd - 1]) { nameEnd -= 1 }
            var valueStart = colon + 1
            var valueEnd = line.endIndex
            while valueStart < valueEnd && isSpace(line[valueStart]) { valueStart += 1 }
            while valueEnd > valueStart && isSpace(line[valueEnd - 1]) { valueEnd -= 1 }
            guard nameStart < nameEnd else { return }
            let name = String(
                decoding: line[nameStart..<nameEnd].lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                as: UTF8.self)
            let value = String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<valueEnd]), as: UTF8.self)
            add(value, to: name)
        }

        /// Appends a field's value to the ones already received under the same (lower-case) name.
        private func add(_ value: String, to name: String) {
            if let earlier = headers[name] {
                headers[name] = earlier + ", " + value
            } else {
                headers[name] = value
            }
        }

        /// `takeHeaderLine(bytes:)` for lines with non-ASCII bytes, with Foundation's trimming and lower-casing.
        func takeHeaderLine(_ line: String) {
            let trimmed = line.trimmingCharacters(in: .newlines)
            if trimmed.hasPrefix("HTTP/") {
                headers = [:]
                return
            }
            guard let colon = trimmed.firstIndex(of: ":") else { return }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return }
            add(value, to: name)
        }
    }

    /// The request whose header values an error message must not show; `CurlErrorMapping.secrets(of:)` is
    /// asked for them only when an error occurs.
    private struct LazySecrets {
        let request: HTTPRequest
    }

    private let easy: UnsafeMutableRawPointer?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize = Int(CURL_ERROR_SIZE)
    private let configuration: CurlTransportConfiguration
    private var setupFailure: CURLcode?
    /// One byte that stays valid for COPYPOSTFIELDS of an empty body (libcurl wants non-NULL).
    private let emptyBody: UnsafeMutablePointer<CChar>

    /// Creates the handle and sets every option that stays the same for all requests.
    init(configuration: CurlTransportConfiguration) {
        self.configuration = configuration
        errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        emptyBody = .allocate(capacity: 1)
        emptyBody.initialize(to: 0)
        easy = CurlGlobal.isReady ? oasst_curl_easy_init() : nil
        if let easy {
            applyFixedOptions(easy)
        }
    }

    deinit {
        if let easy {
            oasst_curl_easy_cleanup(easy)
        }
        errorBuffer.deallocate()
        emptyBody.deallocate()
    }

    private func note(_ code: CURLcode) {
        if code != CURLE_OK && setupFailure == nil {
            setupFailure = code
        }
    }

    private func applyFixedOptions(_ easy: UnsafeMutableRawPointer) {
        // Never CURLOPT_VERBOSE: it would print the X-API-Key header.
        note(oasst_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        note(
            oasst_curl_setopt_long(
                easy, CURLOPT_CONNECTTIMEOUT_MS, CurlTransportConfiguration.milliseconds(configuration.connectTimeout))
        )
        note(
            oasst_curl_setopt_long(
                easy, CURLOPT_TIMEOUT_MS, CurlTransportConfiguration.milliseconds(configuration.totalTimeout)))
        // TLS verification on, explicitly; there is no switch to turn it off.
        note(oasst_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        note(oasst_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        // Only web protocols, even if a URL or a redirect names another scheme.
        note(oasst_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        note(oasst_curl_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        // No CURLOPT_PROXY / CURLOPT_NOPROXY: libcurl then honours http_proxy, https_proxy, no_proxy.
        note(oasst_curl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, ""))
        note(oasst_curl_setopt_string(easy, CURLOPT_USERAGENT, configuration.userAgent))
        note(oasst_curl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        note(oasst_curl_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)))
        note(oasst_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)))
        note(
            oasst_curl_setopt_write_callback(easy) { data, size, count, context in
                guard let context else { return 0 }
                let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                if sink.body.count + length > sink.limit {
                    sink.exceededLimit = true
                    return 0  // anything but `length` aborts the transfer (CURLE_WRITE_ERROR)
                }
                if let data, length > 0 {
                    data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.body.append($0, count: length) }
                }
                return length
            })
        note(
            oasst_curl_setopt_header_callback(easy) { data, size, count, context in
                guard let context else { return 0 }
                let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                if let data, length > 0 {
                    sink.takeHeaderLine(bytes: UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length))
                }
                return length
            })
        note(
            oasst_curl_setopt_transfer_callback(easy) { context, _, _, _, _ in
                guard let context else { return 0 }
                let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                return sink.cancellation.isCancelled ? 1 : 0
            })
        note(oasst_curl_setopt_long(easy, CURLOPT_NOPROGRESS, 0))
    }

    /// Performs one request synchronously on the calling (lane) thread.
    func perform(_ request: HTTPRequest, cancellation: CurlCancellation) throws -> HTTPResponse {
        // Computed only when an error message must be redacted (it took a twentieth of the client's time per request).
        let secrets = LazySecrets(request: request)
        guard let easy else {
            let reason = oasst_curl_load_error().map { ": " + String(cString: $0) } ?? ""
            throw TransportError.other(
                code: Int(CurlGlobal.initialisation.rawValue), message: "libcurl could not be initialised" + reason)
        }
        if let setupFailure {
            throw TransportError.other(
                code: Int(setupFailure.rawValue), message: "libcurl rejected an option: " + errorText(setupFailure))
        }
        if cancellation.isCancelled {
            throw CancellationError()
        }
        errorBuffer[0] = 0

        let method = request.method.uppercased()
        guard !method.isEmpty, method.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            throw TransportError.other(
                code: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue), message: "invalid HTTP method")
        }
        var headerList = try makeHeaderList(for: request)
        defer {
            _ = oasst_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, nil)
            oasst_curl_slist_free_all(headerList)
            headerList = nil
        }

        try check(oasst_curl_setopt_string(easy, CURLOPT_URL, request.url), secrets)
        // Reset the method state a previous request may have left (POST body, HEAD, custom verb).
        try check(oasst_curl_setopt_long(easy, CURLOPT_HTTPGET, 1), secrets)
        try check(oasst_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, nil), secrets)
        let sendsBody = request.body != nil || method == "POST" || method == "PUT" || method == "PATCH"
        if sendsBody {
            let body = request.body ?? Data()
            try check(oasst_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)), secrets)
            let copied: CURLcode = body.withUnsafeBytes { bytes in
                let pointer = bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                return oasst_curl_setopt_pointer(
                    easy, CURLOPT_COPYPOSTFIELDS, pointer ?? UnsafeMutableRawPointer(emptyBody))
            }
            try check(copied, secrets)
            if method != "POST" {
                try check(oasst_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), secrets)
            }
        } else if method == "HEAD" {
            try check(oasst_curl_setopt_long(easy, CURLOPT_NOBODY, 1), secrets)
        } else if method != "GET" {
            try check(oasst_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), secrets)
        }
        try check(oasst_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList), secrets)

        let sink = ResponseSink(limit: configuration.maxResponseBytes, cancellation: cancellation)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(oasst_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context), secrets)
        try check(oasst_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, context), secrets)
        try check(oasst_curl_setopt_pointer(easy, CURLOPT_XFERINFODATA, context), secrets)
        let result = withExtendedLifetime(sink) { oasst_curl_easy_perform(easy) }
        _ = oasst_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, nil)
        _ = oasst_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, nil)
        _ = oasst_curl_setopt_pointer(easy, CURLOPT_XFERINFODATA, nil)

        if result == CURLE_WRITE_ERROR && sink.exceededLimit {
            throw TransportError.responseTooLarge(limit: configuration.maxResponseBytes)
        }
        if result == CURLE_ABORTED_BY_CALLBACK && cancellation.isCancelled {
            throw CancellationError()
        }
        try check(result, secrets)
        var status = 0
        try check(oasst_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status), secrets)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    /// Builds the header list: the request's fields, an empty `Expect:` (no 100-continue round
    /// trip) and an empty `Content-Type:` when a body goes out without one (no form default).
    private func makeHeaderList(for request: HTTPRequest) throws -> UnsafeMutablePointer<curl_slist>? {
        var lines: [String] = []
        for header in request.headers {
            let name = header.name
            let valid =
                !name.isEmpty && !name.utf8.contains(UInt8(ascii: ":"))
                && !name.utf8.contains(where: Self.isLineBreakOrNull)
                && !header.value.utf8.contains(where: Self.isLineBreakOrNull)
            guard valid else {
                // The value is not echoed: it may be a credential.
                throw TransportError.other(
                    code: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue),
                    message: "header field \"\(name.filter { $0.isLetter || $0.isNumber || $0 == "-" })\" is invalid")
            }
            // "Name;" is libcurl's way to send a header with an empty value ("Name:" removes it).
            lines.append(header.value.isEmpty ? name + ";" : name + ": " + header.value)
        }
        if request.header("Expect") == nil {
            lines.append("Expect:")
        }
        if request.body != nil && request.header("Content-Type") == nil {
            lines.append("Content-Type:")
        }
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let longer = oasst_curl_slist_append(list, line) else {
                oasst_curl_slist_free_all(list)
                throw TransportError.other(code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "out of memory")
            }
            list = longer
        }
        return list
    }

    /// Throws the mapped, redacted transport error unless `code` is CURLE_OK.
    /// CR, LF or NUL, which would end or cut a header line (the same scalars, found in the UTF-8 bytes).
    private static func isLineBreakOrNull(_ byte: UInt8) -> Bool { byte == 0x0D || byte == 0x0A || byte == 0 }

    private func check(_ code: CURLcode, _ secrets: LazySecrets) throws {
        guard code != CURLE_OK else { return }
        let message = CurlErrorMapping.redact(errorText(code), secrets: CurlErrorMapping.secrets(of: secrets.request))
        throw CurlErrorMapping.error(code: code, message: message, responseLimit: configuration.maxResponseBytes)
    }

    /// libcurl's detailed message from the error buffer, else its generic text for the code.
    private func errorText(_ code: CURLcode) -> String {
        let detailed = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        if !detailed.isEmpty {
            return detailed
        }
        guard let generic = oasst_curl_easy_strerror(code) else { return "curl error \(code.rawValue)" }
        return String(cString: generic)
    }
}
