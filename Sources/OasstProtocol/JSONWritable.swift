/// A protocol type that writes its own JSON with `JSONWriter`: `OasstJSON.encode` takes this path for the types the
/// server and client write most (tasks, interactions and their parts), skipping `Encodable`'s generic containers.
protocol JSONWritable: Encodable {
    /// Writes the value as `OasstJSON.makeEncoder()` would: the same members, sorted, with the same `null`s.
    func write(to writer: inout JSONWriter)
}
