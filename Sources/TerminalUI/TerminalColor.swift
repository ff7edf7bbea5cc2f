/// A colour as a theme names it; the backend maps it to what the terminal supports.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 palette entries (0–7 basic, 8–15 bright, 16–231 cube, 232–255 greys).
    case indexed(UInt8)
    /// A 24-bit colour, mapped to the nearest palette entry where direct colour is unavailable.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)
}
