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
        return document
    }

    /// The input format, from the first bytes of the content, then the extension.
    public static func detect(_ bytes: [UInt8], fileName: String) -> InputFormat {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, ASCII.isSpace(bytes[i]) { i += 1 }
        let head = bytes[i..<min(bytes.count, i + 512)]
        let lowerHead = String(decoding: head.map(ASCII.lower), as: UTF8.self)
        let ext = fileName.split(separator: ".").count > 1 ? fileName.split(separator: ".").last!.lowercased() : ""
        if head.first == UInt8(ascii: "{") { return .json }
        if lowerHead.hasPrefix("<!doctype html") || lowerHead.hasPrefix("<html") || lowerHead.hasPrefix("<?xml")
            || lowerHead.hasPrefix("<head") || lowerHead.hasPrefix("<body") || lowerHead.hasPrefix("<article")
            || lowerHead.hasPrefix("<meta") || (lowerHead.hasPrefix("<") && (ext == "html" || ext == "htm")) {
            return .html
        }
        if lowerHead.hasPrefix("---\n") || lowerHead.hasPrefix("---\r\n") || ext == "md" || ext == "markdown" { return .markdown }
        if looksLikeEmail(lowerHead) || ext == "eml" { return .email }
        if ext == "html" || ext == "htm" { return .html }
        return .text
    }

    /// RFC 822 header lines at the very start, including a `from:`, `date:`, `subject:` or MIME header.
    static func looksLikeEmail(_ head: String) -> Bool {
        let lines = head.split(separator: "\n", maxSplits: 6).prefix(6)
        var headerLines = 0
        var known = false
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), !line[..<colon].contains(" "), line[..<colon].count < 40 else { break }
            headerLines += 1
            let name = line[..<colon]
            if ["from", "date", "subject", "mime-version", "received", "return-path", "message-id", "to", "content-type"].contains(String(name)) {
                known = true
            }
        }
        return headerLines >= 2 && known
    }
}
