import ArgumentParser
import BorderwatchCore
import BorderwatchStore
import Foundation

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List the alert outbox, or requeue an alert.",
        discussion: """
            `borderwatch alerts [--pending | --failed | --held]` lists alerts with the state of each delivery; \
            a held alert (a day figure that contradicts what is stored or what its article says) is stored \
            with its reason and never posted, unless a later figure raises the same alert and passes.
            `borderwatch alerts retry ID` requeues one: its failed and pending deliveries become due now, \
            with their attempts reset, and its destinations disabled by a 410 Gone are enabled again. \
            A running daemon picks it up within 10 seconds.
            """)

    @Flag(help: "Only alerts with a delivery still pending.") var pending = false
    @Flag(help: "Only alerts with a delivery that failed for good.") var failed = false
    @Flag(help: "Only alerts held by a plausibility rule (stored, never posted), with the reason.") var held = false
    @Flag(help: "One JSON object per alert: the alert JSON, `held` and its `deliveries`.") var json = false
    @Argument(help: ArgumentHelp("`retry ID` requeues the alert ID instead of listing.", valueName: "retry ID"))
    var action: [String] = []
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if [pending, failed, held].filter({ $0 }).count > 1 { throw ValidationError("give one of --pending, --failed, --held") }
        guard !action.isEmpty else { return }
        if action == ["retry"] { throw ValidationError("retry needs the alert ID, as `borderwatch alerts` shows it") }
        guard action.count == 2, action[0] == "retry" else {
            throw ValidationError("unexpected '\(action.joined(separator: " "))': the only action is `retry ID`")
        }
        if pending || failed || held { throw ValidationError("--pending, --failed and --held only go with the listing, not with retry") }
    }

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let outbox = Outbox(database: store.database)
        if action.count == 2 {
            try retry(action[1], outbox)
        } else {
            try list(outbox)
        }
    }

    private func list(_ outbox: Outbox) throws {
        let alerts = try outbox.list(pending ? .pending : failed ? .failed : held ? .held : .all)
        if json {
            for alert in alerts { print(try AlertsCommand.jsonLine(alert)) }
            return
        }
        let disabled = Dictionary(try outbox.disabledDestinations().map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        if alerts.isEmpty { print(pending ? "no pending alerts" : failed ? "no failed alerts" : held ? "no held alerts" : "no alerts") }
        for alert in alerts {
            print(AlertsCommand.headline(alert))
            if let reason = alert.held { print("    held, not posted: \(reason)") }
            if let why = AlertsCommand.why(alert) { print("    why: \(why)") }
            for source in AlertsCommand.sources(alert) { print("    source: \(source)") }
            for delivery in alert.deliveries {
                print("    " + AlertsCommand.describe(delivery, disabled: disabled[delivery.destination]))
            }
        }
    }

    private func retry(_ id: String, _ outbox: Outbox) throws {
        guard let requeued = try outbox.requeue(alertID: id, now: Date()) else {
            throw NotFound(description: "no alert with id '\(id)'; `borderwatch alerts` lists them")
        }
        if requeued.deliveries == 0 {
            print("\(id): every delivery was already delivered; nothing to retry")
        } else {
            print("\(id): \(requeued.deliveries) deliver\(requeued.deliveries == 1 ? "y" : "ies") requeued")
        }
        for name in requeued.enabledDestinations {
            print("destination '\(name)' enabled again (it had answered 410 Gone)")
        }
    }

    /// `ID  KIND  REGION<VIA METRIC VALUE on DATE`, from the stored alert JSON.
    static func headline(_ alert: OutboxAlert) -> String {
        guard let event = try? JSONDecoder().decode(AlertEvent.self, from: Data(alert.payload.utf8)) else {
            return "\(alert.id)  \(alert.kind)  (the stored alert JSON cannot be read)"
        }
        var line = "\(alert.id)  \(alert.kind)  \(event.region)\(event.via.map { "<" + $0 } ?? "") \(event.metric.rawValue) \(event.value)"
        if event.bound != .exact { line += " \(event.bound.rawValue)" }
        line += " on \(event.date.iso)"
        if let threshold = event.threshold { line += " (level \(threshold))" }
        return line
    }

    /// The rule's explanation stored with the alert, and the previous record's source.
    static func why(_ alert: OutboxAlert) -> String? {
        guard let event = try? JSONDecoder().decode(AlertEvent.self, from: Data(alert.payload.utf8)), let why = event.why else { return nil }
        return why + (event.previousSource.map { "; the previous record was reported by \($0)" } ?? "")
    }

    /// Each article the alert lists: `FILE: TITLE <LINK>`, as `facts` and `series --sources` show it.
    static func sources(_ alert: OutboxAlert) -> [String] {
        guard let event = try? JSONDecoder().decode(AlertEvent.self, from: Data(alert.payload.utf8)) else { return [] }
        return event.sources.map { source in
            let origin = [source.title, source.url.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
            return source.article + (origin.isEmpty ? "" : ": " + origin)
        }
    }

    /// The stored alert JSON with `held` and `deliveries` (destination, state, attempts, last HTTP status).
    static func jsonLine(_ alert: OutboxAlert) throws -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(alert.payload.utf8))) as? [String: Any] ?? ["id": alert.id]
        object["held"] = alert.held ?? NSNull()
        object["deliveries"] = alert.deliveries.map { delivery -> [String: Any] in
            ["destination": delivery.destination, "state": delivery.state, "attempts": delivery.attempts,
             "last_status": delivery.lastStatus.map { $0 as Any } ?? NSNull()]
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func describe(_ delivery: OutboxAlert.Delivery, disabled: DisabledDestination?) -> String {
        var line = "\(delivery.destination): \(delivery.state), \(delivery.attempts) attempt\(delivery.attempts == 1 ? "" : "s")"
        if let status = delivery.lastStatus { line += ", last HTTP \(status)" }
        if delivery.state == "pending" {
            if let disabled {
                line += ", destination disabled since \(timestamp(disabled.disabledAt))"
            } else if delivery.nextAttemptAt > Date() {
                line += ", next attempt \(timestamp(delivery.nextAttemptAt))"
            }
        }
        if delivery.state != "delivered", let error = delivery.lastError {
            line += "\n        " + String(error.replacingOccurrences(of: "\n", with: " ").prefix(300))
        }
        return line
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// Something named on the command line that is not there: reported without the usage text.
struct NotFound: Error, CustomStringConvertible {
    var description: String
}
