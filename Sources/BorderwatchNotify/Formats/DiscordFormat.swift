import Foundation

/// `discord`: the headline as `content` (2,000) and one embed (description 4,096, fields
/// 1,024, 6,000 in all, counted in UTF-16), with `allowed_mentions: {"parse": []}` so
/// nothing in the message can ping, on top of the escaping.
enum DiscordFormat {
    static let contentLimit = 2000
    static let descriptionLimit = 4096
    static let fieldValueLimit = 1024
    static let fieldNameLimit = 256
    static let embedLimit = 6000

    struct Payload: Encodable {
        var content: String
        var embeds: [Embed]
        var allowed_mentions = AllowedMentions()
    }

    struct AllowedMentions: Encodable {
        var parse: [String] = []
    }

    struct Embed: Encodable {
        var description: String
        var fields: [Field]
    }

    struct Field: Encodable {
        var name: String
        var value: String
        var inline = true
    }

    static func body(_ message: AlertMessage) -> Data {
        let fields = message.facts.prefix(25).map {
            Field(name: Neutralise.markdown($0.label).truncated(utf16: fieldNameLimit),
                  value: Neutralise.markdown($0.value).truncated(utf16: fieldValueLimit))
        }
        let fieldsLength = fields.reduce(0) { $0 + $1.name.utf16.count + $1.value.utf16.count }
        let limit = min(descriptionLimit, embedLimit - fieldsLength)
        var caps = FieldCaps()
        func describe(_ caps: FieldCaps) -> String {
            [Neutralise.markdown(message.text.truncated(to: caps.text)), MarkdownMessage.sources(message, caps: caps)]
                .filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        var description = describe(caps)
        for _ in 0..<8 where description.utf16.count > limit {
            caps = caps.halved
            description = describe(caps)
        }
        description = description.truncated(utf16: limit)
        let content = MarkdownMessage.headline(message).truncated(utf16: contentLimit)
        return JSON.encode(Payload(content: content, embeds: [Embed(description: description, fields: fields)]))
    }
}
