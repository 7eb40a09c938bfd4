import BorderwatchCore
import BorderwatchStore
import Foundation
import Logging
import ServiceLifecycle

/// Drains the outbox: one worker per destination, each with its own libcurl handle on its
/// own thread, all sharing one SQLite connection of their own (separate from the ingest's).
///
/// - Order: a worker only ever attempts its destination's oldest pending delivery.
/// - At least once: a row is marked delivered only after a 2xx; stopping abandons the
///   request in flight and leaves its row pending for the next start.
/// - Latency: `wake()` rings every worker at once; without it a worker still rechecks
///   the outbox every `idleRecheck` seconds (rows written by another process: the
///   `ingest` and `alerts retry` commands).
/// - Secrets: URLs are logged as `redacted(url:)`, and libcurl's error text and reply
///   bodies are scrubbed of the URL's path, query and the signing secret.
public final class Notifier: Service, @unchecked Sendable {
    private let databasePath: String
    private let logger: Logger
    /// Seconds between looks at the outbox when nothing rings.
    let idleRecheck: Double
    // Guarded by `lock`: configuration and the doorbells of the workers.
    private let lock = NSLock()
    private var destinations: [String: Destination]
    private var delivery: DeliveryConfiguration
    private var bells: [String: Doorbell] = [:]
    private let supervisor = Doorbell()

    public init(databasePath: String, destinations: [Destination], delivery: DeliveryConfiguration, logger: Logger) {
        self.databasePath = databasePath
        self.logger = logger
        self.idleRecheck = 10
        self.destinations = Dictionary(destinations.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        self.delivery = delivery
    }

    init(databasePath: String, destinations: [Destination], delivery: DeliveryConfiguration, logger: Logger, idleRecheck: Double) {
        self.databasePath = databasePath
        self.logger = logger
        self.idleRecheck = idleRecheck
        self.destinations = Dictionary(destinations.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        self.delivery = delivery
    }

    /// Delivers until cancelled (or, under a `ServiceGroup`, until graceful shutdown).
    public func run() async throws {
        let outbox = OutboxConnection(try Database(path: databasePath))
        for destination in lock.withLock({ Array(destinations.values) }) {
            validate(destination)
        }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                var started: Set<String> = []
                while !Task.isCancelled {
                    for name in self.lock.withLock({ Array(self.destinations.keys) }) where !started.contains(name) {
                        started.insert(name)
                        let bell = self.bell(for: name)
                        group.addTask { await self.work(name, bell: bell, outbox: outbox) }
                    }
                    await self.supervisor.wait(seconds: 86_400)
                }
                group.cancelAll()
            }
        }
    }

    /// An ingest just committed alerts: every worker looks at the outbox now.
    public func wake() {
        for bell in lock.withLock({ Array(bells.values) }) { bell.ring() }
    }

    /// Replaces the destinations and delivery settings (SIGHUP). Workers of removed
    /// destinations go idle; their pending rows stay in the outbox.
    public func reload(destinations: [Destination], delivery: DeliveryConfiguration) {
        lock.withLock {
            self.destinations = Dictionary(destinations.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
            self.delivery = delivery
        }
        destinations.forEach(validate)
        logger.info("notifier reloaded", metadata: ["webhook.count": "\(destinations.count)"])
        supervisor.ring()
        wake()
    }

    private func bell(for name: String) -> Doorbell {
        lock.withLock {
            if let bell = bells[name] { return bell }
            let bell = Doorbell()
            bells[name] = bell
            return bell
        }
    }

    private func configuration(of name: String) -> (Destination, DeliveryConfiguration)? {
        lock.withLock { destinations[name].map { ($0, delivery) } }
    }

    private func validate(_ destination: Destination) {
        guard destination.format == .generic, let secret = destination.secret, !secret.isEmpty else { return }
        if (try? StandardWebhooks.key(secret: secret)) == nil {
            logger.error("\(SigningSecretError(destination: destination.name))", metadata: ["webhook.name": "\(destination.name)"])
        }
    }

    /// One destination's loop: attempt its head when due, record what happened, sleep.
    private func work(_ name: String, bell: Doorbell, outbox: OutboxConnection) async {
        let transport = CurlTransport(label: "borderwatch.notify.\(name)")
        var logger = self.logger
        logger[metadataKey: "webhook.name"] = "\(name)"
        while !Task.isCancelled {
            guard let (destination, delivery) = configuration(of: name) else {
                await bell.wait(seconds: 86_400)
                continue
            }
            logger[metadataKey: "webhook.url"] = "\(redacted(url: destination.url))"
            do {
                if try await outbox.disabled(name) != nil {
                    await bell.wait(seconds: idleRecheck)
                    continue
                }
                guard let head = try await outbox.head(name) else {
                    await bell.wait(seconds: idleRecheck)
                    continue
                }
                let wait = head.nextAttemptAt.timeIntervalSinceNow
                if wait > 0 {
                    await bell.wait(seconds: min(wait, idleRecheck))
                    continue
                }
                try await attempt(head, destination: destination, delivery: delivery, transport: transport, outbox: outbox, logger: logger)
            } catch {
                logger.error("outbox error; retrying in 1 s", metadata: ["error": "\(error)"])
                await bell.wait(seconds: 1)
            }
        }
    }

    private func attempt(_ head: OutboxDelivery, destination: Destination, delivery: DeliveryConfiguration,
                         transport: CurlTransport, outbox: OutboxConnection, logger: Logger) async throws {
        var logger = logger
        logger[metadataKey: "alert.id"] = "\(head.alertID)"
        logger[metadataKey: "attempt"] = "\(head.attempts + 1)"
        let policy = RetryPolicy(delivery)
        let alert: AlertEvent
        do {
            alert = try JSONDecoder().decode(AlertEvent.self, from: Data(head.payload.utf8))
        } catch {
            let reason = "the stored alert JSON cannot be read: \(error)"
            logger.error("alert failed", metadata: ["reason": "\(reason)"])
            try await outbox.markFailed(head, status: nil, error: reason)
            return
        }
        let request: WebhookRequest
        do {
            request = try WebhookRequest.render(alert, payload: head.payload, for: destination)
        } catch {
            // A configuration mistake (the signing secret): keep the alert until it is fixed.
            let reason = String(describing: error)
            let after = policy.backoff(attempt: head.attempts + 1, jitter: Double.random(in: 0..<1))
            logger.error("alert not sent; fix the configuration and reload", metadata: ["reason": "\(reason)"])
            try await outbox.scheduleRetry(head, after: after, status: nil, error: reason)
            return
        }
        let started = Date()
        let result = await transport.post(request, delivery: delivery, secrets: destination.secretParts)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        let status: Int? = if case .response(let status, _, _) = result { status } else { nil }
        if let status { logger[metadataKey: "http.status"] = "\(status)" }
        switch policy.decide(result, attempt: head.attempts + 1, jitter: Double.random(in: 0..<1)) {
        case .delivered:
            try await outbox.markDelivered(head, status: status ?? 200)
            logger.info("alert delivered", metadata: ["duration_ms": "\(milliseconds)"])
        case .retry(let after, let reason):
            try await outbox.scheduleRetry(head, after: after, status: status, error: reason)
            logger.warning("alert delivery will be retried", metadata: ["reason": "\(reason)", "retry_in_s": "\(String(format: "%.1f", after))"])
        case .fail(let reason):
            try await outbox.markFailed(head, status: status, error: reason)
            logger.error("alert delivery failed for good; `borderwatch alerts retry \(head.alertID)` requeues it",
                         metadata: ["reason": "\(reason)"])
        case .disable(let reason):
            try await outbox.disable(head, status: status ?? 410, reason: reason)
            logger.error("destination disabled: it answered 410 Gone; its alerts stay pending until `borderwatch alerts retry ID`",
                         metadata: ["reason": "\(reason)"])
        case .abandon:
            logger.debug("request abandoned on shutdown; the alert stays pending")
        }
    }
}

/// The notifier's own SQLite connection, on its own serial queue: a statement may wait up to
/// the busy timeout for an ingest's write lock, and that wait must not hold a thread of the
/// Swift concurrency pool.
final class OutboxConnection: @unchecked Sendable {
    // Only touched on `queue`.
    private let outbox: Outbox
    private let queue = DispatchQueue(label: "borderwatch.notify.outbox")

    init(_ database: Database) {
        outbox = Outbox(database: database)
    }

    private func on<T>(_ body: @escaping (Outbox) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [outbox] in continuation.resume(with: Result { try body(outbox) }) }
        }
    }

    func head(_ destination: String) async throws -> OutboxDelivery? { try await on { try $0.head(destination: destination) } }
    func disabled(_ destination: String) async throws -> DisabledDestination? { try await on { try $0.disabled(destination) } }

    func markDelivered(_ row: OutboxDelivery, status: Int) async throws {
        try await on { try $0.markDelivered(alertSeq: row.alertSeq, destination: row.destination, status: status, at: Date()) }
    }

    func scheduleRetry(_ row: OutboxDelivery, after seconds: Double, status: Int?, error: String) async throws {
        try await on { outbox in
            let now = Date()
            try outbox.scheduleRetry(alertSeq: row.alertSeq, destination: row.destination, at: now.addingTimeInterval(seconds),
                                     status: status, error: error, now: now)
        }
    }

    func markFailed(_ row: OutboxDelivery, status: Int?, error: String) async throws {
        try await on { try $0.markFailed(alertSeq: row.alertSeq, destination: row.destination, status: status, error: error, now: Date()) }
    }

    func disable(_ row: OutboxDelivery, status: Int, reason: String) async throws {
        try await on { try $0.disable(destination: row.destination, alertSeq: row.alertSeq, status: status, reason: reason, now: Date()) }
    }
}
