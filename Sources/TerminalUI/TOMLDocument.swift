/// A parsed TOML file: the root table plus the file name used in error messages. Pure Swift, so
/// `TerminalUI` can read themes, key maps and the config without Foundation, and report `file:line`.
public struct TOMLDocument: Equatable, Sendable {
    /// The file's name or path, as given.
    public var file: String
    /// The top-level table.
    public var root: TOMLTable

    /// Parses TOML text; syntax errors throw `TOMLError` with the line.
    public init(parsing text: String, file: String) throws {
        var parser = TOMLParser(text: text, file: file)
        self.root = try parser.parse()
        self.file = file
    }

    /// The value at a dotted path of keys (`["ranking", "move-up"]`).
    public func value(at path: [String]) -> TOMLValue? {
        var table = root
        for key in path.dropLast() {
            guard let next = table[key]?.table else { return nil }
            table = next
        }
        guard let last = path.last else { return TOMLValue(.table(root), line: 1) }
        return table[last]
    }

    /// A `TOMLError` in this file at a line, for semantic checks by the caller.
    public func error(_ message: String, line: Int) -> TOMLError {
        TOMLError(file: file, line: line, message: message)
    }
}
