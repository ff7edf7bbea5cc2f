import GRDB
import Hummingbird
import OasstProtocol

/// Facts about the embedded collection server.
public enum ServerInfo {
    /// The name it reports in logs.
    public static let name = "oasst-serve"
}
