/// One named benchmark: what it measures, its target, and how to run it.
struct Scenario: Sendable {
    /// The name used on the command line.
    var name: String
    /// The target figure, in words.
    var target: String
    /// Runs the scenario and returns the lines to print.
    var run: @Sendable () async throws -> [String]
}
