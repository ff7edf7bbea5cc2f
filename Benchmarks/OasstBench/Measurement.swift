/// Timing samples of one scenario and the figures printed from them.
struct Measurement {
    /// Scenario name as given on the command line.
    var name: String
    /// Durations in nanoseconds, one per iteration.
    var samples: [Double]
    /// The target the scenario is held to, in words.
    var target: String

    /// The value at fraction `q` (0…1) of the sorted samples.
    func quantile(_ q: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded())))
        return sorted[index]
    }

    /// A human-readable duration.
    static func format(nanoseconds: Double) -> String {
        if nanoseconds >= 1_000_000_000 { return String(format: "%.2f s", nanoseconds / 1_000_000_000) }
        if nanoseconds >= 1_000_000 { return String(format: "%.3f ms", nanoseconds / 1_000_000) }
        if nanoseconds >= 1_000 { return String(format: "%.2f µs", nanoseconds / 1_000) }
        return String(format: "%.0f ns", nanoseconds)
    }

    /// One line: name, median, p99, sample count and target.
    var summary: String {
        "\(name): median \(Self.format(nanoseconds: quantile(0.5))), p99 \(Self.format(nanoseconds: quantile(0.99))), "
            + "n=\(samples.count)  [target: \(target)]"
    }

    /// One line for whole-process runs: name, min/median/max, sample count and target.
    var range: String {
        "\(name): min \(Self.format(nanoseconds: quantile(0))), median \(Self.format(nanoseconds: quantile(0.5))), "
            + "max \(Self.format(nanoseconds: quantile(1))), n=\(samples.count)  [target: \(target)]"
    }
}
