/// One terminal cell: the text drawn there, how many columns it covers, and its style slot.
public struct Cell: Equatable, Hashable, Sendable {
    /// The grapheme drawn in this cell (one or more scalars); empty for the right half of a wide character.
    public var text: String
    /// Columns this cell's text covers: 1, 2 (wide), or 0 for the continuation half of a wide character.
    public var width: Int
    /// The style slot the theme turns into colours and attributes.
    public var slot: ThemeSlot

    /// Creates a cell.
    public init(text: String, width: Int, slot: ThemeSlot) {
        self.text = text
        self.width = width
        self.slot = slot
    }

    /// An empty cell in the normal style.
    public static let blank = Cell(text: " ", width: 1, slot: .normal)

    /// True for the right half of a wide character, which the terminal fills itself.
    public var isContinuation: Bool { width == 0 }
}
