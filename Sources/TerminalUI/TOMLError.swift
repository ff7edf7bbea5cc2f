/// A problem in a TOML file (syntax, or a meaning the caller rejects), with the file and line to fix.
public struct TOMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's name or path, as the caller gave it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file):\(line): \(message)" }
}
