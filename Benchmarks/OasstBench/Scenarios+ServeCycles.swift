extension Scenarios {
    /// `oasst serve` under 16 concurrent clients looping request task → ack → answer (`serve-memory` reports the
    /// same run's resident memory).
    static let serveCycles = Scenario(name: "serve-cycles", target: ServeLoad.cyclesTarget) {
        try await ServeLoad.shared().cycleLines
    }
}
