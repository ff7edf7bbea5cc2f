/// Inline markdown content copied out of cmark-gfm.
indirect enum MarkdownInline: Equatable {
    case text(String)
    case code(String)
    case html(String)
    case softBreak
    case lineBreak
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(url: String, title: String, [MarkdownInline])
    case image(url: String, title: String, [MarkdownInline])
}
