import Foundation
import OasstProtocol

/// Writing the largest task back out, as the server does for every task it hands out (no target; for comparison
/// with `JSONEncoder`, which other types still go through).
extension Scenarios {
    static let encodeTask = Scenario(name: "encode-task", target: "— (information)") {
        let (name, body) = try largestTaskBody()
        let task = try OasstJSON.decode(OasstTask.self, from: body)
        var bytes = 0
        let ours = try Stopwatch.sample(iterations: 2_000) { bytes += try OasstJSON.encode(task).count }
        let encoder = OasstJSON.makeEncoder()
        let foundation = try Stopwatch.sample(iterations: 2_000) { bytes += try encoder.encode(task).count }
        guard bytes > 0 else { throw BenchError("\(name) encoded to nothing") }
        return [
            Measurement(name: "encode-task (OasstJSON)", samples: ours, target: "—").summary,
            Measurement(name: "encode-task (JSONEncoder)", samples: foundation, target: "—").summary,
        ]
    }
}
