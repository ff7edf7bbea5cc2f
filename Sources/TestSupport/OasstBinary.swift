import Foundation

/// Finds and runs the built `oasst` executable for end-to-end tests.
public enum OasstBinary {
    /// `$OASST_BINARY`, else the release build, else the debug build under the package root.
    public static var url: URL? {
        if let path = ProcessInfo.processInfo.environment["OASST_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for configuration in ["release", "debug"] {
            let candidate = FixtureDirectory.packageRoot.appendingPathComponent(".build/\(configuration)/oasst")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// What a finished run printed and how it ended.
    public struct Result: Sendable {
        /// Exit status.
        public var status: Int32
        /// Standard output.
        public var standardOutput: String
        /// Standard error.
        public var standardError: String
    }

    /// Runs `oasst` with arguments, no terminal on stdin, and waits for it to end.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], input: String? = nil
    ) throws -> Result {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
