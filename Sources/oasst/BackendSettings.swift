import Foundation
import OasstProtocol

/// Who the person is and which server they talk to, from flags, environment and config.toml
/// (in that order of precedence, as clig.dev asks).
struct ConnectionSettings {
    /// Server base URL; nil = the embedded server on loopback.
    var server: String?
    /// The contributor identity sent with every call.
    var user: User
    /// Task language.
    var lang: String
    /// The API key for a remote server, if one is configured.
    var apiKey: String?

    /// Resolves the settings; a remote server without a key is an error that says where to put one.
    static func resolve(
        serverFlag: String?, userFlag: String?, langFlag: String?, config: UserConfig, paths: XDGPaths,
        environment: [String: String]
    ) throws -> ConnectionSettings {
        let server = serverFlag ?? environment["OASST_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? config.server
        let name =
            userFlag ?? environment["OASST_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? config.user
            ?? environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "contributor"
        let user = User(id: name, displayName: config.displayName ?? name, authMethod: config.authMethod ?? "local")
        let lang = langFlag ?? config.lang ?? "en"
        var apiKey: String?
        if server != nil {
            if let fromEnvironment = environment["OASST_API_KEY"], !fromEnvironment.isEmpty {
                apiKey = fromEnvironment
            } else {
                do {
                    apiKey = try SecretFile.read(paths.config.appendingPathComponent("credentials"))
                } catch let problem as SecretFile.Problem {
                    throw FatalError(problem.description)
                }
            }
            if apiKey == nil {
                let file = paths.config.appendingPathComponent("credentials").path
                throw FatalError(
                    "no API key for \(server ?? ""); set OASST_API_KEY or write the key to \(file) (mode 0600)")
            }
        }
        return ConnectionSettings(server: server, user: user, lang: lang, apiKey: apiKey)
    }
}
