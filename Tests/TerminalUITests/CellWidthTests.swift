import Testing

@testable import TerminalUI

/// `CellWidth` answers from its generated table: every entry's bounds, and the scalars just outside them.
@Suite struct CellWidthTests {
    /// The table's entries read the plain way: `LO-HI:W` in hex, W one of 0, 2 or n (not printable).
    private static let entries: [(low: UInt32, high: UInt32, width: Int)] = CellWidthTable.source
        .split(whereSeparator: { $0 == " " || $0 == "\n" })
        .compactMap { entry in
            let parts = entry.split(separator: ":")
            let bounds = parts[0].split(separator: "-")
            guard parts.count == 2, bounds.count == 2, let low = UInt32(bounds[0], radix: 16),
                let high = UInt32(bounds[1], radix: 16)
            else { return nil }
            return (low, high, parts[1] == "n" ? -1 : Int(parts[1]) ?? 1)
        }

    private static func expected(_ value: UInt32) -> Int {
        if value >= 0x20 && value < 0x7F { return 1 }
        return entries.first { $0.low <= value && value <= $0.high }?.width ?? 1
    }

    @Test func everyEntryAndItsNeighboursHaveTheTablesWidth() throws {
        #expect(Self.entries.count > 1_000)
        var checked = 0
        for entry in Self.entries {
            for value in [entry.low, entry.high, entry.low &- 1, entry.high + 1, (entry.low + entry.high) / 2] {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(CellWidth.of(scalar) == Self.expected(value), "U+\(String(value, radix: 16, uppercase: true))")
                checked += 1
            }
        }
        #expect(checked > 5_000)
        #expect(CellWidth.of("a漢\u{301}") == 3)
        #expect(CellWidth.of(Unicode.Scalar(0x1F600) ?? "x") == 2)
        #expect(CellWidth.of(Unicode.Scalar(0x7F) ?? "x") == -1)
    }
}
