extension Scenarios {
    /// `oasst serve` under 16 concurrent clients looping request task → ack → answer.
    static let serveCycles = Scenario(name: "serve-cycles", target: ServeLoad.cyclesTarget) {
        let load = try await ServeLoad.shared()
        return load.cycleLines + [load.memoryLine]
    }
}
