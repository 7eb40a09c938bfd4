#if canImport(Glibc)
import Glibc
#endif
import BorderwatchStore
import Foundation

/// What the daemon has done since it started, and the outbox as it stands: the figures of the
/// metrics file. Pure data; `render()` gives the OpenMetrics text.
struct MetricsSnapshot: Equatable {
    var articlesStored = 0
    var articlesDuplicate = 0
    var articlesFailed = 0
    var facts = 0
    var alertsRaised = 0
    var alertsHeld = 0
    /// Deliveries by destination and state (`pending`, `delivered`, `failed`), from the outbox.
    var deliveries: [String: [String: Int]] = [:]
    /// Seconds from an alert's creation to its delivery: the mean and the largest over delivered ones.
    var deliveryLatencyMean: Double = 0
    var deliveryLatencyMax: Double = 0
    var queued = 0
    var held = false
    /// When the last article was stored (Unix seconds), 0 before the first.
    var lastArticle: Double = 0

    /// Pending deliveries: the outbox depth.
    var outboxDepth: Int { deliveries.values.reduce(0) { $0 + ($1["pending"] ?? 0) } }

    /// The OpenMetrics text exposition (https://openmetrics.io), `# EOF` last.
    func render() -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            out += "# TYPE \(name) \(type)\n# HELP \(name) \(help)\n"
            let suffix = type == "counter" ? "_total" : ""
            for sample in samples { out += "\(name)\(suffix)\(sample.labels) \(sample.value)\n" }
        }
        family("borderwatch_articles", "counter", "Articles read since the daemon started, by outcome.", [
            ("{outcome=\"stored\"}", "\(articlesStored)"), ("{outcome=\"duplicate\"}", "\(articlesDuplicate)"),
            ("{outcome=\"failed\"}", "\(articlesFailed)"),
        ])
        family("borderwatch_facts", "counter", "Facts stored since the daemon started.", [("", "\(facts)")])
        family("borderwatch_alerts", "counter", "Alerts since the daemon started: raised (posted) or held.", [
            ("{state=\"raised\"}", "\(alertsRaised)"), ("{state=\"held\"}", "\(alertsHeld)"),
        ])
        let rows = deliveries.sorted { $0.key < $1.key }.flatMap { destination, states in
            ["pending", "delivered", "failed"].map { state in
                ("{destination=\"\(Self.escape(destination))\",state=\"\(state)\"}", "\(states[state] ?? 0)")
            }
        }
        family("borderwatch_deliveries", "gauge", "Deliveries in the outbox by destination and state.", rows)
        family("borderwatch_outbox_depth", "gauge", "Deliveries still pending.", [("", "\(outboxDepth)")])
        family("borderwatch_delivery_latency_seconds", "gauge", "Seconds from an alert to its delivery, over delivered alerts.", [
            ("{stat=\"mean\"}", Self.number(deliveryLatencyMean)), ("{stat=\"max\"}", Self.number(deliveryLatencyMax)),
        ])
        family("borderwatch_inbox_queued", "gauge", "Articles waiting in the inbox queue.", [("", "\(queued)")])
        family("borderwatch_inbox_held", "gauge", "1 while storage fails and the inbox is held.", [("", held ? "1" : "0")])
        family("borderwatch_last_article_timestamp_seconds", "gauge", "When the last article was stored (Unix time).",
               [("", Self.number(lastArticle))])
        return out + "# EOF\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.3f", value)
    }

    /// A label value with `\`, `"` and newlines escaped.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

/// Writes the metrics file the node_exporter way: a temporary file in the same folder, renamed
/// over the old one, so a collector never reads half a file.
struct MetricsFileWriter {
    let path: String

    func write(_ snapshot: MetricsSnapshot) throws {
        let temporary = path + ".\(getpid()).tmp"
        try Data(snapshot.render().utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

extension Store {
    /// Deliveries by destination and state, and the mean and largest delivery latency.
    func deliveryFigures() throws -> (counts: [String: [String: Int]], mean: Double, max: Double) {
        var counts: [String: [String: Int]] = [:]
        try database.forEach("SELECT destination, state, COUNT(*) FROM deliveries GROUP BY destination, state") { row in
            counts[row.string(0), default: [:]][row.string(1)] = row.int(2)
        }
        let latency = try database.first("""
            SELECT AVG(d.updated_at - a.created_at), MAX(d.updated_at - a.created_at)
            FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq WHERE d.state = 'delivered'
            """) { ($0.optionalDouble(0) ?? 0, $0.optionalDouble(1) ?? 0) } ?? (0, 0)
        return (counts, latency.0, latency.1)
    }
}
