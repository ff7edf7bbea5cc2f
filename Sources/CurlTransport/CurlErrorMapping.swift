import CCurl
import Foundation
import OasstClient

/// Turns a failed libcurl transfer into a `TransportError` whose text never carries a secret.
enum CurlErrorMapping {
    /// Header names whose values are credentials and must never reach an error text or log.
    static let secretHeaderNames: Set<String> = ["x-api-key", "authorization", "proxy-authorization", "cookie"]

    /// Maps a curl result code and its (already redacted) message to the transport error.
    static func error(code: CURLcode, message: String, responseLimit: Int) -> TransportError {
        switch code {
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused(message)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .hostNotFound(message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_USE_SSL_FAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls(message)
        case CURLE_PARTIAL_FILE:
            return .truncated(message)
        case CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(limit: responseLimit)
        default:
            return .other(code: Int(code.rawValue), message: message)
        }
    }

    /// The credential strings of a request: every value of a secret header, and for
    /// `Authorization: Scheme token` also the token alone.
    static func secrets(of request: HTTPRequest) -> [String] {
        var found: [String] = []
        for header in request.headers where secretHeaderNames.contains(header.name.lowercased()) {
            let value = header.value.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { continue }
            found.append(value)
            for part in value.split(separator: " ") where part.count >= 4 && String(part) != value {
                found.append(String(part))
            }
        }
        // Longest first, so a token inside a longer value cannot leave a fragment behind.
        return found.sorted { $0.count > $1.count }
    }

    /// Replaces every occurrence of every secret in `text` with `<redacted>`.
    static func redact(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }
}
