import BorderwatchCore
import Foundation

/// An RFC 822 message (`.eml`): `Subject` and `Date` headers, the text/plain part (else the
/// text/html part) of a possibly nested multipart body, quoted-printable or base64, UTF-8 or Latin-1.
enum EmailMessage {
    static func decode(_ bytes: [UInt8]) -> Document {
        let entity = MIMEEntity(bytes[...])
        let subject = entity.header("subject").map(EncodedWords.decode)
        let date = entity.header("date").flatMap(MetadataDate.parse)
        let url = entity.header("x-url") ?? entity.header("content-location") ?? entity.header("list-archive")
        var body = ""
        if let part = entity.bestTextPart() {
            let text = part.decodedText()
            body = part.contentType.hasPrefix("text/html") ? HTMLText.visibleText(text)
                : TextCleanup.paragraphs(Array(text.utf8))
        }
        var paragraphs: [String] = []
        if let subject { paragraphs.append(subject) }
        paragraphs.append(body)
        return Document(text: paragraphs.joined(separator: "\n\n"), title: subject, url: url, date: date,
                        dateSource: date == nil ? .none : .metadata, format: .email)
    }
}

/// One MIME entity: headers and body, with multipart children.
struct MIMEEntity {
    var headers: [(name: String, value: String)] = []
    var body: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        var i = bytes.startIndex
        var lines: [String] = []
        // Headers end at the first empty line.
        while i < bytes.endIndex {
            var end = i
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var line = bytes[i..<end]
            if line.last == 0x0D { line = line.dropLast() }
            i = end < bytes.endIndex ? end + 1 : end
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if let first = line.first, first == 0x20 || first == 0x09, !lines.isEmpty {
                lines[lines.count - 1] += " " + text.trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(text)
            }
        }
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        body = bytes[i...]
    }

    func header(_ name: String) -> String? { headers.first(where: { $0.name == name })?.value }

    var contentType: String {
        (header("content-type") ?? "text/plain").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "text/plain"
    }

    /// A parameter of the Content-Type header, such as `boundary` or `charset`.
    func contentTypeParameter(_ name: String) -> String? {
        guard let value = header("content-type") else { return nil }
        for part in value.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        }
        return nil
    }

    /// The children of a multipart entity.
    var parts: [MIMEEntity] {
        guard contentType.hasPrefix("multipart/"), let boundary = contentTypeParameter("boundary") else { return [] }
        let delimiter = Array(("--" + boundary).utf8)
        var result: [MIMEEntity] = []
        var starts: [Int] = []
        var i = body.startIndex
        while i + delimiter.count <= body.endIndex {
            if (i == body.startIndex || body[i - 1] == 0x0A), body[i..<(i + delimiter.count)].elementsEqual(delimiter) {
                starts.append(i)
                i += delimiter.count
            } else {
                i += 1
            }
        }
        for (k, start) in starts.enumerated() {
            var contentStart = start + delimiter.count
            if contentStart + 1 < body.endIndex, body[contentStart] == UInt8(ascii: "-"), body[contentStart + 1] == UInt8(ascii: "-") { break }
            while contentStart < body.endIndex, body[contentStart] != 0x0A { contentStart += 1 }
            contentStart = min(contentStart + 1, body.endIndex)
            let end = k + 1 < starts.count ? starts[k + 1] : body.endIndex
            if contentStart < end { result.append(MIMEEntity(body[contentStart..<end])) }
        }
        return result
    }

    /// text/plain anywhere in the tree first, else text/html.
    func bestTextPart() -> MIMEEntity? {
        if !contentType.hasPrefix("multipart/") {
            return contentType.hasPrefix("text/") ? self : nil
        }
        let leaves = parts.compactMap { $0.bestTextPart() }
        return leaves.first(where: { $0.contentType == "text/plain" }) ?? leaves.first
    }

    /// The body with its transfer encoding and charset undone.
    func decodedText() -> String {
        let encoding = (header("content-transfer-encoding") ?? "").lowercased()
        var raw = Array(body)
        if encoding == "quoted-printable" {
            raw = QuotedPrintable.decode(raw[...], underscoreIsSpace: false)
        } else if encoding == "base64" {
            let compact = raw.filter { !ASCII.isSpace($0) }
            raw = Data(base64Encoded: Data(compact), options: .ignoreUnknownCharacters).map(Array.init) ?? raw
        }
        return Charsets.decode(raw, charset: contentTypeParameter("charset"))
    }
}

enum QuotedPrintable {
    static func decode(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "=") {
                if i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < bytes.endIndex, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < bytes.endIndex, let h = ASCII.hexValue(bytes[i + 1]), let l = ASCII.hexValue(bytes[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    continue
                }
            }
            out.append(underscoreIsSpace && b == UInt8(ascii: "_") ? 0x20 : b)
            i += 1
        }
        return out
    }
}

enum Charsets {
    /// Windows-1252's bytes 0x80–0x9F (curly quotes, dashes, euro sign); Latin-1 has controls there.
    static let windows1252: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
    ]

    /// UTF-8 (invalid sequences become U+FFFD), or Latin-1 / Windows-1252 when declared.
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        switch charset?.lowercased() {
        case "iso-8859-1", "latin1", "latin-1", "iso-8859-15":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "windows-1252", "cp1252":
            return String(String.UnicodeScalarView(bytes.map { byte in
                (0x80...0x9F).contains(byte) ? windows1252[Int(byte) - 0x80] : Unicode.Scalar(byte)
            }))
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// RFC 2047 encoded words in headers: `=?utf-8?q?Record_287?=`, `=?UTF-8?B?...?=`.
enum EncodedWords {
    static func decode(_ header: String) -> String {
        var result = ""
        var rest = Substring(header)
        var lastWasEncoded = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            guard let decoded = word(rest[start.lowerBound...]) else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                lastWasEncoded = false
                continue
            }
            // Whitespace between two encoded words is dropped.
            if !(lastWasEncoded && between.allSatisfy({ $0 == " " || $0 == "\t" })) { result += between }
            result += decoded.text
            rest = decoded.rest
            lastWasEncoded = true
        }
        return result + rest
    }

    static func word(_ text: Substring) -> (text: String, rest: Substring)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
        let charset = String(parts[0]), encoding = parts[1].lowercased(), payload = Array(parts[2].utf8)
        let bytes: [UInt8]
        if encoding == "q" {
            bytes = QuotedPrintable.decode(payload[...], underscoreIsSpace: true)
        } else if encoding == "b", let data = Data(base64Encoded: Data(payload)) {
            bytes = Array(data)
        } else {
            return nil
        }
        return (Charsets.decode(bytes, charset: charset), parts[3].dropFirst())
    }
}
