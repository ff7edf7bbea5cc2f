extension Scenarios {
    /// Resident memory of `oasst serve` under the `serve-cycles` load (shares its run when both are asked for).
    static let serveMemory = Scenario(name: "serve-memory", target: ServeLoad.memoryTarget) {
        [try await ServeLoad.shared(.loopback).memoryLine]
    }
}
