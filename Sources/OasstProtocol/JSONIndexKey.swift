/// A coding key made up while decoding (an array position, a dictionary member, `super`) for error paths.
struct JSONIndexKey: CodingKey {
    /// `Index N`, as Foundation names array positions.
    let stringValue: String
    /// The array position, or `nil` for a named key.
    let intValue: Int?

    /// The key of array element `index`.
    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    /// A named key (used for `super`).
    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    /// The key of array element `intValue`.
    init(intValue: Int) {
        self.init(index: intValue)
    }
}
