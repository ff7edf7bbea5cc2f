// swift-tools-version:6.2
// oasst-tui: a terminal client (and embedded server) for the Open-Assistant task protocol.

import Foundation
import PackageDescription

/// `OASST_LIGHT=1` drops the targets that need GRDB or Hummingbird, for fast inner loops
/// on the pure layers (protocol, client, terminal UI, markdown, curses). CI never sets it.
let light = ProcessInfo.processInfo.environment["OASST_LIGHT"] == "1"

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

var targets: [Target] = [
    .target(name: "OasstProtocol", swiftSettings: swiftSettings),
    .target(name: "OasstClient", dependencies: ["OasstProtocol"], swiftSettings: swiftSettings),
    // libcurl's headers (apt: libcurl4-openssl-dev); the library itself is opened on first use (CCurl.c).
    .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "CurlTransport", dependencies: ["OasstClient", "CCurl"], swiftSettings: swiftSettings),
    .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
    .systemLibrary(
        name: "CCmark", pkgConfig: "libcmark-gfm",
        providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .systemLibrary(name: "CMalloc"),
    .systemLibrary(name: "CSpawn"),
    .systemLibrary(name: "CSQLiteConfig"),
    .target(name: "TerminalUI", swiftSettings: swiftSettings),
    .target(name: "MessageMarkdown", dependencies: ["TerminalUI", "CCmark"], swiftSettings: swiftSettings),
    .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: swiftSettings),
    .target(
        name: "ContributorApp", dependencies: ["OasstProtocol", "TerminalUI", "MessageMarkdown"],
        swiftSettings: swiftSettings),
    // Driving a program in tmux, apart from TestSupport so the benchmarks can use it without Swift Testing.
    .target(name: "TmuxControl", dependencies: ["CSpawn"], swiftSettings: swiftSettings),
    .target(
        name: "TestSupport",
        dependencies: ["OasstProtocol", "OasstClient", "TerminalUI", "ContributorApp", "TmuxControl"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "OasstProtocolTests", dependencies: ["OasstProtocol", "TestSupport"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "OasstClientTests", dependencies: ["OasstClient", "TestSupport"], swiftSettings: swiftSettings),
    .testTarget(
        name: "CurlTransportTests", dependencies: ["CurlTransport", "TestSupport"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"], exclude: ["Snapshots"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "MessageMarkdownTests", dependencies: ["MessageMarkdown", "TestSupport"], exclude: ["Snapshots"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "CursesBackendTests", dependencies: ["CursesBackend", "TestSupport"],
        swiftSettings: swiftSettings),
    .testTarget(
        name: "ContributorAppTests", dependencies: ["ContributorApp", "TestSupport"], exclude: ["Snapshots"],
        swiftSettings: swiftSettings),
]

var dependencies: [Package.Dependency] = []

if !light {
    dependencies += [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ]
    targets += [
        .target(
            name: "OfflineStore",
            dependencies: ["OasstProtocol", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        .target(
            name: "CollectionServer",
            dependencies: [
                "OasstProtocol",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the writer's frequent statements (`Database+SQLiteRow.swift`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                // A connection's handler runs on its channel's event loop (`EventLoopBoundChannel`).
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "oasst",
            dependencies: [
                "OasstProtocol", "OasstClient", "CurlTransport", "TerminalUI", "MessageMarkdown",
                "CursesBackend", "OfflineStore", "OfflineSync", "ContributorApp", "CollectionServer", "CMalloc",
                "CSQLiteConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            // lld with packed relative relocations (DT_RELR, glibc 2.36+): the 113,000 relocations of this
            // position-independent binary took 2.7 MB of `.rela.dyn` that every start read (and kept resident);
            // packed they take 22 KB. Without exporting its symbols the binary's dynamic symbol table shrinks
            // from 725 KB to 16 KB (nothing looks them up).
            linkerSettings: [
                .unsafeFlags([
                    "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker",
                    "--no-export-dynamic",
                ])
            ]),
        .executableTarget(
            name: "oasst-bench",
            dependencies: [
                "OasstProtocol", "TerminalUI", "MessageMarkdown", "ContributorApp", "OfflineStore",
                "CollectionServer", "OasstClient", "CurlTransport", "OfflineSync", "TmuxControl", "CMalloc",
            ],
            path: "Benchmarks/OasstBench",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "OfflineStoreTests", dependencies: ["OfflineStore", "TestSupport"],
            swiftSettings: swiftSettings),
        .target(
            name: "OfflineSync", dependencies: ["OfflineStore", "OasstClient", "OasstProtocol"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "OfflineSyncTests",
            dependencies: ["OfflineSync", "CurlTransport", "CollectionServer", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CollectionServerTests",
            dependencies: [
                "CollectionServer", "OasstClient", "CurlTransport", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ]
}

let package = Package(
    name: "oasst-tui",
    platforms: [.macOS(.v14)],
    products: light ? [] : [.executable(name: "oasst", targets: ["oasst"])],
    dependencies: dependencies,
    targets: targets
)
