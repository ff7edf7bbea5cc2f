/// Why a user key map was refused; `line` is the file line when the reader knows it.
public struct KeyMapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in words.
    public var message: String
    /// The 1-based line in the key map file, when known.
    public var line: Int?

    /// Creates an error.
    public init(_ message: String, line: Int? = nil) {
        self.message = message
        self.line = line
    }

    /// `line N: message`, or the message alone.
    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
