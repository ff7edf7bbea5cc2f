/// A markdown block as the renderer sees it: a Swift tree copied out of cmark-gfm's nodes, so the
/// layout code never touches C pointers.
indirect enum MarkdownBlock: Equatable {
    /// Column alignment in a table.
    enum Alignment: Equatable {
        case none, left, center, right
    }

    /// One list item; `task` is nil for a plain item, else whether its box is checked.
    struct ListItem: Equatable {
        var task: Bool?
        var blocks: [MarkdownBlock]
    }

    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    case codeBlock(info: String, text: String)
    case html(String)
    case thematicBreak
    case blockQuote([MarkdownBlock])
    case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem])
    /// Rows of cells; the first `headerRows` rows are the header.
    case table(alignments: [Alignment], rows: [[[MarkdownInline]]], headerRows: Int)
}
