/// The help screen: a table of keys and what they do, grouped by context (the caller puts the
/// current context first), drawn in a border and scrollable when taller than the screen.
public struct HelpOverlay: Widget, Equatable, Sendable {
    /// One key binding.
    public struct Entry: Equatable, Sendable {
        /// The keys, as shown (`j ↓`, `<C-x><C-e>`, or `unbound`).
        public var keys: String
        /// What the keys do.
        public var description: String

        /// Creates an entry.
        public init(keys: String, description: String) {
            self.keys = keys
            self.description = description
        }
    }

    /// The bindings of one context.
    public struct Group: Equatable, Sendable {
        /// Context name, shown as a heading.
        public var title: String
        /// Its bindings.
        public var entries: [Entry]

        /// Creates a group.
        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    /// Title in the border.
    public static let title = "Help — ? F1 Esc q close"
    /// Widest the key column grows.
    public static let maxKeyWidth = 18

    /// The groups, in display order.
    public var groups: [Group]
    /// The first row shown.
    public var offset: Int
    /// Text typed after `/`: only entries whose keys or description contain it are shown (nil = all).
    public var filter: String?

    /// Creates an overlay at its top.
    public init(groups: [Group], offset: Int = 0, filter: String? = nil) {
        self.groups = groups
        self.offset = offset
        self.filter = filter
    }

    /// The groups after applying `filter` (case-insensitive); groups left empty are dropped.
    public var visibleGroups: [Group] {
        guard let filter, !filter.isEmpty else { return groups }
        let needle = filter.lowercased()
        return groups.compactMap { group in
            let entries = group.entries.filter {
                $0.keys.lowercased().contains(needle) || $0.description.lowercased().contains(needle)
            }
            return entries.isEmpty ? nil : Group(title: group.title, entries: entries)
        }
    }

    /// The title line, showing the filter when one is set.
    public var titleText: String {
        guard let filter else { return HelpOverlay.title }
        return "Help /" + Sanitizer.plain(filter)
    }

    /// The table laid out for `width` columns: headings, then `keys  description` rows, descriptions wrapped.
    public func lines(width: Int) -> [StyledLine] {
        let keyWidth = min(
            HelpOverlay.maxKeyWidth, max(4, width / 2),
            groups.flatMap(\.entries).map { CellWidth.of($0.keys) }.max() ?? 4)
        let descriptionWidth = max(1, width - keyWidth - 4)
        var out: [StyledLine] = []
        let groups = visibleGroups
        if groups.isEmpty { return [StyledLine([StyledSpan("no key matches", .messageMeta)])] }
        for (index, group) in groups.enumerated() {
            if index > 0 { out.append(StyledLine()) }
            out.append(StyledLine([StyledSpan(TextFit.truncate(group.title, width: width), .title)]))
            for entry in group.entries {
                let keys = TextFit.pad(entry.keys, width: keyWidth)
                let wrapped = TextWrapper.wrap(
                    StyledLine([StyledSpan(entry.description, .helpText)]), width: descriptionWidth)
                for (row, line) in wrapped.enumerated() {
                    let lead = row == 0 ? keys : String(repeating: " ", count: keyWidth)
                    out.append(
                        StyledLine([StyledSpan("  "), StyledSpan(lead, .helpKey), StyledSpan("  ")] + line.spans))
                }
            }
        }
        return out
    }

    /// The scroll view for the area inside the border (one column kept for the scroll bar).
    private func scrollView(inner: Rect) -> ScrollView {
        ScrollView(content: lines(width: max(1, inner.width - 1)), offset: offset, wrapsContent: false)
    }

    /// Scrolls within a screen area of `rect` (the rect passed to `render`).
    public mutating func scroll(_ motion: ScrollView.Motion, in rect: Rect) {
        var view = scrollView(inner: Border.inner(rect))
        view.scroll(motion, in: Border.inner(rect))
        offset = view.offset
    }

    /// Clears the rect, draws the border and the visible part of the table with a scroll bar.
    public func render(into screen: inout Screen, in rect: Rect) {
        guard rect.width >= 6, rect.height >= 3 else { return }
        screen.fill(rect, slot: .normal)
        Border(title: titleText, slot: .borderFocused).render(into: &screen, in: rect)
        let inner = Border.inner(rect)
        scrollView(inner: inner).render(into: &screen, in: inner)
    }
}
