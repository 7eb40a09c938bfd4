import BorderwatchCore
import BorderwatchTestSupport
import Foundation
import Logging
@testable import BorderwatchStore

/// A migrated database file in a temporary folder, with helpers to put alerts in the
/// outbox the way the ingest does (one pending row per destination) and read them back.
final class OutboxFixture: @unchecked Sendable {
    let directory: TemporaryDirectory
    let path: String
    let database: Database

    init() throws {
        directory = try TemporaryDirectory(prefix: "borderwatch-notify")
        path = directory.path + "/borderwatch.sqlite"
        database = try Database(path: path)
        try Schema.migrate(database)
    }

    deinit { directory.remove() }

    /// Inserts `alert` with pending deliveries to `destinations`, due now; returns its seq.
    @discardableResult
    func insert(_ alert: AlertEvent, destinations: [String]) throws -> Int64 {
        let now = Date().timeIntervalSince1970
        let payload = String(decoding: try JSONEncoder().encode(alert), as: UTF8.self)
        return try database.transaction {
            try database.run("INSERT INTO alerts (id, kind, payload, article_id, created_at) VALUES (?, ?, ?, NULL, ?)",
                             [.text(alert.id), .text(alert.kind.rawValue), .text(payload), .real(now)])
            let seq = database.lastInsertRowID
            for name in destinations {
                try database.run("""
                    INSERT INTO deliveries (alert_seq, destination, state, attempts, next_attempt_at, updated_at)
                    VALUES (?, ?, 'pending', 0, ?, ?)
                    """, [.integer(seq), .text(name), .real(now), .real(now)])
            }
            return seq
        }
    }

    var outbox: Outbox { Outbox(database: database) }

    /// Polls until `condition` holds on the outbox rows, or `timeout` passes; returns the rows.
    func waitFor(timeout: Double = 5, _ condition: ([OutboxDelivery]) -> Bool) async throws -> [OutboxDelivery] {
        let deadline = Date().addingTimeInterval(timeout)
        var rows = try outbox.list()
        while !condition(rows), Date() < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
            rows = try outbox.list()
        }
        return rows
    }
}

/// Keeps every log line (message and metadata rendered as text) for assertions.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var all: [String] { lock.withLock { lines } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    func logger() -> Logger {
        Logger(label: "test") { _ in Handler(recorder: self) }
    }

    struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}
