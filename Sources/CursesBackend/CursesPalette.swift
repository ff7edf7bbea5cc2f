import TerminalUI

/// Maps theme colours to the colour numbers a terminal offers: direct RGB, the 256 palette,
/// or the 8/16 basic colours. Pure arithmetic, so it is tested without a terminal.
public enum CursesPalette {
    /// What the terminal can show.
    public enum Depth: Sendable, Equatable {
        /// No colour: attributes only.
        case monochrome
        /// Eight colours.
        case basic8
        /// Sixteen colours.
        case basic16
        /// The xterm 256-colour palette.
        case palette256
        /// 24-bit colour numbers (`r << 16 | g << 8 | b`), from a direct-colour terminfo entry.
        case direct
    }

    /// The depth for a terminal reporting `colors` colours, with or without the `RGB` capability.
    public static func depth(colors: Int, hasColors: Bool, direct: Bool) -> Depth {
        guard hasColors, colors >= 8 else { return .monochrome }
        if direct && colors >= 0x100_0000 { return .direct }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .basic16 }
        return .basic8
    }

    /// The colour number for `color` at `depth`; -1 is the terminal's default colour.
    public static func number(for color: TerminalColor, depth: Depth) -> Int32 {
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let index):
            switch depth {
            case .monochrome: return -1
            case .palette256: return Int32(index)
            case .direct:
                // Direct-colour terminfo entries treat 0–7 as the ANSI colours and larger values as RGB.
                if index < 8 { return Int32(index) }
                let (r, g, b) = rgb(ofIndex: index)
                return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            case .basic16, .basic8:
                if index < 16 { return depth == .basic8 ? Int32(index % 8) : Int32(index) }
                let (r, g, b) = rgb(ofIndex: index)
                return nearestBasic(red: r, green: g, blue: b, count: depth == .basic8 ? 8 : 16)
            }
        case .rgb(let r, let g, let b):
            switch depth {
            case .monochrome: return -1
            case .direct: return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
            case .palette256: return Int32(nearest256(red: r, green: g, blue: b))
            case .basic16: return nearestBasic(red: r, green: g, blue: b, count: 16)
            case .basic8: return nearestBasic(red: r, green: g, blue: b, count: 8)
            }
        }
    }

    /// Levels of the 6×6×6 colour cube (xterm).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The xterm defaults for the 16 basic colours.
    static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value of a 256-palette entry (xterm defaults).
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let value = Int(index)
        if value < 16 {
            let (r, g, b) = basicRGB[value]
            return (UInt8(r), UInt8(g), UInt8(b))
        }
        if value >= 232 {
            let grey = UInt8(8 + (value - 232) * 10)
            return (grey, grey, grey)
        }
        let cube = value - 16
        return (
            UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6])
        )
    }

    /// The nearest entry among 16–255 (cube and grey ramp), by squared RGB distance.
    public static func nearest256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        func level(_ component: UInt8) -> Int {
            var best = 0
            for candidate in 1..<cubeLevels.count
            where abs(cubeLevels[candidate] - Int(component)) < abs(cubeLevels[best] - Int(component)) {
                best = candidate
            }
            return best
        }
        let (ri, gi, bi) = (level(red), level(green), level(blue))
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyIndex = 232 + greyStep
        func distance(_ index: Int) -> Int {
            let (r, g, b) = rgb(ofIndex: UInt8(index))
            let dr = Int(r) - Int(red)
            let dg = Int(g) - Int(green)
            let db = Int(b) - Int(blue)
            return dr * dr + dg * dg + db * db
        }
        return UInt8(distance(greyIndex) < distance(cubeIndex) ? greyIndex : cubeIndex)
    }

    /// The nearest of the first `count` basic colours.
    static func nearestBasic(red: UInt8, green: UInt8, blue: UInt8, count: Int) -> Int32 {
        var best = 0
        var bestDistance = Int.max
        for index in 0..<count {
            let (r, g, b) = basicRGB[index]
            let dr = r - Int(red)
            let dg = g - Int(green)
            let db = b - Int(blue)
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                bestDistance = distance
                best = index
            }
        }
        return Int32(best)
    }
}
