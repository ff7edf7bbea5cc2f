import Foundation

/// The API key a local server accepts: `--api-key`, else `$OASST_API_KEY`, else one generated once and
/// kept (mode 0600) beside the server database.
enum ServerKey {
    /// Where a generated key for the database at `database` is kept.
    static func file(forDatabase database: URL) -> URL {
        database.deletingLastPathComponent().appendingPathComponent("server-api-key")
    }

    /// The key and whether it was generated just now (so it is printed once).
    static func resolve(
        explicit: String?, environment: [String: String], database: URL
    ) throws -> (
        key: String, generated: Bool
    ) {
        if let explicit, !explicit.isEmpty { return (explicit, false) }
        if let fromEnvironment = environment["OASST_API_KEY"], !fromEnvironment.isEmpty {
            return (fromEnvironment, false)
        }
        let keyFile = file(forDatabase: database)
        do {
            if let stored = try SecretFile.read(keyFile) { return (stored, false) }
            let key = SecretFile.generateKey()
            try SecretFile.write(key, to: keyFile)
            return (key, true)
        } catch let problem as SecretFile.Problem {
            throw FatalError(problem.description)
        }
    }
}
