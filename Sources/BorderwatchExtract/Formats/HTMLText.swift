import BorderwatchCore

/// HTML: visible text with block elements as paragraph breaks, plus what the head says about
/// the article (title, URL, publication date, language).
///
/// A single forward scan over the bytes; no DOM is built. Scripts, styles and comments are
/// skipped, except JSON-LD scripts, which are searched for `datePublished` and `headline`.
enum HTMLText {
    static func decode(_ bytes: [UInt8]) -> Document {
        var scanner = Scanner(bytes: bytes, skipsBoilerplate: true)
        scanner.run()
        // a page whose story itself sits in an element that looks like boilerplate
        // ("<div class=share-enabled>"), leaving less than a short paragraph: read it whole
        // rather than lose the story
        if scanner.skippedText, scanner.visibleBytes < 100 {
            var whole = Scanner(bytes: bytes, skipsBoilerplate: false)
            whole.run()
            if whole.visibleBytes > scanner.visibleBytes { scanner = whole }
        }
        let meta = scanner.meta
        let date = meta.publishedTime.flatMap(MetadataDate.parse)
            ?? meta.jsonLDDate.flatMap(MetadataDate.parse)
            ?? meta.timeDatetime.flatMap(MetadataDate.parse)
        let title = (meta.ogTitle ?? meta.title ?? meta.jsonLDHeadline).map(TextCleanup.collapseSpaces)
        return Document(text: TextCleanup.paragraphs(scanner.output), title: title.flatMap { $0.isEmpty ? nil : $0 },
                        url: meta.canonical ?? meta.ogURL, date: date, dateSource: date == nil ? .none : .metadata,
                        format: .html, language: meta.language.map(languageCode) ?? "en")
    }

    /// Strips tags and entities from a fragment of inline HTML, such as a JSON body.
    static func visibleText(_ text: String) -> String {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.run()
        return TextCleanup.paragraphs(scanner.output)
    }

    /// `en-GB` → `en`.
    static func languageCode(_ tag: String) -> String {
        String(tag.lowercased().prefix(while: { $0 != "-" && $0 != "_" }))
    }

    struct Meta {
        var title: String?
        var ogTitle: String?
        var ogURL: String?
        var canonical: String?
        var publishedTime: String?
        var timeDatetime: String?
        var jsonLDDate: String?
        var jsonLDHeadline: String?
        var language: String?
    }

    /// Elements whose content is never visible text.
    static let hiddenElements: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object", "select", "button"]
    /// Page furniture around a story: navigation, sidebars, footers, forms. Their headlines
    /// ("Record 1,295 migrants cross Channel" under "Related") are other stories' figures.
    static let boilerplateElements: Set<String> = ["nav", "aside", "footer", "form"]
    /// Class, id and role names of page furniture; a class token matches when it is one of these
    /// or starts or ends with one joined by "-" or "_" ("related-articles", "js-most-read").
    static let boilerplateNames: [String] = [
        "related", "share", "sharing", "social", "comments", "comment", "newsletter", "promo", "advert", "advertisement",
        "ad", "ads", "sidebar", "most-read", "mostread", "most-popular", "popular", "trending", "recommended",
        "breadcrumb", "breadcrumbs", "cookie", "cookies", "subscribe", "subscription", "outbrain", "taboola",
        "read-more", "more-stories", "also-read", "navigation", "complementary", "contentinfo", "menu", "banner",
    ]

    /// Whether the element a start tag opens is page furniture rather than the story.
    static func isBoilerplate(_ tag: Tag) -> Bool {
        if boilerplateElements.contains(tag.name) { return true }
        guard !["article", "main", "body", "html", "head", "title", "p"].contains(tag.name) else { return false }
        for key in ["class", "id", "role"] {
            guard let value = tag.attributes[key]?.lowercased() else { continue }
            for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                for name in boilerplateNames where token == name
                    || token.hasPrefix(name + "-") || token.hasPrefix(name + "_")
                    || token.hasSuffix("-" + name) || token.hasSuffix("_" + name) {
                    return true
                }
            }
        }
        return false
    }

    /// Elements that never have an end tag (`<img class="share-icon">`): skipping one as furniture
    /// would skip the rest of the page looking for its end.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "source", "track", "wbr"]

    /// Elements that start or end a paragraph.
    static let blockElements: Set<String> = [
        "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table",
        "article", "section", "header", "footer", "aside", "nav", "blockquote", "figure", "figcaption", "main",
        "pre", "dd", "dt", "dl", "address", "caption", "form", "fieldset", "body", "html", "title", "head",
    ]

    struct Scanner {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var meta = Meta()
        var index = 0
        var inHead = false
        /// Leave out page furniture (`isBoilerplate`).
        let skipsBoilerplate: Bool
        /// Some furniture with text in it was left out.
        var skippedText = false
        /// Bytes of text output that are not spaces.
        var visibleBytes = 0

        init(bytes: [UInt8], skipsBoilerplate: Bool = false) {
            self.bytes = bytes
            self.skipsBoilerplate = skipsBoilerplate
            output.reserveCapacity(bytes.count / 2)
        }

        mutating func run() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    readMarkup()
                } else if byte == UInt8(ascii: "&") {
                    index = Entities.decode(bytes, at: index, into: &output)
                } else {
                    // Line breaks in markup are only spaces; block elements make the paragraphs.
                    if ASCII.isSpace(byte) {
                        output.append(0x20)
                    } else {
                        output.append(byte)
                        visibleBytes += 1
                    }
                    index += 1
                }
            }
        }

        /// Handles what starts at a `<`: a comment, a declaration, or a tag.
        mutating func readMarkup() {
            if starts(with: "<!--") {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? bytes.count
                return
            }
            if starts(with: "<!") || starts(with: "<?") {
                index = find(">", from: index).map { $0 + 1 } ?? bytes.count
                return
            }
            guard let tag = Tag.parse(bytes, at: index) else {
                output.append(UInt8(ascii: "<"))
                index += 1
                return
            }
            index = tag.end
            if !tag.closing { noteMetadata(tag) }
            if HTMLText.blockElements.contains(tag.name) {
                output.append(contentsOf: [0x0A, 0x0A])
            }
            if skipsBoilerplate, !tag.closing, !tag.selfClosing, !HTMLText.voidElements.contains(tag.name),
               HTMLText.isBoilerplate(tag) {
                let end = endOfElement(tag.name)
                skippedText = skippedText || bytes[index..<end].contains { $0 != UInt8(ascii: "<") && !ASCII.isSpace($0) }
                index = end
                output.append(contentsOf: [0x0A, 0x0A])
                return
            }
            if tag.name == "title" && !tag.closing {
                let close = findClosing("title")
                meta.title = meta.title ?? decodeText(bytes[index..<close])
                index = close
            } else if HTMLText.hiddenElements.contains(tag.name) && !tag.closing && !tag.selfClosing {
                let close = findClosing(tag.name)
                if tag.name == "script", tag.attributes["type"]?.lowercased() == "application/ld+json" {
                    readJSONLD(bytes[index..<close])
                }
                index = close
            }
        }

        mutating func noteMetadata(_ tag: Tag) {
            switch tag.name {
            case "html":
                meta.language = tag.attributes["lang"] ?? meta.language
            case "meta":
                let key = (tag.attributes["property"] ?? tag.attributes["name"] ?? tag.attributes["itemprop"])?.lowercased()
                guard let key, let content = tag.attributes["content"] else { return }
                switch key {
                case "og:title", "twitter:title": meta.ogTitle = meta.ogTitle ?? content
                case "og:url": meta.ogURL = meta.ogURL ?? content
                case "article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date", "dcterms.created":
                    meta.publishedTime = meta.publishedTime ?? content
                default: break
                }
            case "link":
                if tag.attributes["rel"]?.lowercased() == "canonical" { meta.canonical = meta.canonical ?? tag.attributes["href"] }
            case "time":
                meta.timeDatetime = meta.timeDatetime ?? tag.attributes["datetime"]
            default:
                break
            }
        }

        /// Finds `"datePublished": "..."` and `"headline": "..."` in a JSON-LD block without a full parse.
        mutating func readJSONLD(_ slice: ArraySlice<UInt8>) {
            let text = String(decoding: slice, as: UTF8.self)
            meta.jsonLDDate = meta.jsonLDDate ?? JSONLD.stringValue(of: "datePublished", in: text)
            meta.jsonLDHeadline = meta.jsonLDHeadline ?? JSONLD.stringValue(of: "headline", in: text)
        }

        func decodeText(_ slice: ArraySlice<UInt8>) -> String {
            var out: [UInt8] = []
            var i = slice.startIndex
            while i < slice.endIndex {
                if slice[i] == UInt8(ascii: "&") {
                    i = Entities.decode(bytes, at: i, into: &out)
                } else {
                    out.append(slice[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        func starts(with prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return prefix.withUTF8Buffer { p in
                for k in 0..<count where ASCII.lower(bytes[index + k]) != ASCII.lower(p[k]) { return false }
                return true
            }
        }

        func find(_ needle: StaticString, from start: Int) -> Int? {
            needle.withUTF8Buffer { p in
                var i = start
                while i + p.count <= bytes.count {
                    var hit = true
                    for k in 0..<p.count where ASCII.lower(bytes[i + k]) != p[k] { hit = false; break }
                    if hit { return i }
                    i += 1
                }
                return nil
            }
        }

        /// The index just past the end tag that closes the element opened before `index`, counting
        /// nested elements of the same name; the end of input when it is never closed.
        func endOfElement(_ name: String) -> Int {
            var depth = 1
            var i = index
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? bytes.count
                    continue
                }
                guard let tag = Tag.parse(bytes, at: i) else { i += 1; continue }
                if tag.name == name, !tag.selfClosing {
                    depth += tag.closing ? -1 : 1
                    if depth == 0 { return tag.end }
                }
                i = tag.end
            }
            return bytes.count
        }

        /// The index of the `</name` that closes a raw-text element, or the end of input.
        func findClosing(_ name: String) -> Int {
            let needle = Array(("</" + name).utf8)
            var i = index
            while i + needle.count <= bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    var hit = true
                    for k in 1..<needle.count where ASCII.lower(bytes[i + k]) != needle[k] { hit = false; break }
                    if hit { return i }
                }
                i += 1
            }
            return bytes.count
        }
    }
}

/// One start or end tag with its attributes.
struct Tag {
    var name: String
    var closing: Bool
    var selfClosing: Bool
    var attributes: [String: String]
    /// The index just past the tag's `>`.
    var end: Int

    /// Parses the tag at `start` (a `<`); `nil` when what follows is not a tag (`a < b`).
    static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
        var i = start + 1
        var closing = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        let nameStart = i
        while i < bytes.count, ASCII.isAlnum(bytes[i]) || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ":") { i += 1 }
        guard i > nameStart, ASCII.isAlpha(bytes[nameStart]) else { return nil }
        let name = String(decoding: bytes[nameStart..<i].map(ASCII.lower), as: UTF8.self)
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") {
                return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: i + 1)
            }
            if byte == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            if ASCII.isSpace(byte) { i += 1; continue }
            let keyStart = i
            while i < bytes.count, !ASCII.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let key = String(decoding: bytes[keyStart..<i].map(ASCII.lower), as: UTF8.self)
            selfClosing = false
            while i < bytes.count, ASCII.isSpace(bytes[i]) { i += 1 }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                if !key.isEmpty { attributes[key] = attributes[key] ?? "" }
                continue
            }
            i += 1
            while i < bytes.count, ASCII.isSpace(bytes[i]) { i += 1 }
            var value: [UInt8] = []
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                i += 1
                while i < bytes.count, bytes[i] != quote {
                    if bytes[i] == UInt8(ascii: "&") { i = Entities.decode(bytes, at: i, into: &value) } else { value.append(bytes[i]); i += 1 }
                }
                i += 1
            } else {
                while i < bytes.count, !ASCII.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { value.append(bytes[i]); i += 1 }
            }
            if attributes[key] == nil { attributes[key] = String(decoding: value, as: UTF8.self) }
        }
        return nil
    }
}

/// Finds a string-valued key in JSON text without parsing the whole document.
enum JSONLD {
    static func stringValue(of key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
        var rest = text[keyRange.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        var value = ""
        var escaped = false
        for character in rest {
            if escaped { value.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { return value }
            value.append(character)
        }
        return nil
    }
}
