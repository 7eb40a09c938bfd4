import Foundation

/// One delivery of one alert to one destination, as the notifier attempts it.
public struct OutboxDelivery: Hashable, Sendable {
    public var alertSeq: Int64
    public var alertID: String
    public var destination: String
    /// The alert JSON exactly as stored (SCHEMA.md alert).
    public var payload: String
    /// Attempts made so far.
    public var attempts: Int
    public var nextAttemptAt: Date
}

/// A destination switched off after it answered 410 Gone.
public struct DisabledDestination: Hashable, Sendable {
    public var name: String
    public var disabledAt: Date
    public var reason: String
}

/// One alert of the outbox with the state of each of its deliveries (`borderwatch alerts`).
public struct OutboxAlert: Sendable {
    public var seq: Int64
    public var id: String
    public var kind: String
    public var payload: String
    public var createdAt: Date
    /// Why the alert is held (not posted), `nil` for an alert that is posted.
    public var held: String?
    public var deliveries: [Delivery]

    public struct Delivery: Hashable, Sendable {
        public var destination: String
        /// `pending`, `delivered` or `failed`.
        public var state: String
        public var attempts: Int
        public var nextAttemptAt: Date
        public var lastStatus: Int?
        public var lastError: String?
    }
}

/// The alert outbox queries: the notifier's reads and state changes, and the `alerts` command's.
///
/// Order per destination: `head(destination:)` is that destination's oldest *pending* row,
/// due or not, so a later alert never overtakes an earlier one that is waiting for a retry.
/// Failed rows no longer block their destination. Every state change is one statement.
/// Times are unix seconds (REAL), as in the rest of the schema.
public struct Outbox: Sendable {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Which deliveries `list` shows.
    public enum Filter: Sendable {
        case all
        /// Alerts with at least one pending delivery.
        case pending
        /// Alerts with at least one failed delivery.
        case failed
        /// Alerts held by a plausibility rule: stored, never posted.
        case held
    }

    // MARK: The notifier

    /// The oldest pending delivery of `destination` (due or not), or nil when it has none.
    public func head(destination: String) throws -> OutboxDelivery? {
        try database.first("""
            SELECT d.alert_seq, a.id, a.payload, d.attempts, d.next_attempt_at
            FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq
            WHERE d.destination = ? AND d.state = 'pending'
            ORDER BY d.alert_seq LIMIT 1
            """, [.text(destination)]) { row in
            OutboxDelivery(alertSeq: row.int64(0), alertID: row.string(1), destination: destination, payload: row.string(2),
                           attempts: row.int(3), nextAttemptAt: Date(timeIntervalSince1970: row.double(4)))
        }
    }

    /// Whether `destination` is disabled, and since when and why.
    public func disabled(_ destination: String) throws -> DisabledDestination? {
        try database.first("SELECT disabled_at, reason FROM destination_state WHERE name = ? AND disabled_at IS NOT NULL",
                           [.text(destination)]) { row in
            DisabledDestination(name: destination, disabledAt: Date(timeIntervalSince1970: row.double(0)),
                                reason: row.optionalString(1) ?? "")
        }
    }

    /// Every disabled destination.
    public func disabledDestinations() throws -> [DisabledDestination] {
        try database.rows("SELECT name, disabled_at, reason FROM destination_state WHERE disabled_at IS NOT NULL ORDER BY name") { row in
            DisabledDestination(name: row.string(0), disabledAt: Date(timeIntervalSince1970: row.double(1)),
                                reason: row.optionalString(2) ?? "")
        }
    }

    /// A 2xx: the delivery is done.
    public func markDelivered(alertSeq: Int64, destination: String, status: Int, at now: Date) throws {
        try database.run("""
            UPDATE deliveries SET state = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL, updated_at = ?
            WHERE alert_seq = ? AND destination = ? AND state = 'pending'
            """, [.integer(Int64(status)), .real(now.timeIntervalSince1970), .integer(alertSeq), .text(destination)])
    }

    /// A temporary failure: counted, and tried again at `at`.
    public func scheduleRetry(alertSeq: Int64, destination: String, at: Date, status: Int?, error: String, now: Date) throws {
        try database.run("""
            UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?, updated_at = ?
            WHERE alert_seq = ? AND destination = ? AND state = 'pending'
            """, [.real(at.timeIntervalSince1970), SQLValue(status), .text(error), .real(now.timeIntervalSince1970),
                  .integer(alertSeq), .text(destination)])
    }

    /// A permanent failure (a 4xx, an unusable URL): kept as `failed` with the reason, which
    /// carries the reply body; `requeue` makes it pending again.
    public func markFailed(alertSeq: Int64, destination: String, status: Int?, error: String, now: Date) throws {
        try database.run("""
            UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_status = ?, last_error = ?, updated_at = ?
            WHERE alert_seq = ? AND destination = ? AND state = 'pending'
            """, [SQLValue(status), .text(error), .real(now.timeIntervalSince1970), .integer(alertSeq), .text(destination)])
    }

    /// A 410 Gone: the destination is disabled; the attempted row is counted and stays
    /// pending, like every other pending row of that destination, until an operator requeues.
    public func disable(destination: String, alertSeq: Int64, status: Int, reason: String, now: Date) throws {
        let time = now.timeIntervalSince1970
        try database.transaction {
            try database.run("""
                UPDATE deliveries SET attempts = attempts + 1, last_status = ?, last_error = ?, updated_at = ?
                WHERE alert_seq = ? AND destination = ? AND state = 'pending'
                """, [.integer(Int64(status)), .text(reason), .real(time), .integer(alertSeq), .text(destination)])
            try database.run("""
                INSERT INTO destination_state (name, disabled_at, reason) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET disabled_at = excluded.disabled_at, reason = excluded.reason
                """, [.text(destination), .real(time), .text(reason)])
        }
    }

    // MARK: The alerts command

    /// The outbox, oldest alert first, with every delivery of each alert.
    public func list(_ filter: Filter = .all) throws -> [OutboxAlert] {
        let condition: String
        switch filter {
        case .all: condition = ""
        case .pending: condition = "WHERE EXISTS (SELECT 1 FROM deliveries p WHERE p.alert_seq = a.seq AND p.state = 'pending')"
        case .failed: condition = "WHERE EXISTS (SELECT 1 FROM deliveries p WHERE p.alert_seq = a.seq AND p.state = 'failed')"
        case .held: condition = "WHERE a.held IS NOT NULL"
        }
        var alerts: [OutboxAlert] = []
        var index: [Int64: Int] = [:]
        try database.forEach("SELECT seq, id, kind, payload, created_at, held FROM alerts a \(condition) ORDER BY seq") { row in
            index[row.int64(0)] = alerts.count
            alerts.append(OutboxAlert(seq: row.int64(0), id: row.string(1), kind: row.string(2), payload: row.string(3),
                                      createdAt: Date(timeIntervalSince1970: row.double(4)), held: row.optionalString(5),
                                      deliveries: []))
        }
        guard !alerts.isEmpty else { return [] }
        try database.forEach("""
            SELECT alert_seq, destination, state, attempts, next_attempt_at, last_status, last_error
            FROM deliveries WHERE alert_seq >= ? ORDER BY alert_seq, destination
            """, [.integer(alerts[0].seq)]) { row in
            guard let position = index[row.int64(0)] else { return }
            alerts[position].deliveries.append(.init(
                destination: row.string(1), state: row.string(2), attempts: row.int(3),
                nextAttemptAt: Date(timeIntervalSince1970: row.double(4)), lastStatus: row.optionalInt(5),
                lastError: row.optionalString(6)))
        }
        return alerts
    }

    /// What `requeue` changed.
    public struct Requeued: Hashable, Sendable {
        /// Deliveries made pending and due now.
        public var deliveries: Int
        /// Destinations re-enabled (they had answered 410).
        public var enabledDestinations: [String]
    }

    /// `alerts retry ID`: every delivery of the alert that is not delivered becomes pending,
    /// due now, with its attempts reset (so the backoff starts small again); destinations it
    /// has a delivery to that were disabled by a 410 are enabled again, since the operator
    /// asking for a retry is the signal that the receiver is back.
    /// - Returns: nil when no alert has this id.
    public func requeue(alertID: String, now: Date) throws -> Requeued? {
        try database.transaction {
            guard let seq = try database.scalarInt("SELECT seq FROM alerts WHERE id = ?", [.text(alertID)]) else { return nil }
            let destinations = try database.rows(
                "SELECT destination FROM deliveries WHERE alert_seq = ? AND state != 'delivered' ORDER BY destination",
                [.integer(seq)]) { $0.string(0) }
            try database.run("""
                UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE alert_seq = ? AND state != 'delivered'
                """, [.real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970), .integer(seq)])
            let count = database.changes
            var enabled: [String] = []
            for name in destinations {
                try database.run("DELETE FROM destination_state WHERE name = ?", [.text(name)])
                if database.changes > 0 { enabled.append(name) }
            }
            return Requeued(deliveries: count, enabledDestinations: enabled)
        }
    }
}
