/// Answer of `POST /tasks/availability`: available task counts by type name. Kept as a string-keyed map so
/// type names this client does not know survive; `subscript(TaskType)` reads the known ones.
public struct TaskAvailability: Codable, Sendable, Equatable, Hashable {
    /// Count per type name, exactly as sent (`random` is the sum of the others).
    public var counts: [String: Int]

    /// Creates the answer.
    public init(counts: [String: Int]) {
        self.counts = counts
    }

    /// The count for a type (0 when not listed).
    public subscript(type: TaskType) -> Int {
        counts[type.rawValue] ?? 0
    }

    /// Counts of the types this client knows.
    public var known: [TaskType: Int] {
        var out: [TaskType: Int] = [:]
        for (name, count) in counts {
            if let type = TaskType(rawValue: name) { out[type] = count }
        }
        return out
    }

    /// Decodes the flat `{type: count}` object.
    public init(from decoder: any Decoder) throws {
        counts = try decoder.singleValueContainer().decode([String: Int].self)
    }

    /// Encodes the flat `{type: count}` object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
