import Foundation
import TerminalUI

/// The person's `config.toml`: which server, who they are, how the UI looks. Every key is optional;
/// an unknown key or a value of the wrong type is an error naming the file and line.
struct UserConfig: Equatable {
    /// Server base URL; nil = the embedded server.
    var server: String?
    /// User name on the server.
    var user: String?
    /// Display name (defaults to the user name).
    var displayName: String?
    /// `local`, `discord`, `google` or `system`.
    var authMethod: String?
    /// Task language (BCP 47).
    var lang: String?
    /// Theme name or path.
    var theme: String?
    /// Mouse support (default on).
    var mouse: Bool?
    /// External editor command.
    var editor: String?
    /// Number of tasks kept ready for offline work.
    var prefetch: Int?

    /// The keys a config file may contain, with the type each needs.
    static let knownKeys: [String: String] = [
        "server": "string", "user": "string", "display_name": "string", "auth_method": "string",
        "lang": "string", "theme": "string", "mouse": "boolean", "editor": "string", "prefetch": "integer",
    ]

    /// Loads `url`; a missing file is an empty config, any other problem a `FatalError`.
    static func load(_ url: URL) throws -> UserConfig {
        guard FileManager.default.fileExists(atPath: url.path) else { return UserConfig() }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FatalError("cannot read the config file \(url.path); check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FatalError("\(url.path) is not UTF-8 text")
        }
        do {
            return try parse(text, file: url.path)
        } catch let error as TOMLError {
            throw FatalError("bad config: \(error.description)")
        }
    }

    /// Parses config text; errors carry `file:line`.
    static func parse(_ text: String, file: String) throws -> UserConfig {
        let document = try TOMLDocument(parsing: text, file: file)
        var config = UserConfig()
        for (key, value) in document.root.entries {
            guard let expected = knownKeys[key] else {
                let known = knownKeys.keys.sorted().joined(separator: ", ")
                throw document.error("unknown key “\(key)” (known: \(known))", line: value.line)
            }
            func wrongType() -> TOMLError {
                document.error("“\(key)” must be a \(expected), not a \(value.typeName)", line: value.line)
            }
            switch key {
            case "mouse":
                guard let flag = value.boolean else { throw wrongType() }
                config.mouse = flag
            case "prefetch":
                guard let count = value.integer else { throw wrongType() }
                guard (0...8).contains(count) else {
                    throw document.error("“prefetch” must be between 0 and 8", line: value.line)
                }
                config.prefetch = count
            default:
                guard let string = value.string else { throw wrongType() }
                switch key {
                case "server": config.server = string
                case "user": config.user = string
                case "display_name": config.displayName = string
                case "auth_method":
                    guard ["local", "discord", "google", "system"].contains(string) else {
                        throw document.error("“auth_method” must be local, discord, google or system", line: value.line)
                    }
                    config.authMethod = string
                case "lang": config.lang = string
                case "theme": config.theme = string
                case "editor": config.editor = string
                default: throw wrongType()
                }
            }
        }
        return config
    }
}
