/// Anything that draws itself into a rectangle of a `Screen`. Widgets are values: rendering
/// never changes them, so `view(state)` stays a pure function.
public protocol Widget {
    /// Draws the widget inside `rect`, touching no cell outside it.
    func render(into screen: inout Screen, in rect: Rect)
}
