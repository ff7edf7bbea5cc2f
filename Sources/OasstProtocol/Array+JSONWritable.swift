/// A list of strings writes itself (the server's list columns: reply ids, label names), with the bytes
/// `OasstJSON.makeEncoder()` would give.
extension Array: JSONWritable where Element == String {
    /// Writes the strings as a JSON array.
    func write(to writer: inout JSONWriter) {
        writer.strings(self)
    }
}
