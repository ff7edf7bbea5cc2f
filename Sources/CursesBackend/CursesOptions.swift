/// How `CursesTerminal` sets the terminal up.
public struct CursesOptions: Sendable {
    /// The user's colour choice (`--color`).
    public enum ColorChoice: Sendable, Equatable {
        /// Colour when the terminal has it and `NO_COLOR` is unset or empty.
        case auto
        /// Colour whenever the terminal has it, even with `NO_COLOR`.
        case always
        /// Attributes only.
        case never
    }

    /// Report mouse presses, releases, drags and the wheel.
    public var mouse: Bool
    /// Colour choice.
    public var color: ColorChoice
    /// Install SIGINT/SIGTERM/SIGHUP handlers that restore the terminal; tests turn this off.
    public var handleSignals: Bool
    /// Check that the descriptors are terminals (tests on a pty keep it on).
    public var requireTTY: Bool

    /// Creates options; the defaults suit the interactive program.
    public init(mouse: Bool = false, color: ColorChoice = .auto, handleSignals: Bool = true, requireTTY: Bool = true) {
        self.mouse = mouse
        self.color = color
        self.handleSignals = handleSignals
        self.requireTTY = requireTTY
    }
}
