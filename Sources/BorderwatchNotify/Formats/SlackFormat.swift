import Foundation

/// `slack`: Block Kit sections (3,000 characters each) under a `text` fallback (40,000),
/// with `& < >` escaped so article text can neither mention nor link.
enum SlackFormat {
    static let sectionLimit = 3000
    static let textLimit = 40_000

    struct Payload: Encodable {
        var text: String
        var blocks: [Block]
        var unfurl_links = false
        var unfurl_media = false
    }

    struct Block: Encodable {
        var type = "section"
        var text: Text?
        var fields: [Text]?
    }

    struct Text: Encodable {
        var type = "mrkdwn"
        var text: String
    }

    static func body(_ message: AlertMessage, caps: FieldCaps = FieldCaps()) -> Data {
        let headline = Neutralise.slack(Neutralise.line(message.headline))
        let summary = "*\(headline)*\n\(Neutralise.slack(message.text.truncated(to: caps.text)))"
        var blocks = [Block(text: Text(text: summary.truncated(to: sectionLimit)))]
        blocks.append(Block(fields: message.facts.prefix(10).map { fact in
            Text(text: "*\(Neutralise.slack(fact.label))*\n\(Neutralise.slack(fact.value))".truncated(to: 2000))
        }))
        for source in message.sources.prefix(AlertMessage.maxSources) {
            let title = Neutralise.slack(Neutralise.line(source.title.truncated(to: caps.title)))
            let heading = source.link.map { "<\($0.replacingOccurrences(of: "&", with: "&amp;"))|\(title)>" } ?? title
            let evidence = Neutralise.slack(source.evidence.truncated(to: caps.evidence))
            blocks.append(Block(text: Text(text: "\(heading)\n“\(evidence)”".truncated(to: sectionLimit))))
        }
        if message.sources.count > AlertMessage.maxSources {
            blocks.append(Block(text: Text(text: "…and \(message.sources.count - AlertMessage.maxSources) more sources")))
        }
        return JSON.encode(Payload(text: headline.truncated(to: textLimit), blocks: blocks))
    }
}
