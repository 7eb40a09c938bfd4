import Foundation

/// Where one alert stands with one destination.
public enum DeliveryState: String, Sendable, CaseIterable {
    case pending, delivered, failed
}

/// One row of `deliveries` with its alert.
public struct OutboxDelivery: Sendable, Equatable {
    public var alertSeq: Int64
    public var alertID: String
    public var kind: String
    /// The alert JSON (Core `AlertEvent`), as the ingest stored it.
    public var payload: String
    public var destination: String
    public var state: DeliveryState
    /// Attempts recorded so far.
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastStatus: Int?
    public var lastError: String?
    public var updatedAt: Date
    public var createdAt: Date
}

/// A destination the notifier stopped sending to (HTTP 410), and why.
public struct DisabledDestination: Sendable, Equatable {
    public var name: String
    public var disabledAt: Date
    public var reason: String
}

/// The outbox queries: which delivery is next per destination, what each attempt did,
/// listing and requeueing. The rows themselves are written by the ingest, in the same
/// transaction as the facts that raised them.
///
/// Order per destination is by `alerts.seq`: only the oldest pending row of a destination
/// (its head) is ever attempted, so alert N+1 never overtakes alert N waiting for a retry.
public struct Outbox {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    private static let columns = """
        d.alert_seq, a.id, a.kind, a.payload, d.destination, d.state, d.attempts, d.next_attempt_at,
        d.last_status, d.last_error, d.updated_at, a.created_at
        """

    private static func delivery(_ row: Row) -> OutboxDelivery {
        OutboxDelivery(alertSeq: row.int64(0), alertID: row.string(1), kind: row.string(2), payload: row.string(3),
                       destination: row.string(4), state: DeliveryState(rawValue: row.string(5)) ?? .pending,
                       attempts: row.int(6), nextAttemptAt: Date(timeIntervalSince1970: row.double(7)),
                       lastStatus: row.optionalInt(8), lastError: row.optionalString(9),
                       updatedAt: Date(timeIntervalSince1970: row.double(10)), createdAt: Date(timeIntervalSince1970: row.double(11)))
    }

    /// The oldest pending delivery of `destination`, due or not.
    public func head(destination: String) throws -> OutboxDelivery? {
        try database.first("""
            SELECT \(Outbox.columns) FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq
            WHERE d.state = 'pending' AND d.destination = ? ORDER BY d.alert_seq LIMIT 1
            """, [.text(destination)], Outbox.delivery)
    }

    /// Records an attempt that delivered.
    public func markDelivered(alertSeq: Int64, destination: String, status: Int, at now: Date) throws {
        try record(alertSeq, destination, state: .delivered, next: now, status: status, error: nil, now: now)
    }

    /// Records an attempt to be retried at `next`.
    public func scheduleRetry(alertSeq: Int64, destination: String, at next: Date, status: Int?, error: String, now: Date) throws {
        try record(alertSeq, destination, state: .pending, next: next, status: status, error: error, now: now)
    }

    /// Records an attempt that failed for good.
    public func markFailed(alertSeq: Int64, destination: String, status: Int?, error: String, now: Date) throws {
        try record(alertSeq, destination, state: .failed, next: now, status: status, error: error, now: now)
    }

    private func record(_ seq: Int64, _ destination: String, state: DeliveryState, next: Date, status: Int?, error: String?,
                        now: Date) throws {
        try database.run("""
            UPDATE deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?,
              updated_at = ? WHERE alert_seq = ? AND destination = ?
            """, [.text(state.rawValue), .real(next.timeIntervalSince1970), SQLValue(status), SQLValue(error),
                  .real(now.timeIntervalSince1970), .integer(seq), .text(destination)])
    }

    /// Stops deliveries to `destination` (HTTP 410) and records the attempt that said so;
    /// its rows stay pending until an operator requeues.
    public func disable(destination: String, alertSeq: Int64, status: Int, reason: String, now: Date) throws {
        try database.transaction {
            try record(alertSeq, destination, state: .pending, next: now, status: status, error: reason, now: now)
            try database.run("INSERT OR REPLACE INTO destination_state (name, disabled_at, reason) VALUES (?, ?, ?)",
                             [.text(destination), .real(now.timeIntervalSince1970), .text(reason)])
        }
    }

    /// The disabled destination called `name`, if it is.
    public func disabled(_ name: String) throws -> DisabledDestination? {
        try database.first("SELECT name, disabled_at, reason FROM destination_state WHERE name = ? AND disabled_at IS NOT NULL",
                            [.text(name)]) {
            DisabledDestination(name: $0.string(0), disabledAt: Date(timeIntervalSince1970: $0.double(1)), reason: $0.optionalString(2) ?? "")
        }
    }

    /// Every disabled destination.
    public func disabledDestinations() throws -> [DisabledDestination] {
        try database.rows("SELECT name, disabled_at, reason FROM destination_state WHERE disabled_at IS NOT NULL ORDER BY name") {
            DisabledDestination(name: $0.string(0), disabledAt: Date(timeIntervalSince1970: $0.double(1)), reason: $0.optionalString(2) ?? "")
        }
    }

    /// Deliveries in `state` (all when nil), oldest alert first.
    public func list(state: DeliveryState? = nil) throws -> [OutboxDelivery] {
        if let state {
            return try database.rows("""
                SELECT \(Outbox.columns) FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq
                WHERE d.state = ? ORDER BY d.alert_seq, d.destination
                """, [.text(state.rawValue)], Outbox.delivery)
        }
        return try database.rows("""
            SELECT \(Outbox.columns) FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq ORDER BY d.alert_seq, d.destination
            """, [], Outbox.delivery)
    }

    /// Makes the undelivered deliveries of one alert (by id, or by `seq` when `alert` is a
    /// number) pending and due now, with attempts reset, and re-enables their destinations.
    ///
    /// - Returns: the destinations requeued; empty when the alert is unknown or already
    ///   delivered everywhere.
    public func requeue(alert: String, now: Date) throws -> [String] {
        try database.transaction {
            let seq = try database.scalarInt("SELECT seq FROM alerts WHERE id = ?", [.text(alert)])
                ?? Int64(alert).flatMap { try? database.scalarInt("SELECT seq FROM alerts WHERE seq = ?", [.integer($0)]) }
            guard let seq else { return [] }
            let names = try database.rows("SELECT destination FROM deliveries WHERE alert_seq = ? AND state != 'delivered' ORDER BY destination",
                                          [.integer(seq)]) { $0.string(0) }
            try database.run("""
                UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE alert_seq = ? AND state != 'delivered'
                """, [.real(now.timeIntervalSince1970), .real(now.timeIntervalSince1970), .integer(seq)])
            for name in names {
                try database.run("DELETE FROM destination_state WHERE name = ?", [.text(name)])
            }
            return names
        }
    }
}
