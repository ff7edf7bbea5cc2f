import MessageMarkdown
import OasstProtocol
import TerminalUI

/// Facts about the app shown in its title and `--version`.
public enum AppInfo {
    /// The program version.
    public static let version = "0.1.0"
}
