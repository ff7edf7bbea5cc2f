import TerminalUI
import Testing

@testable import CursesBackend

@Suite struct CursesPaletteTests {
    @Test(arguments: [
        (UInt8(0xFF), UInt8(0x00), UInt8(0x00), UInt8(196)),
        (0x5F, 0xD7, 0x5F, 77),
        (0x00, 0x00, 0x00, 16),
        (0xFF, 0xFF, 0xFF, 231),
        (0x80, 0x80, 0x80, 244),
        (0x30, 0x30, 0x30, 236),
    ])
    func mapsRGBToTheNearestOf256(red: UInt8, green: UInt8, blue: UInt8, index: UInt8) {
        #expect(CursesPalette.nearest256(red: red, green: green, blue: blue) == index)
    }

    @Test func mapsToBasicColoursOnSmallTerminals() {
        let red = TerminalColor.rgb(red: 0xF0, green: 0x10, blue: 0x10)
        #expect(CursesPalette.number(for: red, depth: .basic16) == 9)
        #expect(CursesPalette.number(for: red, depth: .basic8) == 1)
        #expect(CursesPalette.number(for: .indexed(196), depth: .basic8) == 1)
        #expect(CursesPalette.number(for: .indexed(9), depth: .basic8) == 1)
        #expect(CursesPalette.number(for: .indexed(9), depth: .basic16) == 9)
    }

    @Test func keepsDirectColourAndDefaults() {
        let colour = TerminalColor.rgb(red: 0x12, green: 0x34, blue: 0x56)
        #expect(CursesPalette.number(for: colour, depth: .direct) == 0x123456)
        #expect(CursesPalette.number(for: colour, depth: .monochrome) == -1)
        #expect(CursesPalette.number(for: .terminalDefault, depth: .palette256) == -1)
        #expect(CursesPalette.number(for: .indexed(200), depth: .palette256) == 200)
        #expect(CursesPalette.number(for: .indexed(3), depth: .direct) == 3)
    }

    @Test func choosesDepthFromTheTerminal() {
        #expect(CursesPalette.depth(colors: 256, hasColors: true, direct: false) == .palette256)
        #expect(CursesPalette.depth(colors: 0x100_0000, hasColors: true, direct: true) == .direct)
        #expect(CursesPalette.depth(colors: 8, hasColors: true, direct: false) == .basic8)
        #expect(CursesPalette.depth(colors: 16, hasColors: true, direct: false) == .basic16)
        #expect(CursesPalette.depth(colors: 256, hasColors: false, direct: false) == .monochrome)
    }
}
