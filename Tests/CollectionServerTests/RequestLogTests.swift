import CollectionServer
import Foundation
import Testing

/// Request lines are written in batches, in order, and nothing queued is lost at `flush()`.
@Suite struct RequestLogTests {
    private func temporaryLog() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("oasst-request-log-\(UUID().uuidString).log")
    }

    private func contents(_ url: URL) -> String {
        (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    @Test func linesWaitForTheBatchAndFlushWritesThemInOrder() {
        let url = temporaryLog()
        defer { try? FileManager.default.removeItem(at: url) }
        // A tick far away: only `flush()` or a full batch writes.
        let log = RequestLog(url: url, interval: .seconds(3600))
        log.append("oasst-serve POST /api/v1/tasks/ 200 1 ms")
        log.append("oasst-serve POST /api/v1/tasks/interaction 200 0 ms")
        #expect(contents(url).isEmpty)
        log.flush()
        #expect(
            contents(url)
                == "oasst-serve POST /api/v1/tasks/ 200 1 ms\noasst-serve POST /api/v1/tasks/interaction 200 0 ms\n")
        log.flush()
        #expect(contents(url).split(separator: "\n").count == 2)
    }

    @Test func aFullBatchIsWrittenAtOnce() {
        let url = temporaryLog()
        defer { try? FileManager.default.removeItem(at: url) }
        let log = RequestLog(url: url, interval: .seconds(3600))
        let line = String(repeating: "x", count: 1023)
        for _ in 0..<(RequestLog.batchBytes / 1024) { log.append(line) }
        #expect(contents(url).utf8.count == RequestLog.batchBytes)
    }

    @Test func theFileIsAppendedToAndKeptPrivate() throws {
        let url = temporaryLog()
        defer { try? FileManager.default.removeItem(at: url) }
        try "earlier\n".write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        let log = RequestLog(url: url, interval: .seconds(3600))
        log.append("later")
        log.flush()
        #expect(contents(url) == "earlier\nlater\n")
        let fresh = temporaryLog()
        defer { try? FileManager.default.removeItem(at: fresh) }
        RequestLog(url: fresh).flush()
        let permissions = try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
