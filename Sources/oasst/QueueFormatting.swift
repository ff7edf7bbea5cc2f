import Foundation
import TerminalUI

/// Small text helpers for queue listings.
enum QueueFormatting {
    /// `42s`, `5m`, `3h`, `2d`.
    static func age(_ seconds: TimeInterval) -> String {
        let value = max(0, Int(seconds))
        if value < 60 { return "\(value)s" }
        if value < 3600 { return "\(value / 60)m" }
        if value < 86400 { return "\(value / 3600)h" }
        return "\(value / 86400)d"
    }

    /// Server text made safe for the terminal and kept to one line.
    static func oneLine(_ text: String) -> String {
        String(Sanitizer.plain(text).prefix(80))
    }
}
