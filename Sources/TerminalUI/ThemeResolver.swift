/// Picks the theme to use: monochrome when colour is off (NO_COLOR, TERM=dumb, no colours), else
/// the named theme looked up as a path (a name with `/`), then `$XDG_CONFIG_HOME/oasst/themes/NAME.toml`,
/// then `oasst/themes/NAME.toml` under each `$XDG_DATA_DIRS` entry, then the built-ins.
/// Environment and file access are parameters, so this stays pure and testable.
public struct ThemeResolver: Sendable {
    /// The user's `--color` choice.
    public enum ColorMode: String, Sendable, CaseIterable {
        case auto, always, never
    }

    /// Why a theme could not be loaded.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// No file or built-in has that name.
        case unknownTheme(name: String, searched: [String], available: [String])
        /// A path was given but could not be read.
        case unreadable(path: String)
        /// The file has an error.
        case invalid(TOMLError)

        /// A one-line message for the user.
        public var description: String {
            switch self {
            case .unknownTheme(let name, let searched, let available):
                return "unknown theme '\(name)' (looked in \(searched.joined(separator: ", "))); available: "
                    + available.joined(separator: ", ")
            case .unreadable(let path):
                return "cannot read theme file \(path)"
            case .invalid(let error):
                return error.description
            }
        }
    }

    /// Environment variables (`NO_COLOR`, `TERM`, `HOME`, `XDG_CONFIG_HOME`, `XDG_DATA_DIRS`).
    public var environment: [String: String]
    /// Colours the terminal reports (curses `COLORS`), or nil when unknown.
    public var colorCount: Int?
    /// The `--color` choice.
    public var colorMode: ColorMode
    /// Reads a file's text, or nil when it does not exist or cannot be read.
    public var readFile: @Sendable (String) -> String?

    /// Creates a resolver.
    public init(
        environment: [String: String], colorCount: Int? = nil, colorMode: ColorMode = .auto,
        readFile: @escaping @Sendable (String) -> String?
    ) {
        self.environment = environment
        self.colorCount = colorCount
        self.colorMode = colorMode
        self.readFile = readFile
    }

    /// True when colour must not be used: `--color=never`, or in auto mode NO_COLOR (non-empty),
    /// TERM=dumb, or a terminal with fewer than 8 colours.
    public var colorDisabled: Bool {
        switch colorMode {
        case .never: return true
        case .always: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return true }
            if environment["TERM"] == "dumb" { return true }
            if let colorCount, colorCount < 8 { return true }
            return false
        }
    }

    /// `$XDG_CONFIG_HOME` (absolute), else `$HOME/.config`.
    public var configHome: String? {
        if let value = environment["XDG_CONFIG_HOME"], value.hasPrefix("/") { return value }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config" }
        return nil
    }

    /// `$XDG_DATA_DIRS` entries that are absolute, else `/usr/local/share` and `/usr/share`.
    public var dataDirectories: [String] {
        let value = environment["XDG_DATA_DIRS"] ?? ""
        let entries = value.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
        return entries.isEmpty ? ["/usr/local/share", "/usr/share"] : entries
    }

    /// The candidate files for a theme name, in lookup order.
    public func candidatePaths(for name: String) -> [String] {
        var paths: [String] = []
        if let configHome { paths.append(configHome + "/oasst/themes/\(name).toml") }
        for directory in dataDirectories { paths.append(directory + "/oasst/themes/\(name).toml") }
        return paths
    }

    /// The theme for a requested name (nil = `default`), honouring the colour rules.
    public func resolve(name requested: String?) throws(Failure) -> Theme {
        if colorDisabled { return BuiltInThemes.monochrome }
        let name = requested ?? "default"
        if name.contains("/") {
            guard let text = readFile(name) else { throw .unreadable(path: name) }
            return try load(text, file: name, name: ThemeResolver.baseName(name))
        }
        let paths = candidatePaths(for: name)
        for path in paths {
            if let text = readFile(path) { return try load(text, file: path, name: name) }
        }
        if let theme = BuiltInThemes.theme(named: name) { return theme }
        throw .unknownTheme(name: name, searched: paths, available: BuiltInThemes.names)
    }

    private func load(_ text: String, file: String, name: String) throws(Failure) -> Theme {
        do {
            return try ThemeFile.parse(text, file: file, name: name)
        } catch let error as TOMLError {
            throw .invalid(error)
        } catch {
            throw .invalid(TOMLError(file: file, line: 1, message: "\(error)"))
        }
    }

    /// `dusk` for `/path/to/dusk.toml`.
    static func baseName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
}
