import Foundation

/// Times closures with the monotonic clock.
enum Stopwatch {
    /// Runs `body` `warmup` times untimed, then `iterations` times timed; returns nanoseconds per run.
    /// `OASST_BENCH_ITERATIONS` caps `iterations` for a quick look; figures in BENCHMARKS.md use the defaults.
    static func sample(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> [Double] {
        let iterations = min(iterations, iterationCap)
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        let clock = ContinuousClock()
        for _ in 0..<iterations {
            let start = clock.now
            try body()
            samples.append(nanoseconds(clock.now - start))
        }
        return samples
    }

    /// The cap from `OASST_BENCH_ITERATIONS`, or no cap.
    static var iterationCap: Int {
        ProcessInfo.processInfo.environment["OASST_BENCH_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? .max
    }

    /// A duration in nanoseconds.
    static func nanoseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
    }
}
