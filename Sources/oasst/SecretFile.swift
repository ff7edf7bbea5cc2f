import Foundation

/// Reads and writes a secret (an API key) in a file only its owner can read: written 0600 via a
/// temporary file and rename, refused on read when group- or world-readable or owned by another user.
enum SecretFile {
    /// Why a secret file could not be used.
    struct Problem: Error, CustomStringConvertible {
        /// One line saying what is wrong and what to do.
        var description: String
    }

    /// The secret in `url`, nil when the file does not exist.
    static func read(_ url: URL) throws -> String? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        if info.st_uid != getuid() {
            throw Problem(description: "\(url.path) belongs to another user; remove it or take ownership")
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw Problem(description: "\(url.path) is readable by others (mode 0\(mode)); run: chmod 600 \(url.path)")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return secret.isEmpty ? nil : secret
    }

    /// Writes `secret` to `url` with mode 0600 (temporary file + rename in the same directory).
    static func write(_ secret: String, to url: URL) throws {
        try XDGPaths.ensureDirectory(url.deletingLastPathComponent())
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        let old = umask(0o077)
        defer { umask(old) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data((secret + "\n").utf8)) else {
            throw Problem(description: "cannot write \(temporary.path)")
        }
        chmod(temporary.path, 0o600)
        guard rename(temporary.path, url.path) == 0 else {
            throw Problem(description: "cannot move the new key into \(url.path)")
        }
    }

    /// A new random key: 32 bytes from the system generator, hex-encoded.
    static func generateKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
