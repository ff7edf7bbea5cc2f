import CCmark
import Synchronization

/// Parses markdown with cmark-gfm (tables, strikethrough, autolinks, task lists) and copies the
/// result into `MarkdownBlock` values. All cmark pointer code lives in this file.
enum MarkdownParser {
    /// Deepest nesting copied as structure; deeper content is flattened to its text, so hostile
    /// input (thousands of `>` or list markers) cannot exhaust the stack.
    static let maxDepth = 48

    /// The GitHub extensions we attach, by cmark-gfm's names.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registers the core extensions once per process (Swift runs a static initialiser once).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises parsing: cmark-gfm keeps the inline parser's table of special characters in a global that each
    /// parse with extensions changes and restores, so two parses at once could lose `~` or `|` mid-document.
    private static let parsing = Mutex(())

    /// The cmark-gfm version string.
    static var version: String { String(cString: cmark_version_string()) }

    /// The blocks of a document; nil only if cmark could not allocate a parser.
    static func parse(_ markdown: String) -> [MarkdownBlock]? {
        _ = registered
        var bytes = Array(markdown.utf8)
        let parsed = parsing.withLock { _ -> OpaquePointer? in
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let syntax = cmark_find_syntax_extension(name) {
                    _ = cmark_parser_attach_syntax_extension(parser, syntax)
                }
            }
            bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    cmark_parser_feed(parser, pointer, buffer.count)
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let document = parsed else { return nil }
        defer { cmark_node_free(document) }
        return blocks(under: document, depth: 0)
    }

    /// A node's type name (`paragraph`, `table_cell`, `tasklist`, …).
    private static func typeName(_ node: OpaquePointer) -> String {
        guard let name = cmark_node_get_type_string(node) else { return "" }
        return String(cString: name)
    }

    /// A node's literal text (text, code, code block, HTML).
    private static func literal(_ node: OpaquePointer) -> String {
        guard let text = cmark_node_get_literal(node) else { return "" }
        return String(cString: text)
    }

    /// The children of a node, in order.
    private static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// All literal text under a node, walked without recursion (for content nested too deeply).
    private static func flattenedText(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch typeName(current) {
            case "text", "code", "code_block", "html_block", "html_inline":
                text += literal(current)
            case "softbreak", "linebreak":
                text += " "
            case "paragraph", "heading", "item", "tasklist":
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            default:
                break
            }
        }
        return text
    }

    /// The block children of a container.
    private static func blocks(under node: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        children(node).compactMap { block($0, depth: depth) }
    }

    /// One block node (nil for nodes we do not show, such as footnote definitions).
    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        if depth >= maxDepth { return .paragraph([.text(flattenedText(node))]) }
        switch typeName(node) {
        case "paragraph":
            return .paragraph(inlines(under: node, depth: depth + 1))
        case "heading":
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node, depth: depth + 1))
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, text: literal(node))
        case "html_block":
            return .html(literal(node))
        case "thematic_break":
            return .thematicBreak
        case "block_quote":
            return .blockQuote(blocks(under: node, depth: depth + 1))
        case "list":
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let items = children(node).map { item in
                let isTask = typeName(item) == "tasklist"
                return MarkdownBlock.ListItem(
                    task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                    blocks: blocks(under: item, depth: depth + 2))
            }
            return .list(
                ordered: ordered, start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0, items: items)
        case "table":
            return table(node, depth: depth)
        default:
            let text = flattenedText(node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
    }

    /// A table with its column alignments and header rows.
    private static func table(_ node: OpaquePointer, depth: Int) -> MarkdownBlock {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownBlock.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch raw[index] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var rows: [[[MarkdownInline]]] = []
        var headerRows = 0
        for row in children(node) {
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { headerRows = rows.count + 1 }
            rows.append(children(row).map { inlines(under: $0, depth: depth + 2) })
        }
        return .table(alignments: alignments, rows: rows, headerRows: headerRows)
    }

    /// The inline children of a node.
    private static func inlines(under node: OpaquePointer, depth: Int) -> [MarkdownInline] {
        children(node).compactMap { inline($0, depth: depth) }
    }

    /// One inline node.
    private static func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
        if depth >= maxDepth { return .text(flattenedText(node)) }
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "code": return .code(literal(node))
        case "html_inline": return .html(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "emph": return .emphasis(inlines(under: node, depth: depth + 1))
        case "strong": return .strong(inlines(under: node, depth: depth + 1))
        case "strikethrough": return .strikethrough(inlines(under: node, depth: depth + 1))
        case "link":
            return .link(url: url(node), title: title(node), inlines(under: node, depth: depth + 1))
        case "image":
            return .image(url: url(node), title: title(node), inlines(under: node, depth: depth + 1))
        default:
            let text = flattenedText(node)
            return text.isEmpty ? nil : .text(text)
        }
    }

    private static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    private static func title(_ node: OpaquePointer) -> String {
        cmark_node_get_title(node).map { String(cString: $0) } ?? ""
    }
}
