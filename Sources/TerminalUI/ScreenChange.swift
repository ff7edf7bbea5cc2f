/// A run of changed cells on one row: what a backend must write to turn one screen into the next.
public struct ScreenChange: Equatable, Sendable {
    /// Row of the run.
    public var y: Int
    /// Column of the first cell.
    public var x: Int
    /// The new cells, left to right (continuation cells included).
    public var cells: [Cell]

    /// Creates a change.
    public init(y: Int, x: Int, cells: [Cell]) {
        self.y = y
        self.x = x
        self.cells = cells
    }
}
