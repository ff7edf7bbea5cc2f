extension Scenarios {
    /// `oasst serve` under 16 concurrent clients looping request task → ack → answer over blocking loopback
    /// connections (`serve-memory` reports the same run's resident memory).
    static let serveCycles = Scenario(name: "serve-cycles", target: ServeLoad.ClientStack.loopback.cyclesTarget) {
        try await ServeLoad.shared(.loopback).cycleLines
    }

    /// The same load sent through the app's own client stack (`OasstClient` over libcurl lanes), whose CPU is
    /// taken from the server on this machine: what 16 copies of the app on the server's machine would reach.
    static let serveCyclesCurl = Scenario(name: "serve-cycles-curl", target: ServeLoad.ClientStack.curl.cyclesTarget) {
        try await ServeLoad.shared(.curl).cycleLines
    }
}

extension Scenarios {
    /// A fixed number of `serve-cycles` cycles, for instruction counts under callgrind (`ServeFixedLoad`); run only
    /// when named.
    static let serveCyclesFixed = Scenario(name: "serve-cycles-fixed", target: "— (profiling aid)") {
        try await ServeFixedLoad.run()
    }
}
