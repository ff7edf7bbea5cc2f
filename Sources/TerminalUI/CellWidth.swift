/// Terminal column widths, counted per Unicode scalar the way ncursesw counts them, so layout
/// never disagrees with what the terminal draws.
public enum CellWidth {
    /// Parsed ranges: parallel arrays of lower bounds, upper bounds and widths (-1 = not printable).
    private static let ranges: (lows: [UInt32], highs: [UInt32], widths: [Int8]) = {
        var lows: [UInt32] = []
        var highs: [UInt32] = []
        var widths: [Int8] = []
        for entry in CellWidthTable.source.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = entry.split(separator: ":")
            let bounds = parts[0].split(separator: "-")
            guard parts.count == 2, bounds.count == 2,
                let low = UInt32(bounds[0], radix: 16), let high = UInt32(bounds[1], radix: 16)
            else { continue }
            lows.append(low)
            highs.append(high)
            widths.append(parts[1] == "n" ? -1 : Int8(parts[1]) ?? 1)
        }
        return (lows, highs, widths)
    }()

    /// Columns for one scalar: 0 (combining, zero-width), 1, 2 (wide), or -1 when it is not printable.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        let table = ranges
        var low = 0
        var high = table.lows.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < table.lows[mid] {
                high = mid - 1
            } else if value > table.highs[mid] {
                low = mid + 1
            } else {
                return Int(table.widths[mid])
            }
        }
        return 1
    }

    /// Columns for a string that is already sanitised: the sum of its scalars' widths (non-printable count 0).
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += max(0, of(scalar))
        }
        return total
    }
}
