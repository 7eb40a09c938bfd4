import Foundation

/// `googlechat`: a text message (32,000 bytes in all) in Chat's own markup, sent with
/// `requestId` set to the alert id so a repeated attempt returns the message already
/// created instead of posting a second one.
enum GoogleChatFormat {
    static let messageLimit = 32_000 - 1024

    struct Payload: Encodable {
        var text: String
    }

    static func body(_ message: AlertMessage) -> Data {
        JSON.fitting(bytes: messageLimit) { caps in
            var lines = ["*\(Neutralise.googleChat(Neutralise.line(message.headline)))*",
                         Neutralise.googleChat(message.text.truncated(to: caps.text)), ""]
            lines += message.facts.map { "\(Neutralise.googleChat($0.label)): \(Neutralise.googleChat($0.value))" }
            for source in message.sources.prefix(AlertMessage.maxSources) {
                let title = Neutralise.googleChat(Neutralise.line(source.title.truncated(to: caps.title)))
                    .replacingOccurrences(of: ">", with: "›").replacingOccurrences(of: "|", with: "¦")
                lines.append("")
                lines.append(source.link.map { "<\($0)|\(title)>" } ?? title)
                lines.append("“\(Neutralise.googleChat(source.evidence.truncated(to: caps.evidence)))”")
            }
            if message.sources.count > AlertMessage.maxSources {
                lines.append("…and \(message.sources.count - AlertMessage.maxSources) more sources")
            }
            return JSON.encode(Payload(text: lines.joined(separator: "\n").truncated(bytes: messageLimit)))
        }
    }

    /// The webhook URL (which already carries `key` and `token`) with `requestId` added.
    static func url(_ url: String, requestID: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        var items = (components.queryItems ?? []).filter { $0.name != "requestId" }
        items.append(URLQueryItem(name: "requestId", value: requestID))
        components.queryItems = items
        return components.string ?? url
    }
}
