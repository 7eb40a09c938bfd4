import BorderwatchCore
import Foundation

/// One HTTP POST ready for the transport: what a format renders and the tests inspect.
public struct WebhookRequest: Sendable, Equatable {
    public var url: String
    /// Header names and values, in sending order.
    public var headers: [Header]
    public var body: Data

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public init(url: String, headers: [Header], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Renders `alert` for `destination` in its format.
    ///
    /// - Parameters:
    ///   - payload: the alert JSON as stored in the outbox; `generic` sends exactly these
    ///     bytes (the SCHEMA.md alert), others render a chat message from `alert`.
    ///   - now: the attempt's time, for `webhook-timestamp`.
    /// - Throws: `SigningSecretError` when a `generic` secret is not `whsec_<base64>`.
    public static func render(_ alert: AlertEvent, payload: String? = nil, for destination: Destination,
                              now: Date = Date()) throws -> WebhookRequest {
        let message = AlertMessage(alert)
        var headers = [Header("Content-Type", "application/json"), Header("User-Agent", "borderwatch"),
                       Header("Idempotency-Key", alert.id)]
        var url = destination.url
        let body: Data
        switch destination.format {
        case .generic:
            body = try payload.map { Data($0.utf8) } ?? GenericFormat.body(alert)
            headers += try StandardWebhooks.headers(id: alert.id, timestamp: now, body: body, secret: destination.secret)
        case .slack: body = SlackFormat.body(message)
        case .mattermost: body = MattermostFormat.body(message)
        case .discord: body = DiscordFormat.body(message)
        case .teams: body = TeamsFormat.body(message)
        case .googlechat:
            body = GoogleChatFormat.body(message)
            url = GoogleChatFormat.url(destination.url, requestID: alert.id)
        }
        return WebhookRequest(url: url, headers: headers, body: body)
    }
}

/// Per-field caps applied to article text before a tool's own limits, halved until the
/// whole message fits where a tool limits the payload's size.
struct FieldCaps {
    var title = 300
    var evidence = 1000
    var text = 1000

    var halved: FieldCaps { FieldCaps(title: max(20, title / 2), evidence: max(20, evidence / 2), text: max(40, text / 2)) }
}

enum JSON {
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The payload types below are plain structs of strings, numbers and arrays.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// Renders with `FieldCaps`, halving them until the encoded body is at most `limit` bytes.
    static func fitting(bytes limit: Int, _ render: (FieldCaps) -> Data) -> Data {
        var caps = FieldCaps()
        var body = render(caps)
        var tries = 0
        while body.count > limit, tries < 8 {
            caps = caps.halved
            body = render(caps)
            tries += 1
        }
        return body
    }
}
