import Foundation

/// `teams`: a message with one Adaptive Card, as a Teams Workflows ("When a Teams webhook
/// request is received") URL expects, within 28 KB.
///
/// Article text goes only into `TextRun`s of `RichTextBlock`s, which Teams never reads
/// as Markdown, and mentions need `msteams.entities` that are never sent: nothing can
/// ping or link except the source links, which are `Action.OpenUrl` on the title run.
enum TeamsFormat {
    static let payloadLimit = 28 * 1024 - 512

    struct Payload: Encodable {
        var type = "message"
        var attachments: [Attachment]
    }

    struct Attachment: Encodable {
        var contentType = "application/vnd.microsoft.card.adaptive"
        var content: Card
    }

    struct Card: Encodable {
        var schema = "http://adaptivecards.io/schemas/adaptive-card.json"
        var type = "AdaptiveCard"
        var version = "1.4"
        var body: [RichTextBlock]
        var msteams = ["width": "Full"]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", type, version, body, msteams
        }
    }

    struct RichTextBlock: Encodable {
        var type = "RichTextBlock"
        var inlines: [TextRun]
    }

    struct TextRun: Encodable {
        var type = "TextRun"
        var text: String
        var weight: String?
        var italic: Bool?
        var selectAction: OpenURL?
    }

    struct OpenURL: Encodable {
        var type = "Action.OpenUrl"
        var url: String
    }

    static func body(_ message: AlertMessage) -> Data {
        JSON.fitting(bytes: payloadLimit) { caps in
            var blocks = [RichTextBlock(inlines: [TextRun(text: Neutralise.line(message.headline), weight: "Bolder")]),
                          RichTextBlock(inlines: [TextRun(text: message.text.truncated(to: caps.text))])]
            for fact in message.facts {
                blocks.append(RichTextBlock(inlines: [TextRun(text: "\(fact.label): ", weight: "Bolder"), TextRun(text: fact.value)]))
            }
            for source in message.sources.prefix(AlertMessage.maxSources) {
                blocks.append(RichTextBlock(inlines: [
                    TextRun(text: Neutralise.line(source.title.truncated(to: caps.title)), weight: "Bolder",
                            selectAction: source.link.map { OpenURL(url: $0) }),
                    TextRun(text: "\n“\(source.evidence.truncated(to: caps.evidence))”", italic: true),
                ]))
            }
            if message.sources.count > AlertMessage.maxSources {
                blocks.append(RichTextBlock(inlines: [TextRun(text: "…and \(message.sources.count - AlertMessage.maxSources) more sources")]))
            }
            return JSON.encode(Payload(attachments: [Attachment(content: Card(body: blocks))]))
        }
    }
}
