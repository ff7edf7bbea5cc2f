/// One terminal cell: the text drawn there, how many columns it covers, and its style slot.
/// The text is kept inline as UTF-8 bytes, so a screen of cells is plain memory: making, comparing
/// and freeing a 200×60 screen every frame costs no reference counting.
public struct Cell: Hashable, Sendable {
    /// Most UTF-8 bytes a cell keeps: a scalar and `Screen.maxCombining` combining scalars fit.
    public static let capacity = 24

    /// The UTF-8 bytes, packed little-end first into three words.
    private var packed: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// How many of the packed bytes are used.
    private var byteCount: UInt8 = 0
    /// Columns covered (see `width`).
    private var columns: Int8
    /// The style slot the theme turns into colours and attributes.
    public var slot: ThemeSlot
    /// Fills the cell to its 32-byte stride with zeros, so equal cells are equal bytes (`Screen.diff` compares
    /// whole rows as memory).
    private var reserved: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)

    /// True when the cell's stored fields fill its stride, so comparing bytes compares cells.
    static let hasNoPadding = MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride

    /// Creates a cell; text beyond `capacity` UTF-8 bytes is cut at a scalar boundary.
    public init(text: String, width: Int, slot: ThemeSlot) {
        self.columns = Int8(clamping: width)
        self.slot = slot
        self.text = text
    }

    /// Creates a cell holding one scalar (the common case while drawing).
    public init(scalar: Unicode.Scalar, width: Int, slot: ThemeSlot) {
        self.columns = Int8(clamping: width)
        self.slot = slot
        if scalar.value < 0x80 {
            packed.0 = UInt64(scalar.value)
            byteCount = 1
            return
        }
        var shift: UInt64 = 0
        for byte in scalar.utf8 {
            packed.0 |= UInt64(byte) << shift
            shift += 8
        }
        byteCount = UInt8(shift / 8)
    }

    /// Creates a one-column cell holding a printable ASCII byte (the fast path of `Screen.put`).
    init(ascii byte: UInt8, slot: ThemeSlot) {
        self.columns = 1
        self.slot = slot
        packed.0 = UInt64(byte)
        byteCount = 1
    }

    /// Creates a cell from the UTF-8 of one scalar (at most four bytes), as `Screen.put` reads it from its text.
    init(utf8: UnsafeBufferPointer<UInt8>, width: Int, slot: ThemeSlot) {
        self.columns = Int8(clamping: width)
        self.slot = slot
        let count = min(utf8.count, 8)
        for index in 0..<count {
            packed.0 |= UInt64(utf8[index]) << UInt64(8 * index)
        }
        byteCount = UInt8(count)
    }

    /// The right half of a wide character: no text, no columns of its own.
    public static func continuation(_ slot: ThemeSlot) -> Cell {
        var cell = Cell(scalar: " ", width: 0, slot: slot)
        cell.byteCount = 0
        return cell
    }

    /// An empty cell in the normal style.
    public static let blank = Cell(scalar: " ", width: 1, slot: .normal)

    /// The grapheme drawn in this cell (one or more scalars); empty for the right half of a wide character.
    public var text: String {
        get {
            withUnsafeBytes(of: packed) { raw in
                String(decoding: UnsafeRawBufferPointer(rebasing: raw.prefix(Int(byteCount))), as: UTF8.self)
            }
        }
        set {
            packed = (0, 0, 0)
            var used = 0
            withUnsafeMutableBytes(of: &packed) { raw in
                for scalar in newValue.unicodeScalars {
                    let utf8 = scalar.utf8
                    if used + utf8.count > Cell.capacity { break }
                    for byte in utf8 {
                        raw[used] = byte
                        used += 1
                    }
                }
            }
            byteCount = UInt8(used)
        }
    }

    /// Columns this cell's text covers: 1, 2 (wide), or 0 for the continuation half of a wide character.
    public var width: Int {
        get { Int(columns) }
        set { columns = Int8(clamping: newValue) }
    }

    /// True for the right half of a wide character, which the terminal fills itself.
    public var isContinuation: Bool { columns == 0 }

    /// The number of scalars in the text (combining marks included).
    public var scalarCount: Int {
        withUnsafeBytes(of: packed) { raw in
            raw.prefix(Int(byteCount)).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
    }

    /// Same text, width and slot.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        lhs.packed.0 == rhs.packed.0 && lhs.packed.1 == rhs.packed.1 && lhs.packed.2 == rhs.packed.2
            && lhs.byteCount == rhs.byteCount && lhs.columns == rhs.columns && lhs.slot == rhs.slot
    }

    /// Hashes text, width and slot.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed.0)
        hasher.combine(packed.1)
        hasher.combine(packed.2)
        hasher.combine(byteCount)
        hasher.combine(columns)
        hasher.combine(slot)
    }
}
