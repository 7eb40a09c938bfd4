#if canImport(Glibc)
import Glibc
#endif
import BorderwatchCore
import BorderwatchInbox
import BorderwatchNotify
import BorderwatchStore
import Dispatch
import Foundation
import Logging

/// `borderwatch run`: the inbox watcher, the processing loop, the notifier and the systemd protocol, started
/// and stopped as one. Everything the executable does is here, so a test can start it too.
public struct Daemon {
    public var configuration: Configuration
    /// Rereads the configuration on SIGHUP; an error leaves the running configuration in force.
    public var reload: () throws -> Configuration
    public var logger: Logger
    public var environment: [String: String]

    public init(configuration: Configuration, reload: @escaping () throws -> Configuration, logger: Logger,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.reload = reload
        self.logger = logger
        self.environment = environment
    }

    /// Opens the database and inbox, rescans, sends `READY=1`, then processes files until SIGTERM
    /// (or SIGINT), when it finishes the article in hand, sends `STOPPING=1` and returns.
    public func run() async throws {
        let systemd = SystemdNotifier(environment: environment)
        let databaseFolder = URL(fileURLWithPath: configuration.database).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: databaseFolder, withIntermediateDirectories: true)
        let store: Store
        do {
            store = try Store(path: configuration.database)
        } catch where StorageFault.isCorruption(error) {
            throw CorruptDatabase(path: configuration.database, problems: ["\(error)"])
        }
        // a damaged file is refused at start, loudly, rather than failing every article later
        let problems = store.quickCheck()
        if !problems.isEmpty { throw CorruptDatabase(path: configuration.database, problems: problems) }
        let inbox = try InboxDirectory(path: configuration.inbox, processed: configuration.processedDirectory,
                                       failed: configuration.failedDirectory, maxArticleBytes: configuration.maxArticleBytes)
        let watcher = try InboxWatcher(directory: configuration.inbox)
        let loop = ProcessingLoop(configuration: configuration, inbox: inbox, watcher: watcher, store: store,
                                  systemd: systemd, logger: logger)
        let notifier = Notifier(databasePath: configuration.database, destinations: configuration.destinations,
                                delivery: configuration.delivery, logger: logger)
        loop.onAlerts = { notifier.wake() }
        logger.info("starting", metadata: [
            "inbox.path": "\(configuration.inbox)", "database.path": "\(configuration.database)",
            "webhook.destinations": "\(configuration.destinations.map(\.name).joined(separator: ","))",
        ])

        let signals = DispatchQueue(label: "borderwatch.signals")
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
            let logger = self.logger, reload = self.reload
            source.setEventHandler {
                if number == SIGHUP {
                    do {
                        let fresh = try reload()
                        loop.reload(fresh)
                        notifier.reload(destinations: fresh.destinations, delivery: fresh.delivery)
                        systemd.notify("RELOADING=0")
                    } catch {
                        logger.error("configuration refused; the running one stays in force", metadata: ["error": "\(error)"])
                    }
                } else {
                    systemd.notify("STOPPING=1")
                    logger.info("stopping", metadata: ["signal": "\(number == SIGTERM ? "SIGTERM" : "SIGINT")"])
                    loop.stop()
                }
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }

        // The notifier delivers while the loop runs and is cancelled once the loop has stopped;
        // a delivery cut short stays pending in the outbox for the next start.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await notifier.run() }
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                let thread = Thread {
                    do {
                        try loop.run()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
                thread.name = "borderwatch.inbox"
                thread.start()
            }
            group.cancelAll()
        }
    }
}

/// The database failed its start-up check. `borderwatch run` exits with `exitCode`, so that
/// `systemctl status` shows it, after a message saying what to do.
public struct CorruptDatabase: Error, CustomStringConvertible {
    public var path: String
    public var problems: [String]
    /// EX_DATAERR from sysexits.h: the input data (the database file) was incorrect.
    public static let exitCode: Int32 = 65

    public var description: String {
        "the database \(path) is damaged (PRAGMA quick_check: \(problems.prefix(3).joined(separator: "; "))). "
            + "Stop here and restore it from a backup, or recover what it holds with "
            + "`sqlite3 \(path) .recover | sqlite3 recovered.sqlite` and point `database` at the recovered file; "
            + "the inbox keeps the articles that arrive meanwhile"
    }
}
