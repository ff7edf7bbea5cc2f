import ArgumentParser
import Foundation
import OasstProtocol
import OfflineStore
import OfflineSync

/// `oasst queue …`: the outbox of submissions, usable while the UI is not running.
struct Queue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Show and deliver submissions waiting in the offline outbox.",
        subcommands: [List.self, Flush.self, Retry.self, Drop.self], defaultSubcommand: List.self)

    /// Opens the store, turning its errors (another oasst holds it, newer schema) into one line.
    static func openStore() throws -> OfflineStore {
        do {
            return try OfflineStore.openDefault()
        } catch {
            throw FatalError("cannot open the offline store: \(error)")
        }
    }

    /// `oasst queue list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List queued, held and failed submissions.")

        @Flag(help: "Print JSON (one object per item).")
        var json = false

        @Flag(help: "Print only the number of undelivered submissions.")
        var count = false

        @Flag(help: "Include delivered submissions.")
        var all = false

        mutating func run() throws {
            let store = try Queue.openStore()
            let items = try store.queue(includeDelivered: all)
            if count {
                print(items.filter { $0.state != .delivered }.count)
                return
            }
            let now = Date()
            if json {
                for item in items {
                    var object: [String: JSONValue] = [
                        "id": .integer(item.id), "task_id": .string(item.taskId), "task_type": .string(item.taskType),
                        "state": .string(item.state.rawValue), "attempts": .integer(Int64(item.attempts)),
                        "created_at": .string(OasstDate.format(item.createdAt)),
                        "deadline": .string(OasstDate.format(item.deadline)),
                    ]
                    if let reason = item.holdReason { object["reason"] = .string(reason) }
                    if let error = item.lastError { object["last_error"] = .string(error) }
                    print(String(decoding: try OasstJSON.encode(JSONValue.object(object)), as: UTF8.self))
                }
                return
            }
            if items.isEmpty {
                FileHandle.standardError.write(Data("oasst queue: nothing waiting\n".utf8))
                return
            }
            print("ID     KIND                     AGE     STATE      TRIES  DETAIL")
            for item in items {
                let detail = item.holdReason ?? item.lastError ?? ""
                print(
                    [
                        String(item.id).padding(toLength: 6, withPad: " ", startingAt: 0),
                        item.taskType.padding(toLength: 24, withPad: " ", startingAt: 0),
                        QueueFormatting.age(item.age(now: now)).padding(toLength: 7, withPad: " ", startingAt: 0),
                        item.state.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
                        String(item.attempts).padding(toLength: 6, withPad: " ", startingAt: 0),
                        QueueFormatting.oneLine(detail),
                    ].joined(separator: " "))
            }
        }
    }

    /// `oasst queue flush`.
    struct Flush: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flush",
            abstract: "Deliver everything queued now; exits 75 while anything is still undelivered.")

        @OptionGroup var options: CommonOptions

        mutating func run() async throws {
            let (_, settings, paths) = try options.resolve()
            let store = try Queue.openStore()
            _ = try store.makeAllDue()
            let backend = try await Backend.open(settings, paths: paths)
            let lanes = (0..<SyncEngine.manualFlushLanes).map {
                OasstClientService(client: backend.makeClient(lane: "flush.\($0)"))
            }
            let engine = SyncEngine(
                store: store, service: OasstClientService(client: backend.makeClient(lane: "flush")),
                deliveryLanes: lanes)
            let tally = await engine.flushUntilSettled()
            await engine.sendNacks()
            await backend.close()
            let remaining = try store.counts().undelivered
            var summary = "\(tally.delivered) delivered"
            if tally.held > 0 { summary += ", \(tally.held) held" }
            if tally.failed > 0 { summary += ", \(tally.failed) failed" }
            if remaining > 0 { summary += ", \(remaining) still queued" }
            FileHandle.standardError.write(Data("oasst queue: \(summary); see `oasst queue list`\n".utf8))
            if remaining > 0 { throw ExitCode(75) }
        }
    }

    /// `oasst queue retry`.
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry",
            abstract: "Make a held, failed or waiting submission due now (all when no ID is given).")

        @Argument(help: "Outbox item id (from `oasst queue list`).")
        var id: Int64?

        mutating func run() throws {
            let store = try Queue.openStore()
            if let id {
                guard try store.item(id) != nil else { throw FatalError("no outbox item \(id)") }
                try store.retryNow(id)
                FileHandle.standardError.write(Data("oasst queue: item \(id) will be sent on the next flush\n".utf8))
            } else {
                let count = try store.makeAllDue()
                FileHandle.standardError.write(
                    Data("oasst queue: \(count) items will be sent on the next flush\n".utf8))
            }
        }
    }

    /// `oasst queue drop`.
    struct Drop: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "drop",
            abstract: "Discard one undelivered submission; its text is printed so nothing is lost by accident.")

        @Argument(help: "Outbox item id (from `oasst queue list`).")
        var id: Int64

        mutating func run() throws {
            let store = try Queue.openStore()
            guard try store.item(id) != nil else { throw FatalError("no outbox item \(id)") }
            let item: OutboxItem
            do {
                item = try store.discard(id)
            } catch {
                throw FatalError("cannot drop item \(id): \(error)")
            }
            print(String(decoding: item.interactionJSON, as: UTF8.self))
            FileHandle.standardError.write(Data("oasst queue: item \(id) dropped (its answer is printed above)\n".utf8))
        }
    }
}
