import ArgumentParser
import ContributorApp
import CurlTransport
import CursesBackend
import Foundation
import OasstClient
import OasstProtocol
import OfflineStore
import OfflineSync
import TerminalUI

/// `oasst contribute` (the default): the interactive contributor UI.
struct Contribute: AsyncParsableCommand {
    /// `_superCommandName` matters only when this command is parsed as the root, which `Oasst.parseCommand` does
    /// just for arguments that parse without error or help: it makes ArgumentParser skip its completion-script
    /// check there (two more command parsers, about 5% of a start). Help, errors and completion scripts go
    /// through the `oasst` root as before.
    static let configuration = CommandConfiguration(
        commandName: "contribute", _superCommandName: "oasst",
        abstract: "Open the contributor UI (the default when no subcommand is given).")

    @OptionGroup var options: CommonOptions

    @Option(help: "Theme name or path to a theme file.")
    var theme: String?

    @Option(help: "Colour: auto, always or never.")
    var color: ThemeResolver.ColorMode = .auto

    @Flag(inversion: .prefixedNo, help: "Mouse support (click, wheel, drag to rank).")
    var mouse = true

    @Flag(help: .hidden)
    var exitAfterFirstFrame = false

    mutating func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try TerminalPreflight.check(environment: environment)
        MemoryTuning.apply()
        let (userConfig, settings, paths) = try options.resolve(environment: environment)
        let keyMap = try loadKeyMap(paths: paths)
        let chosenTheme = try resolveTheme(userConfig: userConfig, paths: paths, environment: environment)
        let store: OfflineStore
        do {
            store = try OfflineStore.openDefault(environment: environment)
        } catch {
            throw FatalError("cannot open the offline store: \(error)")
        }
        let cachedWork =
            ((try? store.readyTasks(for: settings.user).count) ?? 0)
            + ((try? store.takenTasks(for: settings.user).count) ?? 0)
        // With cached work the first frame needs no network: libcurl loads after it, not beside it.
        if cachedWork > 0 { CurlLoadGate.shared.hold() }
        let backend = try await Backend.open(settings, paths: paths)
        let client = backend.makeClient(lane: "ui")
        var sizeLimit = 2000
        // With cached work the first frame never waits for the network: the settings follow as a message.
        if cachedWork == 0 {
            do {
                let serverSettings = try await client.publicSettings()
                sizeLimit = serverSettings.messageSizeLimit ?? sizeLimit
            } catch {
                if ErrorTranslation.isOffline(error) {
                    await backend.close()
                    throw FatalError(
                        "cannot reach the server \(backend.displayName) (\(Sanitizer.plain("\(error)"))); "
                            + "check the URL and your network, or run without --server to work locally")
                }
            }
        }
        let terminal = CursesTerminal(
            options: CursesOptions(mouse: userConfig.mouse ?? mouse, color: Self.colorChoice(color)))
        do {
            try terminal.start()
        } catch {
            await backend.close()
            throw FatalError("\(error)")
        }
        terminal.setTheme(chosenTheme)
        let inbox = Inbox(waker: terminal.waker)
        if cachedWork > 0 {
            Task {
                if let limit = try? await client.publicSettings().messageSizeLimit {
                    inbox.post(.settingsLoaded(messageSizeLimit: limit))
                }
            }
        }
        let engine = SyncEngine(store: store, service: OasstClientService(client: backend.makeClient(lane: "sync")))
        let runner = EffectRunner(
            client: client, store: store, engine: engine, inbox: inbox, user: settings.user,
            prefetchTarget: userConfig.prefetch ?? 3, exportDirectory: paths.state)
        let appConfiguration = AppConfiguration(
            serverName: backend.displayName, user: settings.user, lang: settings.lang, messageSizeLimit: sizeLimit)
        let size = terminal.size
        let state = AppState(
            configuration: appConfiguration,
            environment: AppEnvironment(
                makeID: { UUIDText.randomText() }, now: { Date().timeIntervalSince1970 }),
            keyMap: keyMap, width: size.width, height: size.height)
        await runner.startSync(kind: .random, lang: settings.lang)
        let editor = ExternalEditor(
            command: ExternalEditor.command(environment: environment, configured: userConfig.editor),
            directory: paths.runtime)
        let runtime = AppRuntime(
            terminal: terminal, state: state, inbox: inbox, runner: runner, editor: editor,
            exitAfterFirstFrame: exitAfterFirstFrame, afterFirstFrame: { CurlLoadGate.shared.release() })
        let outcome: Result<AppState, any Error>
        do {
            outcome = .success(try runtime.run(initial: state.initialEffects, restored: runner.restoredTask()))
        } catch {
            outcome = .failure(error)
        }
        terminal.stop()
        await backend.close()
        if case .failure(let error) = outcome { throw FatalError("the UI stopped: \(error)") }
        let counts = try? store.counts()
        if let counts, counts.undelivered + counts.held > 0 {
            var parts: [String] = []
            if counts.undelivered > 0 { parts.append("\(counts.undelivered) submissions queued") }
            if counts.held > 0 { parts.append("\(counts.held) held") }
            FileHandle.standardError.write(
                Data(
                    ("oasst: \(parts.joined(separator: ", ")); they go out the next time oasst runs, "
                        + "or with `oasst queue flush`\n").utf8))
        }
    }

    /// The built-in key map overlaid with `keys.toml`, or a `file:line` error.
    private func loadKeyMap(paths: XDGPaths) throws -> AppKeyMap {
        let file = paths.config.appendingPathComponent("keys.toml")
        guard FileManager.default.fileExists(atPath: file.path) else { return .defaults }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw FatalError("cannot read the key map \(file.path); check its permissions")
        }
        do {
            let (map, warnings) = try KeyMapFile.load(text: String(decoding: data, as: UTF8.self), file: file.path)
            for warning in warnings {
                FileHandle.standardError.write(Data("oasst: warning: \(warning.description)\n".utf8))
            }
            return map
        } catch {
            throw FatalError("bad key map: \(error.description)")
        }
    }

    /// The theme from the flag or config, with NO_COLOR and dumb terminals choosing monochrome.
    private func resolveTheme(userConfig: UserConfig, paths: XDGPaths, environment: [String: String]) throws -> Theme {
        let resolver = ThemeResolver(environment: environment, colorMode: color) { path in
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        do {
            return try resolver.resolve(name: theme ?? userConfig.theme)
        } catch {
            throw FatalError("\(error)")
        }
    }

    /// The curses colour choice for the resolver's mode.
    private static func colorChoice(_ mode: ThemeResolver.ColorMode) -> CursesOptions.ColorChoice {
        switch mode {
        case .auto: return .auto
        case .always: return .always
        case .never: return .never
        }
    }
}

extension ThemeResolver.ColorMode: ExpressibleByArgument {}
