/// Terminal column widths, counted per Unicode scalar the way ncursesw counts them, so layout
/// never disagrees with what the terminal draws.
public enum CellWidth {
    /// Parsed ranges: parallel arrays of lower bounds, upper bounds and widths (-1 = not printable), read from the
    /// table's bytes in one pass (splitting it into substrings took about 1.5 ms of every start).
    private static let ranges: (lows: [UInt32], highs: [UInt32], widths: [Int8]) = {
        var lows: [UInt32] = []
        var highs: [UInt32] = []
        var widths: [Int8] = []
        lows.reserveCapacity(1_200)
        highs.reserveCapacity(1_200)
        widths.reserveCapacity(1_200)
        // Fields of one `LO-HI:W` entry: 0 = low bound, 1 = high bound, 2 = width.
        var field = 0
        var low: UInt32 = 0
        var high: UInt32 = 0
        var width: Int8?
        func finishEntry() {
            if field == 2, let width {
                lows.append(low)
                highs.append(high)
                widths.append(width)
            }
            field = 0
            low = 0
            high = 0
            width = nil
        }
        for byte in CellWidthTable.source.utf8 {
            switch byte {
            case UInt8(ascii: "-"): field = 1
            case UInt8(ascii: ":"): field = 2
            case UInt8(ascii: " "), UInt8(ascii: "\n"): finishEntry()
            case UInt8(ascii: "n") where field == 2: width = -1
            default:
                guard let digit = hexValue(byte) else { continue }
                switch field {
                case 0: low = low << 4 | UInt32(digit)
                case 1: high = high << 4 | UInt32(digit)
                default: width = Int8(digit)
                }
            }
        }
        finishEntry()
        return (lows, highs, widths)
    }()

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Columns for one scalar: 0 (combining, zero-width), 1, 2 (wide), or -1 when it is not printable.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        return run(containing: scalar).width
    }

    /// The widest range of scalars around `scalar` that all take its width, so a caller drawing text (CJK,
    /// a rule of box-drawing lines) can skip the lookup while the next scalar stays in the range.
    static func run(containing scalar: Unicode.Scalar) -> (range: ClosedRange<UInt32>, width: Int) {
        let value = scalar.value
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
                return (table.lows[mid]...table.highs[mid], Int(table.widths[mid]))
            }
        }
        // Between two entries (`high` is below `value`, `low` above it): width 1 up to the next entry.
        let gapStart = high >= 0 ? table.highs[high] + 1 : 0
        let gapEnd = low < table.lows.count ? table.lows[low] - 1 : 0x10FFFF
        return (gapStart...gapEnd, 1)
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
