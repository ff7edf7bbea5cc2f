import CCmark
import TerminalUI

/// Turns message markdown into styled terminal lines (cmark-gfm underneath).
public enum MarkdownRenderer {
    /// The cmark-gfm library version, for `oasst --version`.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }
}
