import TerminalUI

/// Every scenario, in the order `BENCHMARKS.md` lists them.
enum Scenarios {
    static let all: [Scenario] = [
        frameRender, editorKeystroke, scrollLine, startup, decodeTask, encodeTask, outboxEnqueue, outboxFlush,
        serveCycles, serveCyclesCurl,
        uiMemory, serveMemory, screenDiff,
    ]

    /// Scenarios that run only when named (profiling aids).
    static let named: [Scenario] = [serveCyclesFixed]

    /// Diffing two full 200×60 screens that differ in one row.
    static let screenDiff = Scenario(name: "screen-diff", target: "part of the 2 ms frame budget") {
        var base = Screen(width: 200, height: 60)
        for row in 0..<60 {
            base.put(String(repeating: "数据 text ", count: 25), x: 0, y: row, slot: .normal)
        }
        var changed = base
        changed.put("changed line", x: 10, y: 30, slot: .selection)
        var count = 0
        let samples = Stopwatch.sample(iterations: 500) {
            count += changed.diff(from: base).count
        }
        return [Measurement(name: "screen-diff", samples: samples, target: "—").summary]
    }
}
