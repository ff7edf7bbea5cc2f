import Foundation
import OasstProtocol

/// Decoding the largest task the recorded backend handed out.
extension Scenarios {
    static let decodeTask = Scenario(name: "decode-task", target: "median ≤ 50 µs") {
        let (name, body) = try largestTaskBody()
        var decoded = 0
        let samples = try Stopwatch.sample(iterations: 2_000) {
            let task = try OasstJSON.decode(OasstTask.self, from: body)
            if task.id != nil { decoded += 1 }
        }
        guard decoded == 2_000 + 3 else { throw BenchError("\(name) decoded without an id") }
        return [
            "decode-task: \(name), \(body.count) bytes",
            Measurement(name: "decode-task", samples: samples, target: "median ≤ 50 µs").summary,
        ]
    }

    /// The largest response body among the fixtures that decodes as a task, as the server sent it (compact JSON).
    static func largestTaskBody() throws -> (name: String, body: Data) {
        let directory = BenchPaths.fixtures
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && $0 != "openapi.json" }
        var best: (name: String, body: Data)?
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            guard let exchange = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let response = exchange["response"] as? [String: Any],
                let body = response["body"] as? [String: Any], body["type"] != nil, body["id"] != nil
            else { continue }
            let bytes = try JSONSerialization.data(withJSONObject: body)
            guard (try? OasstJSON.decode(OasstTask.self, from: bytes)) != nil else { continue }
            if bytes.count > best?.body.count ?? 0 { best = (name, bytes) }
        }
        guard let best else { throw BenchError("no task fixture under \(directory.path)") }
        return best
    }
}
