import OasstProtocol

/// Where and as whom an `OasstClient` talks: server, API key, contributor identity, default language.
public struct OasstClientConfiguration: Sendable, Equatable {
    /// Server root, e.g. `https://backend.example` (a trailing `/api/v1` is accepted too).
    public var baseURL: String
    /// The API client key sent as `X-API-Key` on every call.
    public var apiKey: String
    /// The contributor; also the `X-OASST-USER` identity unless a call names another user.
    public var user: User
    /// BCP 47 language pool used when a call does not name one.
    public var defaultLang: String

    /// Creates a configuration.
    public init(baseURL: String, apiKey: String, user: User, defaultLang: String = "en") {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.user = user
        self.defaultLang = defaultLang
    }

    /// `baseURL` without trailing slashes, ending in `/api/v1`.
    public var apiRoot: String {
        var root = baseURL
        while root.hasSuffix("/") { root.removeLast() }
        return root.hasSuffix("/api/v1") ? root : root + "/api/v1"
    }
}
