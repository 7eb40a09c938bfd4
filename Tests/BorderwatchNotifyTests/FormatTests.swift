import BorderwatchCore
import Foundation
import Testing
@testable import BorderwatchNotify

@Suite struct FormatTests {
    func render(_ format: DestinationFormat, _ alert: AlertEvent = Samples.alert()) throws -> WebhookRequest {
        try WebhookRequest.render(alert, for: Destination(name: "d", format: format, url: "https://hooks.example/services/T0/B0/SECRET"))
    }

    @Test func slackEscapesAndLinksOnlyTheSource() throws {
        let request = try render(.slack)
        let json = try #require(Samples.json(request.body))
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let texts = blocks.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        let fields = blocks.flatMap { ($0["fields"] as? [[String: Any]]) ?? [] }.compactMap { $0["text"] as? String }
        let all = (texts + fields).joined(separator: "\n") + (json["text"] as? String ?? "")
        #expect(!all.contains("<!channel>"))
        #expect(!all.contains("<@U123>"))
        #expect(!all.contains("<b>"))
        #expect(all.contains("&lt;!channel&gt;"))
        #expect(all.contains("&amp;"))
        #expect(!all.contains("@everyone"))
        #expect(!all.contains("*bold*"))
        // The one link is the source's own, with & escaped as Slack requires.
        #expect(all.contains("<https://www.lrt.lt/en/news/0?a=1&amp;b=2|"))
        #expect(all.components(separatedBy: "<http").count == 2)
        #expect(all.contains("287"))
        #expect(all.contains("150 on 2021-07-20"))
        #expect(json["unfurl_links"] as? Bool == false)
    }

    @Test func discordSendsNoMentionsAndEscapesMarkdown() throws {
        let json = try #require(Samples.json(try render(.discord).body))
        let allowed = try #require(json["allowed_mentions"] as? [String: Any])
        #expect((allowed["parse"] as? [Any])?.isEmpty == true)
        let embed = try #require((json["embeds"] as? [[String: Any]])?.first)
        let description = try #require(embed["description"] as? String)
        #expect(!description.contains("@everyone"))
        #expect(description.contains("\\[click\\]\\(https\\:"))
        #expect(description.contains("[@\u{200B}everyone"))
        #expect(description.contains("](<https://www.lrt.lt/en/news/0?a=1&b=2>)"))
        #expect(!description.contains("\n# heading"))
        let content = try #require(json["content"] as? String)
        #expect(content.contains("287"))
    }

    @Test func mattermostEscapesMarkdownAndMentions() throws {
        let json = try #require(Samples.json(try render(.mattermost).body))
        let text = try #require(json["text"] as? String)
        #expect(!text.contains("@channel"))
        #expect(!text.contains("@here"))
        #expect(text.contains("\\*bold\\*"))
        #expect(text.contains("Previous record"))
    }

    @Test func teamsIsAnAdaptiveCardOfPlainTextRuns() throws {
        let json = try #require(Samples.json(try render(.teams).body))
        #expect(json["type"] as? String == "message")
        let attachment = try #require((json["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        let body = try #require(card["body"] as? [[String: Any]])
        #expect(body.allSatisfy { $0["type"] as? String == "RichTextBlock" })
        let runs = body.flatMap { ($0["inlines"] as? [[String: Any]]) ?? [] }
        #expect(runs.allSatisfy { $0["type"] as? String == "TextRun" })
        let links = runs.compactMap { ($0["selectAction"] as? [String: Any])?["url"] as? String }
        #expect(links == ["https://www.lrt.lt/en/news/0?a=1&b=2"])
    }

    @Test func googleChatCarriesRequestIdAndBreaksMentions() throws {
        let request = try render(.googlechat)
        #expect(request.url.hasPrefix("https://hooks.example/services/T0/B0/SECRET?requestId=dr-LT-arrivals-2021-07-27"))
        let text = try #require(Samples.json(request.body)?["text"] as? String)
        #expect(!text.contains("<users/all>"))
        #expect(text.contains("<https://www.lrt.lt/en/news/0?a=1&b=2|"))
        #expect(text.components(separatedBy: "<http").count == 2)
    }

    @Test func genericSendsThePayloadBytesSigned() throws {
        let alert = Samples.alert()
        let payload = String(decoding: try JSONEncoder().encode(alert), as: UTF8.self)
        let destination = Destination(name: "g", format: .generic, url: "https://example.org/hook",
                                      secret: "whsec_" + Data("0123456789abcdef0123456789abcdef".utf8).base64EncodedString())
        let request = try WebhookRequest.render(alert, payload: payload, for: destination, now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(request.body == Data(payload.utf8))
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) })
        #expect(headers["webhook-id"] == alert.id)
        #expect(headers["webhook-timestamp"] == "1700000000")
        #expect(headers["webhook-signature"]?.hasPrefix("v1,") == true)
        #expect(headers["Idempotency-Key"] == alert.id)
        let decoded = try JSONDecoder().decode(AlertEvent.self, from: request.body)
        #expect(decoded == alert)
    }

    @Test func genericWithoutSecretIsUnsignedButIdentified() throws {
        let request = try WebhookRequest.render(Samples.alert(), for: Destination(name: "g", format: .generic, url: "http://x/h"))
        let names = request.headers.map(\.name)
        #expect(names.contains("webhook-id"))
        #expect(names.contains("webhook-timestamp"))
        #expect(!names.contains("webhook-signature"))
    }

    @Test func badSecretIsRefusedWithoutShowingIt() throws {
        let destination = Destination(name: "g", format: .generic, url: "http://x/h", secret: "whsec_%%%not-base64")
        #expect(throws: SigningSecretError.self) { try WebhookRequest.render(Samples.alert(), for: destination) }
        #expect(!String(describing: SigningSecretError()).contains("not-base64"))
    }

    /// Huge titles and evidence, many sources: every format stays within its tool's limits
    /// and says it was cut.
    @Test(arguments: [DestinationFormat.slack, .mattermost, .discord, .teams, .googlechat])
    func hugeAlertsStayWithinLimits(_ format: DestinationFormat) throws {
        let big = String(repeating: "Ünïcode & <words> 🚤 ", count: 5000)
        let request = try render(format, Samples.alert(title: big, evidence: big, sources: 12))
        let json = try #require(Samples.json(request.body), "body is valid JSON")
        let bodyText = String(decoding: request.body, as: UTF8.self)
        let saysTruncated = bodyText.contains(truncationMarker)
        let countsSources = bodyText.contains("7 more sources")
        #expect(saysTruncated)
        #expect(countsSources)
        switch format {
        case .slack:
            #expect((json["text"] as? String ?? "").count <= 40_000)
            let longest = (json["blocks"] as? [[String: Any]] ?? []).compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
                .map(\.count).max() ?? 0
            #expect(longest <= 3000)
        case .mattermost:
            let length = (json["text"] as? String ?? "").count
            #expect(length <= 16_383)
        case .discord:
            let contentLength = (json["content"] as? String ?? "").utf16.count
            #expect(contentLength <= 2000)
            let embed = try #require((json["embeds"] as? [[String: Any]])?.first)
            let description = embed["description"] as? String ?? ""
            let fields = embed["fields"] as? [[String: Any]] ?? []
            let total = description.utf16.count + fields.reduce(0) {
                $0 + ($1["name"] as? String ?? "").utf16.count + ($1["value"] as? String ?? "").utf16.count
            }
            let descriptionLength = description.utf16.count
            #expect(descriptionLength <= 4096)
            #expect(total <= 6000)
        case .teams:
            #expect(request.body.count <= 28 * 1024)
        case .googlechat:
            #expect(request.body.count <= 32_000)
        case .generic:
            break
        }
    }

    @Test func truncationIsVisibleAndRespectsTheLimit() {
        let text = String(repeating: "a", count: 100)
        let cut = text.truncated(to: 30)
        #expect(cut.count == 30)
        #expect(cut.hasSuffix(truncationMarker))
        #expect("short".truncated(to: 30) == "short")
        // Never half an entity or half an escape.
        #expect(String(repeating: "&amp;", count: 10).truncated(to: 20) == "&amp;" + truncationMarker)
        #expect(String(repeating: "\\*", count: 10).truncated(to: 16) == "\\*" + truncationMarker)
    }
}
