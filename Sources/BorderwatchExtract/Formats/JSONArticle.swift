import BorderwatchCore
import Foundation

/// A JSON article: `{title, date, url, body}` or `{..., text}`; also `content`, `headline`,
/// schema.org's `articleBody`, `published`/`datePublished`, `link`, `language`, and a body given as an array of paragraphs.
/// HTML inside the body is reduced to its text.
enum JSONArticle {
    static func decode(_ bytes: [UInt8]) -> Document? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = object[key] as? String, !value.isEmpty { return value }
            }
            return nil
        }
        var body = string("body", "text", "articleBody", "content", "article", "description", "summary") ?? ""
        if body.isEmpty, let parts = (object["body"] ?? object["text"] ?? object["articleBody"] ?? object["content"] ?? object["paragraphs"]) as? [Any] {
            body = parts.compactMap { $0 as? String }.joined(separator: "\n\n")
        }
        if body.contains("</") || body.contains("<p") || body.contains("<br") {
            body = HTMLText.visibleText(body)
        }
        let title = string("title", "headline")
        let date = string("date", "published", "datePublished", "published_at", "pubDate", "publishedAt").flatMap(MetadataDate.parse)
        let language = string("language", "lang").map(HTMLText.languageCode) ?? "en"
        var paragraphs: [String] = []
        if let title { paragraphs.append(title) }
        paragraphs.append(body)
        return Document(text: paragraphs.joined(separator: "\n\n"), title: title, url: string("url", "link", "canonical_url"),
                        date: date, dateSource: date == nil ? .none : .metadata, format: .json, language: language)
    }
}
