import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process-wide libcurl set-up, done exactly once before the first easy handle exists.
enum CurlGlobal {
    /// The result of the one `curl_global_init` call; Swift runs a `static let` initialiser once,
    /// thread-safely, on first use.
    static let initialisation: CURLcode = {
        // CURLOPT_NOSIGNAL stops libcurl from ignoring SIGPIPE around its own socket writes, so a
        // peer that closes mid-write would otherwise kill the process (libcurl's documented duty
        // for the application).
        _ = signal(SIGPIPE, SIG_IGN)
        return oasst_curl_global_init_default()
    }()

    /// True when libcurl initialised; easy handles may only be created after this.
    static var isReady: Bool {
        initialisation == CURLE_OK
    }

    /// `curl_version()`, e.g. `libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13 ...`.
    static var version: String {
        guard let text = oasst_curl_version() else { return "libcurl (unknown version)" }
        return String(cString: text)
    }
}
