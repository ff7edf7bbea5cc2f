import Foundation
import GRDB
import OasstProtocol

/// Where the offline store lives on disk.
public enum StoreLocation {
    /// The store file under the XDG data directory: `$XDG_DATA_HOME/oasst/store.sqlite`.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var data = URL(fileURLWithPath: home).appendingPathComponent(".local/share")
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            data = URL(fileURLWithPath: xdg)
        }
        return data.appendingPathComponent("oasst/store.sqlite")
    }
}
