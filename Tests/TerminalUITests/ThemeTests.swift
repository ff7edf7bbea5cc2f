import Foundation
import TestSupport
import Testing

@testable import TerminalUI

@Suite struct ThemeTests {
    private func parse(_ text: String) throws -> Theme {
        try ThemeFile.parse(text, file: "dusk.toml", name: "dusk")
    }

    private func failure(_ text: String) -> TOMLError? {
        do {
            _ = try parse(text)
            return nil
        } catch let error as TOMLError {
            return error
        } catch {
            return nil
        }
    }

    @Test func overridesOnlyTheNamedSlots() throws {
        let theme = try parse(
            """
            "selection"         = { reverse = true, underline = true }
            "status.offline"    = { fg = "red", bold = true }
            "slider.filled"     = { fg = "#5fd75f" }
            untrusted.control   = { fg = "color226", bg = "brightblack", italic = true }
            """)
        #expect(theme.name == "dusk")
        #expect(theme[.selection] == CellStyle(underline: true, reverse: true))
        #expect(theme[.statusOffline] == CellStyle(foreground: .indexed(1), bold: true))
        #expect(theme[.sliderFilled] == CellStyle(foreground: .rgb(red: 0x5F, green: 0xD7, blue: 0x5F)))
        #expect(
            theme[.untrustedControl] == CellStyle(foreground: .indexed(226), background: .indexed(8), italic: true))
        for slot in ThemeSlot.allCases
        where ![.selection, .statusOffline, .sliderFilled, .untrustedControl].contains(slot) {
            #expect(theme[slot] == BuiltInThemes.standard[slot], "\(slot)")
        }
    }

    @Test func errorsNameFileAndLine() {
        #expect(failure("\"title\" = { bold = true }\n\"no.such\" = { bold = true }")?.line == 2)
        #expect(failure("\"no.such\" = { bold = true }")?.message.hasPrefix("unknown slot 'no.such'") == true)
        let colour = failure("\n\"error\" = { fg = \"purple\" }")
        #expect(colour?.line == 2)
        #expect(colour?.description.hasPrefix("dusk.toml:2: bad colour 'purple' for error.fg") == true)
        #expect(failure("\"error\" = { blink = true }")?.message.hasPrefix("unknown attribute 'blink'") == true)
        #expect(failure("\"error\" = { bold = \"yes\" }")?.message == "error.bold must be true or false")
        #expect(failure("\"error\" = \"red\"") != nil)
        #expect(failure("\"error\" = { fg = \"color256\" }") != nil)
        #expect(failure("\"error\" = { fg = \"#12345\" }") != nil)
    }

    @Test func colourNamesRoundTrip() {
        #expect(ThemeFile.parseColor("default") == .terminalDefault)
        #expect(ThemeFile.parseColor("White") == .indexed(7))
        #expect(ThemeFile.parseColor("brightred") == .indexed(9))
        #expect(ThemeFile.parseColor("bright-blue") == .indexed(12))
        #expect(ThemeFile.parseColor("color0") == .indexed(0))
        #expect(ThemeFile.parseColor("color255") == .indexed(255))
        #expect(ThemeFile.parseColor("color007") == nil)
        #expect(ThemeFile.parseColor("#FFa000") == .rgb(red: 255, green: 160, blue: 0))
        #expect(ThemeFile.parseColor("#ggg000") == nil)
        for color: TerminalColor in [
            .terminalDefault, .indexed(3), .indexed(11), .indexed(200), .rgb(red: 1, green: 2, blue: 3),
        ] {
            #expect(ThemeFile.parseColor(ThemeFile.colorName(color)) == color)
        }
    }

    @Test func rgbMapsToNearestPaletteEntries() {
        #expect(ColorPalette.nearest256(red: 0x5F, green: 0xD7, blue: 0x5F) == 77)
        #expect(ColorPalette.nearest256(red: 0, green: 0, blue: 0) == 16)
        #expect(ColorPalette.nearest256(red: 255, green: 255, blue: 255) == 231)
        #expect(ColorPalette.nearest256(red: 128, green: 128, blue: 128) == 244)
        #expect(ColorPalette.nearest256(red: 250, green: 10, blue: 10) == 196)
        #expect(ColorPalette.nearestBasic(red: 250, green: 10, blue: 10, count: 16) == 9)
        #expect(ColorPalette.nearestBasic(red: 250, green: 10, blue: 10, count: 8) == 1)
        #expect(ColorPalette.nearestBasic(red: 10, green: 10, blue: 200, count: 8) == 4)
        #expect(ColorPalette.rgb(of: 77) == (0x5F, 0xD7, 0x5F))
        #expect(ColorPalette.rgb(of: 232) == (8, 8, 8))
        #expect(ColorPalette.reduce(.rgb(red: 250, green: 10, blue: 10), colors: 256) == .indexed(196))
        #expect(ColorPalette.reduce(.indexed(196), colors: 8) == .indexed(1))
        #expect(ColorPalette.reduce(.indexed(9), colors: 8) == .indexed(1))
        #expect(ColorPalette.reduce(.indexed(9), colors: 16) == .indexed(9))
        #expect(ColorPalette.reduce(.indexed(9), colors: 2) == .terminalDefault)
    }

    @Test func builtInsFollowTheDocumentedTable() {
        let mono = BuiltInThemes.monochrome
        #expect(!mono.usesColour)
        #expect(BuiltInThemes.standard.usesColour)
        #expect(mono[.statusHeld] == CellStyle(bold: true, underline: true))
        #expect(mono[.sliderFilled] == CellStyle(reverse: true))
        #expect(mono[.untrustedControl] == CellStyle(reverse: true))
        #expect(BuiltInThemes.standard[.untrustedControl] == CellStyle(foreground: .indexed(3), reverse: true))
        #expect(BuiltInThemes.standard[.sliderEmpty] == CellStyle(foreground: .indexed(8)))
        for name in BuiltInThemes.names {
            let theme = BuiltInThemes.theme(named: name)
            #expect(theme?.name == name)
            #expect(theme?.styles.count == ThemeSlot.allCases.count)
        }
    }

    @Test(arguments: BuiltInThemes.names) func shippedFileEqualsTheBuiltIn(name: String) throws {
        let url = FixtureDirectory.packageRoot.appendingPathComponent("themes/\(name).toml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let loaded = try ThemeFile.parse(text, file: url.path, name: name)
        #expect(loaded == BuiltInThemes.theme(named: name))
    }

    @Test func serializedOverlayLoadsBack() throws {
        for name in BuiltInThemes.names {
            let theme = try #require(BuiltInThemes.theme(named: name))
            #expect(try ThemeFile.parse(ThemeFile.serialize(theme), file: "x", name: name) == theme)
        }
    }
}

@Suite struct ThemeResolverTests {
    static let files: [String: String] = [
        "/home/u/.config/oasst/themes/dusk.toml": "\"title\" = { fg = \"magenta\" }",
        "/xdg/oasst/themes/dusk.toml": "\"title\" = { fg = \"green\" }",
        "/data/oasst/themes/sea.toml": "\"title\" = { fg = \"blue\" }",
        "/tmp/my theme.toml": "\"title\" = { fg = \"red\" }",
        "/home/u/.config/oasst/themes/broken.toml": "\n\"titel\" = {}",
    ]

    private func resolver(
        _ environment: [String: String], colors: Int? = 256, mode: ThemeResolver.ColorMode = .auto
    )
        -> ThemeResolver
    {
        ThemeResolver(environment: environment, colorCount: colors, colorMode: mode) { Self.files[$0] }
    }

    @Test func noColourSignalsPickMonochrome() throws {
        #expect(try resolver(["NO_COLOR": "1"]).resolve(name: "light").name == "monochrome")
        #expect(try resolver(["NO_COLOR": ""]).resolve(name: "light").name == "light")
        #expect(try resolver(["TERM": "dumb"]).resolve(name: nil).name == "monochrome")
        #expect(try resolver([:], colors: 2).resolve(name: nil).name == "monochrome")
        #expect(try resolver([:], mode: .never).resolve(name: nil).name == "monochrome")
        #expect(try resolver(["NO_COLOR": "1"], mode: .always).resolve(name: nil).name == "default")
    }

    @Test func lookupOrder() throws {
        let home = ["HOME": "/home/u"]
        #expect(try resolver(home).resolve(name: "dusk")[.title].foreground == .indexed(5))
        let xdg = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/xdg"]
        #expect(try resolver(xdg).resolve(name: "dusk")[.title].foreground == .indexed(2))
        let relative = ["HOME": "/home/u", "XDG_CONFIG_HOME": "relative"]
        #expect(try resolver(relative).resolve(name: "dusk")[.title].foreground == .indexed(5))
        #expect(
            try resolver(["XDG_DATA_DIRS": "/nowhere:/data"]).resolve(name: "sea")[.title].foreground == .indexed(4))
        let byPath = try resolver(home).resolve(name: "/tmp/my theme.toml")
        #expect(byPath.name == "my theme")
        #expect(byPath[.title].foreground == .indexed(1))
        #expect(try resolver(home).resolve(name: "high-contrast") == BuiltInThemes.highContrast)
        #expect(try resolver(home).resolve(name: nil) == BuiltInThemes.standard)
    }

    @Test func unknownNameListsAvailableThemes() {
        #expect {
            try resolver(["HOME": "/home/u"]).resolve(name: "nope")
        } throws: { error in
            let text = (error as? ThemeResolver.Failure)?.description ?? ""
            return text.contains("unknown theme 'nope'") && text.contains("default, light, high-contrast, monochrome")
                && text.contains("/home/u/.config/oasst/themes/nope.toml")
        }
        #expect(throws: ThemeResolver.Failure.unreadable(path: "/no/such.toml")) {
            try resolver([:]).resolve(name: "/no/such.toml")
        }
    }

    @Test func brokenFileReportsFileAndLine() {
        #expect {
            try resolver(["HOME": "/home/u"]).resolve(name: "broken")
        } throws: { error in
            guard case .invalid(let toml)? = error as? ThemeResolver.Failure else { return false }
            return toml.file == "/home/u/.config/oasst/themes/broken.toml" && toml.line == 2
        }
    }
}
