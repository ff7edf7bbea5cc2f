/// Fitting sanitised text into a number of columns: truncation with an ellipsis and padding.
public enum TextFit {
    /// The text cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if CellWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let characterWidth = CellWidth.of(String(character))
            if used + characterWidth > width - 1 { break }
            out.append(character)
            used += characterWidth
        }
        return out + "…"
    }

    /// The text truncated or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - CellWidth.of(cut)))
    }

    /// Most scalars of the input a one-line preview looks at (a line is never wider than this).
    public static let previewScalarLimit = 2048

    /// Untrusted text as one display line: newlines become spaces, everything else is sanitised.
    /// Only the first `previewScalarLimit` scalars are used, so huge texts cost no more than a line.
    public static func preview(_ raw: some StringProtocol) -> String {
        var joined = ""
        for scalar in raw.unicodeScalars.prefix(previewScalarLimit) {
            if scalar == "\n" || scalar == "\r" {
                if !joined.hasSuffix(" ") { joined.unicodeScalars.append(" ") }
            } else {
                joined.unicodeScalars.append(scalar)
            }
        }
        return Sanitizer.plain(joined)
    }
}
