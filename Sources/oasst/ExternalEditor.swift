import Foundation

/// Runs the person's own editor on a draft, git-style: `OASST_EDITOR` → config `editor` →
/// `$VISUAL` (unless TERM is dumb) → `$EDITOR` → `vi`; the command runs through `sh -c` so editor
/// strings with arguments work. The caller suspends and resumes the terminal around `edit`.
struct ExternalEditor {
    /// What came back from the editor.
    enum Outcome: Equatable {
        /// The file's new text (may equal the old one).
        case edited(String)
        /// The editor failed; the draft is kept unchanged.
        case failed(String)
    }

    /// The editor command line.
    var command: String
    /// Directory for the temporary file (`$XDG_RUNTIME_DIR` or the state directory).
    var directory: URL

    /// Picks the editor command from the environment and the config's `editor` value.
    static func command(environment: [String: String], configured: String?) -> String {
        if let value = environment["OASST_EDITOR"], !value.isEmpty { return value }
        if let configured, !configured.isEmpty { return configured }
        let term = environment["TERM"] ?? ""
        if let visual = environment["VISUAL"], !visual.isEmpty, !term.isEmpty, term != "dumb" { return visual }
        if let editor = environment["EDITOR"], !editor.isEmpty { return editor }
        return "vi"
    }

    /// Writes `text` to a private `.md` file, runs the editor on it and reads it back.
    /// The file is removed only after its text has been read.
    func edit(_ text: String) -> Outcome {
        do {
            try XDGPaths.ensureDirectory(directory)
        } catch {
            return .failed("cannot create \(directory.path): \(error.localizedDescription)")
        }
        let file = directory.appendingPathComponent("oasst-draft-\(getpid())-\(UUID().uuidString.prefix(8)).md")
        let old = umask(0o077)
        let created = FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8))
        umask(old)
        guard created else { return .failed("cannot write \(file.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$@\"", command, file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failed("cannot start the editor “\(command)”: \(error.localizedDescription)")
        }
        guard process.terminationStatus == 0 else {
            return .failed("the editor “\(command)” exited with status \(process.terminationStatus); draft kept")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failed("cannot read \(file.path) back; draft kept")
        }
        try? FileManager.default.removeItem(at: file)
        return .edited(String(decoding: data, as: UTF8.self))
    }
}
