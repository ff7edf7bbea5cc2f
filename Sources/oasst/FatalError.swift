/// An error that ends the program with one clear line on stderr (`oasst: error: …`) and status 1.
struct FatalError: Error, CustomStringConvertible {
    /// What failed and what to do next, in one line.
    var description: String

    /// Creates the error from its one-line message.
    init(_ description: String) {
        self.description = description
    }
}
