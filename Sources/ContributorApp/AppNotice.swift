/// A one-line message above the status bar: information or an error with its next step.
public struct AppNotice: Equatable, Sendable {
    /// The text (may contain server text: sanitised when drawn).
    public var text: String
    /// Whether it reports a problem (drawn in the error style).
    public var isError: Bool

    /// Creates a notice.
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// The notice for an error: what happened, then what to do.
    public init(_ error: AppError) {
        self.init(error.text + " " + error.nextStep, isError: true)
    }
}
