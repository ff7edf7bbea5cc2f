/// A key as the app sees it, independent of how the terminal encoded it.
public enum Key: Hashable, Sendable {
    /// A printable character (including wide ones).
    case character(Character)
    /// Ctrl plus a letter or symbol, e.g. `.control("s")` for C-s (`_` for C-_).
    case control(Character)
    /// Alt/Meta plus a printable character.
    case alt(Character)
    case enter, altEnter, escape, tab, backTab, space
    case backspace, altBackspace, delete, insert
    case up, down, left, right
    case shiftUp, shiftDown, controlLeft, controlRight
    case home, end, pageUp, pageDown
    /// F1…F12.
    case function(Int)
}

/// What a mouse did, in screen coordinates.
public struct MouseEvent: Hashable, Sendable {
    /// The kind of mouse action.
    public enum Kind: Hashable, Sendable {
        case press, release, drag, wheelUp, wheelDown
    }
    /// The action.
    public var kind: Kind
    /// Column, 0 at the left.
    public var x: Int
    /// Row, 0 at the top.
    public var y: Int

    /// Creates a mouse event.
    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// Everything the terminal can tell the app.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A bracketed paste, delivered whole (raw; the receiver sanitises it).
    case paste(String)
    /// A mouse action.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(width: Int, height: Int)
}
