import BorderwatchCore
import Foundation

/// Plain text, as in the seeds: an optional ` date YYYY-MM-DD <lead>` header line, then the body.
/// Stray inline tags (a pasted `<a href=...>`) are removed; a short first line without final
/// punctuation is the headline.
enum PlainText {
    static func decode(_ text: String) -> Document {
        var body = Substring(text)
        var date: Day?
        var lead: Substring?
        if let header = headerLine(body) {
            date = header.date
            lead = header.lead
            body = header.rest
        }
        let clean = body.utf8.contains(UInt8(ascii: "<")) ? stripTags(body) : String(body)
        var paragraphs: [String] = []
        if let lead, !lead.isEmpty { paragraphs.append(String(lead)) }
        paragraphs.append(clean)
        return Document(text: paragraphs.joined(separator: "\n\n"), title: headline(clean),
                        date: date, dateSource: date == nil ? .none : .header, format: .text)
    }

    /// Splits off the ` date YYYY-MM-DD lead...` first line, if the text starts with one.
    static func headerLine(_ text: Substring) -> (date: Day, lead: Substring, rest: Substring)? {
        let trimmed = text.drop(while: { $0 == " " || $0 == "\u{FEFF}" })
        guard trimmed.hasPrefix("date ") else { return nil }
        let afterKeyword = trimmed.dropFirst(5).drop(while: { $0 == " " })
        guard let day = Day(iso: afterKeyword.prefix(10)) else { return nil }
        let line = afterKeyword.dropFirst(10)
        let end = line.firstIndex(of: "\n") ?? line.endIndex
        let lead = line[line.startIndex..<end].drop(while: { $0 == " " })
        return (day, lead, line[end...].drop(while: { $0 == "\n" || $0 == "\r" }))
    }

    /// The first line, when it reads as a headline: short, on its own, without final punctuation.
    static func headline(_ body: String) -> String? {
        let utf8 = body.utf8
        guard let start = utf8.firstIndex(where: { $0 != 0x0A && $0 != 0x20 && $0 != 0x0D }),
              let end = utf8[start...].firstIndex(of: 0x0A),
              utf8.distance(from: start, to: end) <= 400 else { return nil }
        var line = body[start..<end]
        while let last = line.last, last == " " || last == "\r" { line = line.dropLast() }
        guard !line.isEmpty, line.count <= 160, line.split(separator: " ").count <= 25,
              let last = line.last, !".!?:;,\"”'’)".contains(last) else { return nil }
        return String(line)
    }

    /// Removes well-formed tags and keeps their text; line breaks stay as they are.
    static func stripTags(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: i) {
                i = tag.end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
