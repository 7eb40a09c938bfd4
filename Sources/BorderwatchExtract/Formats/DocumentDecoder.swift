import BorderwatchCore

/// Detects an article's input format from its content and decodes it into a `Document`.
///
/// The content decides; the file's extension only breaks ties (a `.md` file without front
/// matter is still Markdown). Invalid UTF-8 becomes U+FFFD, never a failure.
public enum DocumentDecoder {
    /// Decodes `bytes`. `referenceDate` (the caller's fallback date) gives a year to a dateline
    /// that names only a day and a month.
    public static func decode(_ bytes: [UInt8], fileName: String, referenceDate: Day? = nil) -> Document {
        var document: Document
        switch detect(bytes, fileName: fileName) {
        case .html: document = HTMLText.decode(bytes)
        case .json: document = JSONArticle.decode(bytes) ?? PlainText.decode(String(decoding: bytes, as: UTF8.self))
        case .markdown: document = MarkdownText.decode(String(decoding: bytes, as: UTF8.self))
        case .email: document = EmailMessage.decode(bytes)
        case .text: document = PlainText.decode(String(decoding: bytes, as: UTF8.self))
        }
        if let (dateline, text) = Dateline.find(in: document.text, reference: document.date ?? referenceDate) {
            document.datelineCity = dateline.city
            document.text = text
            // The header line beats a dateline; a dateline beats format metadata.
            if let date = dateline.date, document.dateSource != .header {
                document.date = date
                document.dateSource = .dateline
            }
        }
        // a scraped page's "Published: 14 November 2023" line, when nothing else gave a date
        if document.date == nil, let (date, text) = BylineDate.find(in: document.text) {
            document.date = date
            document.dateSource = .metadata
            document.text = text
        }
        return document
    }

    /// The input format, from the first bytes of the content, then the extension.
    public static func detect(_ bytes: [UInt8], fileName: String) -> InputFormat {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, ASCII.isSpace(bytes[i]) { i += 1 }
        let head = bytes[i..<min(bytes.count, i + 512)]
        let ext = fileExtension(fileName)
        if head.first == UInt8(ascii: "{") { return .json }
        if head.first == UInt8(ascii: "<") {
            let lowerHead = String(decoding: head.prefix(16).map(ASCII.lower), as: UTF8.self)
            for opening in ["<!doctype html", "<html", "<?xml", "<head", "<body", "<article", "<meta"] where lowerHead.hasPrefix(opening) {
                return .html
            }
            if ext == "html" || ext == "htm" { return .html }
        }
        if head.starts(with: "---\n".utf8) || head.starts(with: "---\r\n".utf8) || ext == "md" || ext == "markdown" {
            return .markdown
        }
        if ext == "eml" || looksLikeEmail(head) { return .email }
        if ext == "html" || ext == "htm" { return .html }
        return .text
    }

    /// The lower-cased last part of a name with two or more dot-separated parts, else "".
    static func fileExtension(_ fileName: String) -> String {
        let utf8 = fileName.utf8
        // A dot carrying a combining mark is no dot to Characters: only ASCII names split by bytes.
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let parts = fileName.split(separator: ".")
            return parts.count > 1 ? parts.last!.lowercased() : ""
        }
        guard let end = utf8.lastIndex(where: { $0 != UInt8(ascii: ".") }),
              let dot = utf8[..<end].lastIndex(of: UInt8(ascii: ".")),
              utf8[..<dot].contains(where: { $0 != UInt8(ascii: ".") }) else { return "" }
        return String(decoding: utf8[utf8.index(after: dot)...end].map(ASCII.lower), as: UTF8.self)
    }

    static let emailHeaders: Set<String> = ["from", "date", "subject", "mime-version", "received", "return-path",
                                            "message-id", "to", "content-type", "delivered-to", "reply-to"]

    /// RFC 822 header lines at the very start (`Name: value`), at least two, one of them a known header.
    static func looksLikeEmail(_ head: ArraySlice<UInt8>) -> Bool {
        var headerLines = 0
        var known = false
        var lineStart = head.startIndex
        while lineStart < head.endIndex, headerLines < 6 {
            var j = lineStart
            while j < head.endIndex, ASCII.isAlnum(head[j]) || head[j] == UInt8(ascii: "-") { j += 1 }
            guard j > lineStart, j - lineStart < 40, j < head.endIndex, head[j] == UInt8(ascii: ":") else { break }
            headerLines += 1
            known = known || emailHeaders.contains(String(decoding: head[lineStart..<j].map(ASCII.lower), as: UTF8.self))
            guard let newline = head[j...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
            // Folded continuation lines belong to the header above.
            while lineStart < head.endIndex, head[lineStart] == 0x20 || head[lineStart] == 0x09 {
                guard let next = head[lineStart...].firstIndex(of: 0x0A) else { break }
                lineStart = next + 1
            }
        }
        return headerLines >= 2 && known
    }
}
