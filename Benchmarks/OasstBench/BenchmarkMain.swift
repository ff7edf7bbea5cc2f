import CMalloc
import Foundation

/// `oasst-bench [name…]`: runs the named scenarios (all when none is named) and prints figures.
@main
enum BenchmarkMain {
    static func main() async throws {
        // The same malloc settings as `oasst contribute` (Sources/oasst/MemoryTuning.swift), so frames compare.
        _ = mallopt(M_MMAP_THRESHOLD, 4 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 16 << 20)
        let requested = Array(CommandLine.arguments.dropFirst())
        let scenarios = Scenarios.all + Scenarios.named
        if requested.contains("--list") {
            for scenario in scenarios { print("\(scenario.name)\t\(scenario.target)") }
            return
        }
        let unknown = requested.filter { name in !scenarios.contains { $0.name == name } }
        guard unknown.isEmpty else {
            FileHandle.standardError.write(
                Data("oasst-bench: unknown scenario \(unknown.joined(separator: ", "))\n".utf8))
            exit(2)
        }
        let chosen = requested.isEmpty ? Scenarios.all : scenarios.filter { requested.contains($0.name) }
        print("oasst-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for scenario in chosen {
            let lines: [String]
            do {
                lines = try await scenario.run()
            } catch {
                FileHandle.standardError.write(Data("oasst-bench: \(scenario.name) failed: \(error)\n".utf8))
                exit(1)
            }
            for line in lines { print(line) }
            fflush(nil)  // show each scenario's figures as soon as they exist, also through a pipe
        }
    }
}
