import BorderwatchCore
import BorderwatchInbox
import BorderwatchStore
import Foundation
import Logging

/// The daemon's one processing thread: waits on inotify, claims each file, processes it,
/// moves it on, and sends the watchdog keep-alive from the loop itself so a stuck loop is
/// noticed. Sleeps in `poll` when idle; wakes only for files, signals and the watchdog.
final class ProcessingLoop: @unchecked Sendable {
    // @unchecked: `stop()`, `reload(_:)` and `summary` are called from other threads and go
    // through `lock`; everything else is touched by the loop thread alone.
    private let inbox: InboxDirectory
    private let watcher: InboxWatcher
    private let processor: ArticleProcessor
    private let systemd: SystemdNotifier
    private let logger: Logger
    private let lock = NSLock()
    private var stopRequested = false
    private var pendingConfiguration: Configuration?
    private var configuration: Configuration

    private var queue: [String] = []
    private var head = 0
    private var queued: Set<String> = []
    private var unsyncedMoves = false
    private var lastWatchdog = Date.distantPast
    private(set) var counts = (stored: 0, duplicates: 0, failed: 0, alerts: 0)
    /// The figures of the metrics file beyond `counts`.
    private var metrics = (facts: 0, held: 0, lastArticle: 0.0, written: Date.distantPast, failing: false)
    /// Set while storage fails: the inbox is held (files stay where they are) and retried after `retryAt`.
    private var hold: StorageHold?

    /// The inbox waiting for storage to work again.
    struct StorageHold {
        var reason: String
        var since: Date
        /// The next wait, doubled after each failed retry up to `StorageHold.maxDelay`.
        var delay: TimeInterval
        var retryAt: Date
        static let firstDelay: TimeInterval = 1
        static let maxDelay: TimeInterval = 60

        /// The waits after each failed retry: 1, 2, 4 ... seconds, capped (exponential backoff).
        static func next(after delay: TimeInterval) -> TimeInterval { min(maxDelay, delay * 2) }
    }

    init(configuration: Configuration, inbox: InboxDirectory, watcher: InboxWatcher, store: Store,
         systemd: SystemdNotifier, logger: Logger) {
        self.configuration = configuration
        self.inbox = inbox
        self.watcher = watcher
        self.processor = ArticleProcessor(store: store)
        self.systemd = systemd
        self.logger = logger
    }

    /// Asks the loop to finish the article in hand and return.
    func stop() {
        lock.withLock { stopRequested = true }
        watcher.wake()
    }

    /// Hands a new configuration (rules, destinations) to the loop; it applies it between articles.
    func reload(_ configuration: Configuration) {
        lock.withLock { pendingConfiguration = configuration }
        watcher.wake()
    }

    /// Runs until ``stop()``: start-up rescan, `READY=1`, then events.
    func run() throws {
        try enqueueScan()
        systemd.notify("READY=1\nSTATUS=\(status)")
        logger.info("watching the inbox", metadata: ["inbox.path": "\(inbox.path)", "inbox.queued": "\(queue.count - head)"])
        while true {
            let (stopping, update) = lock.withLock { (stopRequested, pendingConfiguration) }
            if stopping { break }
            if let update {
                lock.withLock { pendingConfiguration = nil }
                configuration.rules = update.rules
                configuration.destinations = update.destinations
                configuration.delivery = update.delivery
                logger.info("configuration reloaded", metadata: ["config.destinations": "\(update.destinations.count)"])
            }
            let events: [InboxEvent]
            if let held = hold, head < queue.count, Date() < held.retryAt {
                // held: keep taking events and feeding the watchdog, take no article until the retry
                let wait = min(held.retryAt.timeIntervalSinceNow, systemd.watchdogInterval ?? 60)
                try handle(try watcher.wait(timeout: max(0.01, wait)))
                keepAlive()
                writeMetrics()
                continue
            }
            if head < queue.count {
                events = try watcher.events()
            } else {
                if unsyncedMoves {
                    do {
                        try inbox.syncMoves()
                        unsyncedMoves = false
                    } catch where StorageFault.reason(error) != nil {
                        // a full or failing disk: the moves are retried with the next article
                        logger.error("could not sync the inbox's moves; retrying later", metadata: ["error": "\(error)"])
                    }
                    systemd.notify("STATUS=\(status)")
                }
                // the queue has drained: the file shows the figures of the last batch before the wait
                writeMetrics(now: true)
                events = try watcher.wait(timeout: systemd.watchdogInterval)
            }
            try handle(events)
            keepAlive()
            writeMetrics()
            if head < queue.count {
                // A lone file is committed alone; a backlog shares one commit per batch.
                let batch = Array(queue[head..<min(queue.count, head + Self.batchSize)])
                head += batch.count
                batch.forEach { queued.remove($0) }
                if head > 4096 && head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
                process(batch)
            }
        }
        if unsyncedMoves { try inbox.syncMoves() }
        logger.info("stopped", metadata: ["inbox.left": "\(queue.count - head)"])
    }

    /// One line for `STATUS=`.
    var status: String {
        if let hold { return "held: \(hold.reason), \(queue.count - head) waiting" }
        return "\(counts.stored) stored, \(counts.duplicates) duplicates, \(counts.failed) failed, \(counts.alerts) alerts, \(queue.count - head) queued"
    }

    private func handle(_ events: [InboxEvent]) throws {
        for event in events {
            switch event {
            case .arrived(let name):
                enqueue(name)
            case .created(let name):
                if inbox.isSpecial(name) { enqueue(name) }
            case .overflow:
                logger.warning("inotify queue overflowed; rescanning the inbox")
                try enqueueScan()
            }
        }
    }

    private func enqueue(_ name: String) {
        if queued.insert(name).inserted { queue.append(name) }
    }

    private func enqueueScan() throws {
        for name in try inbox.scan() { enqueue(name) }
    }

    private func keepAlive() {
        guard let interval = systemd.watchdogInterval else { return }
        let now = Date()
        if now.timeIntervalSince(lastWatchdog) >= interval * 0.9 {
            systemd.notify("WATCHDOG=1")
            lastWatchdog = now
        }
    }

    /// Files claimed and committed together when a backlog is waiting.
    static let batchSize = 64
    /// Article bytes held in memory before a batch is committed early.
    static let batchBytes = 8 << 20

    /// Claims `names`, refuses what cannot be an article, stores the rest with as few durable
    /// commits as the byte budget allows, then moves each file on.
    private func process(_ names: [String]) {
        var claimed: [ClaimedFile] = []
        var bytes = 0
        for name in names {
            switch inbox.claim(name) {
            case .nothing:
                continue
            case .rejected(_, let rejection):
                counts.failed += 1
                moveToFailed(name, reason: rejection.reason, log: log(name), level: .warning)
            case .article(let file):
                claimed.append(file)
                bytes += file.bytes.count
                if bytes >= Self.batchBytes {
                    store(claimed)
                    claimed.removeAll()
                    bytes = 0
                }
            }
        }
        store(claimed)
    }

    private func log(_ name: String) -> Logger {
        var log = logger
        log[metadataKey: "article.file"] = "\(name)"
        return log
    }

    private func store(_ files: [ClaimedFile]) {
        guard !files.isEmpty else { return }
        let results: [Result<IngestOutcome, Error>]
        do {
            results = try processor.process(files, rules: configuration.rules,
                                            destinations: configuration.destinations.map(\.name))
        } catch {
            results = files.map { _ in .failure(error) }
        }
        var waiting: [String] = []
        var fault: (reason: String, corrupt: Bool)?
        for (file, result) in zip(files, results) {
            let log = log(file.name)
            switch result {
            case .failure(let error):
                if let reason = StorageFault.reason(error) {
                    // the place failed, not the article: it stays in the inbox, in its turn
                    waiting.append(file.name)
                    fault = fault ?? (reason, StorageFault.isCorruption(error))
                    continue
                }
                counts.failed += 1
                moveToFailed(file.name, reason: "could not be stored: \(error)", log: log, level: .error)
            case .success(let outcome):
                finish(file.name, outcome, log: log)
            }
        }
        if let fault {
            holdInbox(requeueing: waiting, reason: fault.reason, corrupt: fault.corrupt)
        } else if let held = hold {
            hold = nil
            logger.notice("storage works again; resuming the inbox", metadata: [
                "hold.reason": "\(held.reason)", "hold.seconds": "\(Int(Date().timeIntervalSince(held.since)))",
                "inbox.queued": "\(queue.count - head)",
            ])
            systemd.notify("STATUS=\(status)")
        }
    }

    /// Puts `names` back at the front of the queue, in order, and holds the inbox: one log line when
    /// the hold starts (critical for a corrupt database), none per article, `STATUS=` says so.
    private func holdInbox(requeueing names: [String], reason: String, corrupt: Bool) {
        let fresh = names.filter { !queued.contains($0) }
        queue.insert(contentsOf: fresh, at: head)
        fresh.forEach { queued.insert($0) }
        let now = Date()
        if var held = hold {
            held.delay = StorageHold.next(after: held.delay)
            held.retryAt = now.addingTimeInterval(held.delay)
            hold = held
            return
        }
        hold = StorageHold(reason: reason, since: now, delay: StorageHold.firstDelay, retryAt: now.addingTimeInterval(StorageHold.firstDelay))
        logger.log(level: corrupt ? .critical : .error, "storage failed; holding the inbox until it works again", metadata: [
            "hold.reason": "\(reason)", "inbox.waiting": "\(queue.count - head)",
        ])
        systemd.notify("STATUS=\(status)")
    }

    /// After the commit: the file moves to processed/ and the outcome is logged.
    private func finish(_ name: String, _ outcome: IngestOutcome, log: Logger) {
        do {
            let movedAs = try inbox.moveToProcessed(name)
            unsyncedMoves = true
            switch outcome {
            case .stored(let id, let facts, let observations, let alerts, let held):
                counts.stored += 1
                counts.alerts += alerts.count
                metrics.facts += facts
                metrics.held += held.count
                metrics.lastArticle = Date().timeIntervalSince1970
                log.info("article stored", metadata: [
                    "article.id": "\(id)", "article.facts": "\(facts)", "article.observations": "\(observations)",
                    "article.alerts": "\(alerts.count)", "article.processed": "\(movedAs)",
                ])
                for alert in alerts {
                    log.notice("alert raised", metadata: ["alert.id": "\(alert.id)", "alert.kind": "\(alert.kind.rawValue)", "alert.text": "\(alert.text)"])
                }
                for alert in held {
                    log.notice("alert held, not posted", metadata: ["alert.id": "\(alert.id)", "alert.kind": "\(alert.kind.rawValue)",
                                                                     "alert.text": "\(alert.text)", "alert.held": "\(alert.held ?? "")"])
                }
                if !alerts.isEmpty { onAlerts?() }
            case .duplicate(let id):
                counts.duplicates += 1
                log.info("article already stored; not counted again", metadata: ["article.id": "\(id)", "article.processed": "\(movedAs)"])
            }
        } catch {
            log.error("stored, but could not move to processed/; it will be recognised as a duplicate next time", metadata: ["error": "\(error)"])
        }
    }

    /// Writes the metrics file (when configured), at most once a second.
    private func writeMetrics(now: Bool = false) {
        guard !configuration.metricsFile.isEmpty, now || Date().timeIntervalSince(metrics.written) >= 1 else { return }
        metrics.written = Date()
        var snapshot = MetricsSnapshot(articlesStored: counts.stored, articlesDuplicate: counts.duplicates, articlesFailed: counts.failed,
                                       facts: metrics.facts, alertsRaised: counts.alerts, alertsHeld: metrics.held,
                                       queued: queue.count - head, held: hold != nil, lastArticle: metrics.lastArticle)
        do {
            if let figures = try? processor.store.deliveryFigures() {
                (snapshot.deliveries, snapshot.deliveryLatencyMean, snapshot.deliveryLatencyMax) = figures
            }
            try MetricsFileWriter(path: configuration.metricsFile).write(snapshot)
            metrics.failing = false
        } catch {
            // one line per run of failures, not one per batch
            if !metrics.failing { logger.error("could not write the metrics file", metadata: ["metrics.path": "\(configuration.metricsFile)", "error": "\(error)"]) }
            metrics.failing = true
        }
    }

    /// Called on the loop thread after an article raised alerts (wakes the notifier).
    var onAlerts: (() -> Void)?

    private func moveToFailed(_ name: String, reason: String, log: Logger, level: Logger.Level) {
        do {
            let movedAs = try inbox.moveToFailed(name, reason: reason)
            log.log(level: level, "refused: \(reason)", metadata: ["article.failed": "\(movedAs)"])
        } catch {
            log.error("refused (\(reason)) but could not move to failed/", metadata: ["error": "\(error)"])
        }
    }
}
