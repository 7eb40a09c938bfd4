import BorderwatchCore

/// A news agency dateline at the start of a paragraph: `VILNIUS (AP) —`,
/// `VILNIUS (UrduPoint News / Sputnik - 02nd August, 2021)`, `RIGA, August 13. /TASS/.`,
/// `LONDON, Nov 12 (Reuters) -`, `BRUSSELS –`, `COPENHAGEN, Denmark (AP) —`.
public struct Dateline: Hashable, Sendable {
    /// The city as written, in capitals.
    public var city: String
    /// The date the dateline gives, when it gives one; a date without a year takes the
    /// latest such day on or before `reference`.
    public var date: Day?
    /// How many characters of its paragraph the dateline takes, with the dash after it.
    public var length: Int

    /// Looks for a dateline in the first paragraphs of `text`; returns it with the text that
    /// remains once the dateline is cut from its paragraph (a dateline is metadata, not prose).
    public static func find(in text: String, reference: Day?, lexicon: Lexicon = .english) -> (Dateline, String)? {
        var text = text
        let found = text.withUTF8 { bytes -> (Dateline, cut: Range<Int>)? in
            let characters = UTF8Characters(bytes: bytes)
            // Only the first few lines can hold a dateline, and only one that opens with capitals.
            var lineStart = 0
            var lines = 0
            while lineStart < bytes.count, lines < 4 {
                let lineEnd = characters.firstIndex(of: 0x0A, from: lineStart, to: bytes.count) ?? bytes.count
                if lineEnd > lineStart {
                    lines += 1
                    if let dateline = parse(characters, lineStart..<lineEnd, titleCase: !opensWithCapitals(bytes[lineStart..<lineEnd]),
                                            reference: reference, lexicon: lexicon) {
                        return (dateline, lineStart..<characters.index(lineStart, offsetBy: dateline.length, limit: lineEnd))
                    }
                }
                lineStart = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            }
            return nil
        }
        guard let (dateline, cut) = found else { return nil }
        let utf8 = text.utf8
        return (dateline, String(text[..<utf8.index(utf8.startIndex, offsetBy: cut.lowerBound)])
                    + text[utf8.index(utf8.startIndex, offsetBy: cut.upperBound)...])
    }

    /// Two capital letters (or non-ASCII letters, as in `ŁÓDŹ`) at the start of a line (`EL PASO`).
    static func opensWithCapitals(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var count = 0
        for byte in line.prefix(2) where (byte >= 65 && byte <= 90) || byte >= 0x80 { count += 1 }
        return count == 2
    }

    /// Parses a dateline at the start of the paragraph `paragraph` (byte offsets into `text`).
    /// A city in title case (`Sofia, September 12 (BTA) -`, `Warsaw, 4 October 2023 (AFP) -`)
    /// counts only with a comma, a date opening the head and an agency in parentheses.
    static func parse(_ text: UTF8Characters, _ paragraph: Range<Int>, titleCase: Bool = false, reference: Day?,
                      lexicon: Lexicon = .english) -> Dateline? {
        guard let city = cityEnd(text, paragraph, titleCase: titleCase) else { return nil }
        if titleCase {
            guard city + 2 < paragraph.upperBound, text.bytes[city] == UInt8(ascii: ","), text.bytes[city + 1] == 0x20,
                  isDateStart(text, city + 2, paragraph.upperBound, lexicon: lexicon) else { return nil }
        }
        // What follows the city up to the dash or the agency: at most ~80 characters.
        let restEnd = text.index(city, offsetBy: 90, limit: paragraph.upperBound)
        var first = city
        while first < restEnd, text.isASCII(0x20, first, text.characterEnd(from: first, limit: restEnd)) { first += 1 }
        guard first < restEnd, isMarkerStart(text, first, text.characterEnd(from: first, limit: restEnd)),
              let end = markerEnd(text, from: city, limit: restEnd) else { return nil }
        // The spaces, dots, dashes and colons after the marker go with it.
        var after = end
        while after < restEnd {
            let next = text.characterEnd(from: after, limit: restEnd)
            guard isDash(text, after, next) || (next == after + 1 && " .-:".utf8.contains(text.bytes[after])) else { break }
            after = next
        }
        let head = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[city..<end]), as: UTF8.self)
        let date = date(in: head, reference: reference, lexicon: lexicon)
        if titleCase, date == nil || text.bytes[end - 1] != UInt8(ascii: ")") { return nil }
        return Dateline(city: String(decoding: UnsafeBufferPointer(rebasing: text.bytes[paragraph.lowerBound..<city]), as: UTF8.self),
                        date: date,
                        length: text.count(paragraph.lowerBound, after))
    }

    /// The end of the city at the paragraph's start: one to three words in capitals (letters,
    /// spaces, dots, hyphens, apostrophes), at least three letters, none of them lower-case; with
    /// `titleCase`, words that each open with a capital (`Svilengrad`, `Las Palmas`).
    static func cityEnd(_ text: UTF8Characters, _ paragraph: Range<Int>, titleCase: Bool = false) -> Int? {
        var end = paragraph.lowerBound
        var letters = 0
        var lowercase = false
        var wordStart = true
        var i = paragraph.lowerBound
        while i < paragraph.upperBound {
            let next = text.characterEnd(from: i, limit: paragraph.upperBound)
            if next == i + 1 {
                let byte = text.bytes[i]
                if byte >= 65 && byte <= 90 {
                    letters += 1
                    end = next
                } else if titleCase, byte >= 97 && byte <= 122 {
                    if wordStart { return nil }
                    letters += 1
                    end = next
                } else if !" .-'".utf8.contains(byte) {
                    break
                }
                wordStart = byte == 0x20
            } else {
                let character = text.character(i, next)
                guard character.isUppercase || titleCase && !wordStart && character.isLetter else { break }
                lowercase = lowercase || character.isLowercase && !titleCase
                letters += 1
                end = next
                wordStart = false
            }
            i = next
        }
        guard letters >= 3, !lowercase else { return nil }
        // Inside the city every space byte is a space character.
        let words = text.bytes[paragraph.lowerBound..<end].split(separator: 0x20)
        return words.count <= 3 ? end : nil
    }

    /// A month name or a day number at `start`, as in `September 12` or `4 October 2023`.
    static func isDateStart(_ text: UTF8Characters, _ start: Int, _ limit: Int, lexicon: Lexicon) -> Bool {
        var end = start
        while end < limit, end - start < 12, text.bytes[end] != 0x20, text.bytes[end] != UInt8(ascii: ",") { end += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[start..<end]), as: UTF8.self)
        if let day = Int(word) { return (1...31).contains(day) }
        return MetadataDate.ordinalDay(word[...]) != nil || lexicon.month(named: word) != nil
    }

    /// `,` `(` `–` `—` `-` `/`: what may come first after the city.
    static func isMarkerStart(_ text: UTF8Characters, _ start: Int, _ end: Int) -> Bool {
        isDash(text, start, end) || (end == start + 1 && ",(-/".utf8.contains(text.bytes[start]))
    }

    /// Whether the character `start..<end` is an en or em dash.
    static func isDash(_ text: UTF8Characters, _ start: Int, _ end: Int) -> Bool {
        end == start + 3 && text.bytes[start] == 0xE2 && text.bytes[start + 1] == 0x80
            && (text.bytes[start + 2] == 0x93 || text.bytes[start + 2] == 0x94)
    }

    /// Where the dateline ends: an agency in parentheses, a dash, or a `/AGENCY/.` marker.
    static func markerEnd(_ text: UTF8Characters, from start: Int, limit: Int) -> Int? {
        var depth = 0
        var afterSpace = false
        var i = start
        while i < limit {
            let next = text.characterEnd(from: i, limit: limit)
            if depth == 0, isDash(text, i, next) { return i }
            if next == i + 1 {
                switch text.bytes[i] {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return next }
                case UInt8(ascii: "-"):
                    if depth == 0, afterSpace { return i }
                case UInt8(ascii: "/"):
                    // `/TASS/.`: the agency between two slashes.
                    if depth == 0 { return slashEnd(text, from: next, limit: limit) ?? next }
                default: break
                }
            }
            afterSpace = text.isASCII(0x20, i, next)
            i = next
        }
        return nil
    }

    /// The end of the first `/` character from `start`.
    static func slashEnd(_ text: UTF8Characters, from start: Int, limit: Int) -> Int? {
        var i = start
        while i < limit {
            let next = text.characterEnd(from: i, limit: limit)
            if text.isASCII(UInt8(ascii: "/"), i, next) { return next }
            i = next
        }
        return nil
    }

    /// The date inside a dateline's head, if it names a month and a day.
    static func date(in head: String, reference: Day?, lexicon: Lexicon) -> Day? {
        var day: Int?
        var month: Int?
        var year: Int?
        for word in MetadataDate.words(head) {
            if let number = Int(word) {
                if number >= 1000, number <= 9999 { year = year ?? number }
                else if (1...31).contains(number), day == nil { day = number }
            } else if let ordinal = MetadataDate.ordinalDay(word), day == nil {
                day = ordinal
            } else if month == nil, let m = lexicon.month(named: word) {
                month = m
            }
        }
        guard let day, let month else { return nil }
        if let year { return Day(year: year, month: month, day: day) }
        guard let reference else { return nil }
        if let sameYear = Day(year: reference.year, month: month, day: day), sameYear <= reference { return sameYear }
        return Day(year: reference.year - 1, month: month, day: day)
    }
}
