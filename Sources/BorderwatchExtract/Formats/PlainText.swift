import BorderwatchCore

/// Plain text, as in the seeds: an optional ` date YYYY-MM-DD <lead>` header line, then the body.
/// Stray inline tags (a pasted `<a href=...>`) are removed; a short first line without final
/// punctuation is the headline.
///
/// Works on the UTF-8 bytes; rules that compare characters step by `Character`s (`UTF8Characters`).
enum PlainText {
    static func decode(_ text: String) -> Document {
        var text = text
        return text.withUTF8 { bytes in
            let characters = UTF8Characters(bytes: bytes)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            var bodyStart = 0
            var date: Day?
            if let header = headerLine(characters) {
                date = header.date
                bodyStart = header.bodyStart
                if !header.lead.isEmpty {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[header.lead]))
                    out.append(contentsOf: [0x0A, 0x0A])
                }
            }
            let cleanStart = out.count
            appendWithoutTags(UnsafeBufferPointer(rebasing: bytes[bodyStart...]), to: &out)
            let title = out.withUnsafeBufferPointer { all in
                headline(UTF8Characters(bytes: UnsafeBufferPointer(rebasing: all[cleanStart...])))
            }
            return Document(text: String(decoding: out, as: UTF8.self), title: title,
                            date: date, dateSource: date == nil ? .none : .header, format: .text)
        }
    }

    /// The ` date YYYY-MM-DD lead...` first line, if the text starts with one: its date, the
    /// lead's bytes and where the body starts (past the line's end and any blank lines).
    static func headerLine(_ text: UTF8Characters) -> (date: Day, lead: Range<Int>, bodyStart: Int)? {
        let bytes = text.bytes
        var i = 0
        // Spaces and byte order marks (a space carrying a combining mark is no space).
        while i < bytes.count {
            if bytes[i] == 0x20, text.characterEnd(from: i, limit: bytes.count) == i + 1 { i += 1 }
            else if bytes[i...].starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
            else { break }
        }
        guard bytes[i...].starts(with: "date ".utf8), text.characterEnd(from: i + 4, limit: bytes.count) == i + 5 else { return nil }
        i = skipSpaces(text, from: i + 5, limit: bytes.count)
        // Ten characters: ten ASCII bytes, the last not carrying a combining mark.
        let dateEnd = i + 10
        guard dateEnd <= bytes.count,
              let day = Day(iso: String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<dateEnd]), as: UTF8.self)),
              text.characterEnd(from: dateEnd - 1, limit: bytes.count) == dateEnd else { return nil }
        // The line ends at its line feed; the CR of a CR LF file is no part of the lead.
        var end = dateEnd
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let leadEnd = end > dateEnd && bytes[end - 1] == 0x0D ? end - 1 : end
        let leadStart = skipSpaces(text, from: dateEnd, limit: leadEnd)
        // Blank lines after it, in LF or CR LF files.
        var bodyStart = end
        while bodyStart < bytes.count, bytes[bodyStart] == 0x0A || bytes[bodyStart] == 0x0D { bodyStart += 1 }
        return (day, leadStart..<leadEnd, bodyStart)
    }

    /// The index past the space characters from `start`.
    static func skipSpaces(_ text: UTF8Characters, from start: Int, limit: Int) -> Int {
        var i = start
        while i < limit, text.bytes[i] == 0x20, text.characterEnd(from: i, limit: limit) == i + 1 { i += 1 }
        return i
    }

    /// The first line, when it reads as a headline: short, on its own, without final punctuation.
    static func headline(_ body: UTF8Characters) -> String? {
        let bytes = body.bytes
        guard let start = bytes.firstIndex(where: { $0 != 0x0A && $0 != 0x20 && $0 != 0x0D }),
              let end = body.firstIndex(of: 0x0A, from: start, to: min(bytes.count, start + 401)) else { return nil }
        // Count characters and space-separated words up to the last character that is no space or CR.
        var characters = 0, words = 0
        var kept = (characters: 0, words: 0, last: start..<start)
        var i = start
        var afterSpace = true
        while i < end {
            let next = body.characterEnd(from: i, limit: end)
            characters += 1
            let isSpace = body.isASCII(0x20, i, next)
            if !isSpace, afterSpace { words += 1 }
            afterSpace = isSpace
            if !isSpace, !body.isASCII(0x0D, i, next) {
                kept = (characters, words, i..<next)
                if characters > 160 || words > 25 { return nil }
            }
            i = next
        }
        guard kept.characters > 0, !endsSentence(body, kept.last) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<kept.last.upperBound]), as: UTF8.self)
    }

    /// Whether the character `range` is final punctuation or a closing quote or parenthesis.
    static func endsSentence(_ text: UTF8Characters, _ range: Range<Int>) -> Bool {
        if range.count == 1 { return ".!?:;,\"')".utf8.contains(text.bytes[range.lowerBound]) }
        return ".!?:;,\"”'’)".contains(text.character(range.lowerBound, range.upperBound))
    }

    /// Appends `text` without its well-formed tags, keeping their text; line breaks stay as they are.
    static func appendWithoutTags(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard UTF8Characters(bytes: text).firstIndex(of: UInt8(ascii: "<"), from: 0, to: text.count) != nil else {
            out.append(contentsOf: text)
            return
        }
        let bytes = Array(text)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), let tag = Tag.parse(bytes, at: i) {
                i = tag.end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
    }
}
