import ArgumentParser
import BorderwatchConfig
import BorderwatchCore
import BorderwatchDaemon
import BorderwatchNotify
import Foundation
import Logging

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Watch the inbox, store every article's figures and post alerts (foreground, systemd style).",
        discussion: "SIGTERM finishes the article in hand and exits 0; SIGHUP rereads the configuration's rules and destinations.")

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The directory to watch (default: the configuration's `inbox`).", valueName: "DIR"))
    var inbox: String?

    @Option(help: ArgumentHelp("A webhook destination, `URL` (generic) or `FORMAT=URL`; repeatable, added to the configuration's.", valueName: "URL"))
    var webhook: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let journal = environment["JOURNAL_STREAM"] != nil
        LoggingSystem.bootstrap { JournalLogHandler(label: $0, journal: journal) }
        let logger = Logger(label: "borderwatch")
        let flagged = try webhook.map { value in
            do {
                return try Destination.parse(commandLine: value)
            } catch {
                throw ValidationError("--webhook: \(error)")
            }
        }
        for destination in flagged {
            logger.info("webhook from the command line", metadata: ["webhook.name": "\(destination.name)", "webhook.url": "\(redacted(url: destination.url))"])
        }
        let load = { [store, inbox] () throws -> Configuration in
            var configuration = try store.configuration()
            if let inbox { configuration.inbox = inbox }
            configuration.destinations += flagged
            return configuration
        }
        let configuration: Configuration
        do {
            configuration = try load()
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
        do {
            try await Daemon(configuration: configuration, reload: load, logger: logger, environment: environment).run()
        } catch let error as CorruptDatabase {
            logger.critical("refusing to start: \(error)")
            throw ExitCode(CorruptDatabase.exitCode)
        }
    }
}
