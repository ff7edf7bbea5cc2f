/// The xterm 256-colour palette and nearest-colour mapping, for terminals without direct colour
/// (`#rrggbb` → nearest of 256) or with only the basic 8/16 colours.
public enum ColorPalette {
    /// xterm's values for the 16 basic colours.
    static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
        (0, 255, 255), (255, 255, 255),
    ]
    /// Channel levels of the 6×6×6 cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette index.
    public static func rgb(of index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let value = Int(index)
        if value < 16 { return basic[value] }
        if value >= 232 {
            let grey = UInt8(8 + 10 * (value - 232))
            return (grey, grey, grey)
        }
        let cube = value - 16
        return (
            UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6])
        )
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(a.0) - Int(b.0)
        let green = Int(a.1) - Int(b.1)
        let blue = Int(a.2) - Int(b.2)
        return 2 * red * red + 4 * green * green + 3 * blue * blue
    }

    /// The nearest entry of the cube or the grey ramp (16–255; the user-configurable 0–15 are avoided).
    public static func nearest256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        func level(_ channel: UInt8) -> Int {
            var best = 0
            for (index, candidate) in cubeLevels.enumerated()
            where abs(candidate - Int(channel)) < abs(cubeLevels[best] - Int(channel)) {
                best = index
            }
            return best
        }
        let cubeIndex = UInt8(16 + 36 * level(red) + 6 * level(green) + level(blue))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyIndex = UInt8(232 + min(23, max(0, (average - 3) / 10)))
        let target = (red, green, blue)
        return distance(rgb(of: cubeIndex), target) <= distance(rgb(of: greyIndex), target) ? cubeIndex : greyIndex
    }

    /// The nearest of the first `count` basic colours (8 or 16).
    public static func nearestBasic(red: UInt8, green: UInt8, blue: UInt8, count: Int) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<min(16, max(1, count)) {
            let candidate = distance(basic[index], (red, green, blue))
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return UInt8(best)
    }

    /// A colour reduced to what a terminal with `colors` colours can show (≥ 16.7M keeps RGB; < 8 → default).
    public static func reduce(_ color: TerminalColor, colors: Int) -> TerminalColor {
        switch color {
        case .terminalDefault:
            return color
        case .indexed(let index):
            if colors >= 256 || Int(index) < min(colors, 16) { return color }
            if colors < 8 { return .terminalDefault }
            let value = rgb(of: index)
            return .indexed(nearestBasic(red: value.red, green: value.green, blue: value.blue, count: colors))
        case .rgb(let red, let green, let blue):
            if colors >= 1 << 24 { return color }
            if colors >= 256 { return .indexed(nearest256(red: red, green: green, blue: blue)) }
            if colors < 8 { return .terminalDefault }
            return .indexed(nearestBasic(red: red, green: green, blue: blue, count: colors))
        }
    }
}
