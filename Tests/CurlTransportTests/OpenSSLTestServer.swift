import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate, for TLS tests.
/// Started and stopped by the test that owns it (by its process id).
final class OpenSSLTestServer {
    static let executable = "/usr/bin/openssl"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    private let process = Process()
    private let folder: URL
    let port: Int

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("oasst-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent("key.pem").path
        let cert = folder.appendingPathComponent("cert.pem").path
        let request = Process()
        request.executableURL = URL(fileURLWithPath: Self.executable)
        request.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        request.standardOutput = FileHandle.nullDevice
        request.standardError = FileHandle.nullDevice
        try request.run()
        request.waitUntilExit()
        guard request.terminationStatus == 0 else { throw Failure(description: "openssl req failed") }

        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key, "-www"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // It prints "ACCEPT 127.0.0.1:PORT" once listening; EOF means it died.
        var text = ""
        var found: Int?
        while found == nil {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
                let colon = line.lastIndex(of: ":")
            {
                found = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw Failure(description: "openssl s_server did not start: \(text)")
        }
        port = found
    }

    func stop() {
        // SIGKILL: the child inherits the test thread's blocked-signal mask, which holds SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
