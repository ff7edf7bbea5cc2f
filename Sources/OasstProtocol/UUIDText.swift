import Foundation

/// Reads, writes and makes UUIDs without Foundation's slow paths: its parser uses `sscanf` (which dominated
/// decoding a conversation, where every message carries two UUIDs), `uuidString.lowercased()` goes through
/// Unicode case mapping, and `UUID()` opens, reads and closes `/dev/urandom` for every new id.
public enum UUIDText {
    /// A new random (version 4) UUID, from the system's random source in two reads and no file.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var value = (generator.next(), generator.next())
        return withUnsafeMutableBytes(of: &value) { raw in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }

    /// A new random UUID as lower-case text (the ids the server and the outbox store).
    public static func randomText() -> String { lowercased(random()) }

    /// A new time-ordered (version 7, RFC 9562) UUID: the Unix time in milliseconds in its first 48 bits, then 74
    /// random bits. Ids made later sort after earlier ones (within a millisecond in any order), so a database index
    /// of them grows at its end instead of touching a random page for every new row.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var bytes = random().uuid
        let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded(.down)))
        withUnsafeMutableBytes(of: &bytes) { raw in
            for index in 0..<6 {
                raw[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - UInt64(index))))
            }
            raw[6] = raw[6] & 0x0F | 0x70
        }
        return UUID(uuid: bytes)
    }

    /// A new time-ordered UUID as lower-case text (`timeOrdered(at:)`).
    public static func timeOrderedText(at date: Date = Date()) -> String { lowercased(timeOrdered(at: date)) }

    /// The 36-character lower-case text of `uuid`, the form the protocol and the databases use.
    public static func lowercased(_ uuid: UUID) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            var count = 0
            emitLowercased(uuid) { byte in
                out[count] = byte
                count += 1
            }
            return count
        }
    }

    /// Hands each of the 36 bytes of `uuid`'s lower-case text to `emit`, in order.
    @inline(__always)
    static func emitLowercased(_ uuid: UUID, _ emit: (UInt8) -> Void) {
        let hex: StaticString = "0123456789abcdef"
        withUnsafeBytes(of: uuid.uuid) { raw in
            hex.withUTF8Buffer { digits in
                for (position, byte) in raw.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        emit(UInt8(ascii: "-"))
                    }
                    emit(digits[Int(byte >> 4)])
                    emit(digits[Int(byte & 0x0F)])
                }
            }
        }
    }

    /// The UUID in `text` (`8-4-4-4-12` hex digits, either case), or nil for anything else.
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The UUID spelled by `utf8` (the same form), read without making a `String` first.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let ok = withUnsafeMutableBytes(of: &value) { out -> Bool in
            var index = 0
            for byteIndex in 0..<16 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return false }
                out[byteIndex] = high << 4 | low
                index += 2
            }
            return true
        }
        return ok ? UUID(uuid: value) : nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
