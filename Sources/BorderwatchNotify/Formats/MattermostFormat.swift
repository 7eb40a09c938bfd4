import Foundation

/// `mattermost`: one Markdown `text` of at most 16,383 characters (a longer one would be
/// split into several posts), article text backslash-escaped and `@` defused.
enum MattermostFormat {
    static let textLimit = 16_383

    struct Payload: Encodable {
        var text: String
    }

    static func body(_ message: AlertMessage) -> Data {
        JSON.encode(Payload(text: MarkdownMessage.text(message, caps: FieldCaps()).truncated(to: textLimit)))
    }
}

/// The CommonMark rendering shared by Mattermost and Discord.
enum MarkdownMessage {
    static func headline(_ message: AlertMessage) -> String {
        "**\(Neutralise.markdown(Neutralise.line(message.headline)))**"
    }

    static func facts(_ message: AlertMessage) -> String {
        message.facts.map { "**\(Neutralise.markdown($0.label)):** \(Neutralise.markdown($0.value))" }.joined(separator: "\n")
    }

    static func sources(_ message: AlertMessage, caps: FieldCaps) -> String {
        var lines = message.sources.prefix(AlertMessage.maxSources).map { source -> String in
            let title = Neutralise.markdown(Neutralise.line(source.title.truncated(to: caps.title)))
            let heading = source.link.map { "[\(title)](<\($0)>)" } ?? title
            let evidence = Neutralise.markdown(Neutralise.line(source.evidence.truncated(to: caps.evidence)))
            return "\(heading)\n“\(evidence)”"
        }
        if message.sources.count > AlertMessage.maxSources {
            lines.append("…and \(message.sources.count - AlertMessage.maxSources) more sources")
        }
        return lines.joined(separator: "\n\n")
    }

    static func text(_ message: AlertMessage, caps: FieldCaps) -> String {
        [headline(message), Neutralise.markdown(message.text.truncated(to: caps.text)), facts(message), sources(message, caps: caps)]
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
