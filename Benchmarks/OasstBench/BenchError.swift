/// A scenario that could not measure what it claims to (the setup failed); the run stops with this text.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String

    /// Creates the error with its text.
    init(_ description: String) { self.description = description }
}
