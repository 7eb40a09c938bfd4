// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "borderwatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "borderwatch", targets: ["borderwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C interop, fenced in one shim header each.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Value types shared by every module: Day, Fact, Article, AlertEvent, Configuration.
        .target(name: "BorderwatchCore"),
        // Article bytes -> metadata + facts. Pure: no file, database or network access.
        // The lexicons are compiled into the module (Plugins/EmbedLexicons), so the binary is the whole program.
        .target(name: "BorderwatchExtract", dependencies: ["BorderwatchCore"], exclude: ["Lexicons"],
                plugins: ["EmbedLexicons"]),
        .executableTarget(name: "embed-lexicons"),
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["embed-lexicons"]),
        // Stored observations -> alert decisions. Pure, clock injected.
        .target(name: "BorderwatchRules", dependencies: ["BorderwatchCore"]),
        // Loading and validating the TOML configuration file.
        .target(name: "BorderwatchConfig", dependencies: [
            "BorderwatchCore",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // SQLite: connection, statements, migrations, ingest, queries, outbox rows.
        .target(name: "BorderwatchStore", dependencies: [
            "BorderwatchCore", "BorderwatchRules", "CSQLite",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // inotify, claiming files, processed/ and failed/ hand-off, rescans.
        .target(name: "BorderwatchInbox", dependencies: [
            "BorderwatchCore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Outbox drain, per-tool formats, retry policy, libcurl transport, signing.
        .target(name: "BorderwatchNotify", dependencies: [
            "BorderwatchCore", "BorderwatchStore", "CCurl",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Wires the services together: lifecycle, signals, sd_notify, logging.
        .target(name: "BorderwatchDaemon", dependencies: [
            "BorderwatchCore", "BorderwatchExtract", "BorderwatchRules", "BorderwatchStore",
            "BorderwatchInbox", "BorderwatchNotify", "BorderwatchConfig",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The executable: parse arguments, bootstrap logging, call the library.
        .executableTarget(name: "borderwatch", dependencies: [
            "BorderwatchCore", "BorderwatchExtract", "BorderwatchStore", "BorderwatchNotify",
            "BorderwatchDaemon", "BorderwatchConfig",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Helpers shared by tests: loopback webhook receiver, temporary directories, child processes.
        .target(name: "BorderwatchTestSupport", dependencies: ["BorderwatchCore"], path: "Tests/BorderwatchTestSupport"),
        .testTarget(name: "BorderwatchCoreTests", dependencies: ["BorderwatchCore"]),
        .testTarget(name: "BorderwatchExtractTests", dependencies: ["BorderwatchExtract", "BorderwatchCore", "BorderwatchTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "BorderwatchRulesTests", dependencies: ["BorderwatchRules", "BorderwatchCore"]),
        .testTarget(name: "BorderwatchStoreTests", dependencies: ["BorderwatchStore", "BorderwatchExtract", "BorderwatchTestSupport"]),
        .testTarget(name: "BorderwatchNotifyTests", dependencies: ["BorderwatchNotify", "BorderwatchStore", "BorderwatchTestSupport",
                                                               .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "BorderwatchInboxTests", dependencies: ["BorderwatchInbox", "BorderwatchTestSupport"]),
        .testTarget(name: "BorderwatchDaemonTests", dependencies: ["BorderwatchDaemon", "BorderwatchConfig", "BorderwatchStore", "BorderwatchTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
