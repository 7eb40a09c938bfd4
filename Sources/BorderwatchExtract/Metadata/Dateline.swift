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
        // Only the first few lines can hold a dateline, and only one that opens with capitals.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lines = 0
        while lineStart < utf8.endIndex, lines < 4 {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            if lineEnd > lineStart {
                lines += 1
                if opensWithCapitals(utf8[lineStart..<lineEnd]) {
                    let paragraph = text[lineStart..<lineEnd]
                    if let dateline = parse(paragraph, reference: reference, lexicon: lexicon) {
                        let cut = paragraph.index(paragraph.startIndex, offsetBy: dateline.length)
                        return (dateline, String(text[..<lineStart]) + String(text[cut...]))
                    }
                }
            }
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return nil
    }

    /// Two capital letters (or non-ASCII letters, as in `ŁÓDŹ`) at the start of a line (`EL PASO`).
    static func opensWithCapitals(_ line: Substring.UTF8View.SubSequence) -> Bool {
        var count = 0
        for byte in line.prefix(2) where (byte >= 65 && byte <= 90) || byte >= 0x80 { count += 1 }
        return count == 2
    }

    /// Parses a dateline at the start of one paragraph.
    public static func parse(_ paragraph: Substring, reference: Day?, lexicon: Lexicon = .english) -> Dateline? {
        // The city: one to three words in capitals (letters, spaces, dots, hyphens, apostrophes).
        var cityEnd = paragraph.startIndex
        var letters = 0
        for index in paragraph.indices {
            let c = paragraph[index]
            if c.isUppercase { letters += 1; cityEnd = paragraph.index(after: index); continue }
            if c == " " || c == "." || c == "-" || c == "'" { continue }
            break
        }
        guard letters >= 3 else { return nil }
        let city = paragraph[..<cityEnd].trimmingCharacters(in: .whitespaces)
        guard city.split(separator: " ").count <= 3, city.contains(where: { $0.isLowercase }) == false else { return nil }
        // What follows the city up to the dash or the agency: at most ~80 characters.
        let rest = paragraph[cityEnd...].prefix(90)
        guard let first = rest.first(where: { $0 != " " }), ",(–—-/".contains(first) else { return nil }
        guard let end = markerEnd(rest) else { return nil }
        let head = String(rest[..<end])
        let after = rest[end...].prefix(while: { " .–—-:".contains($0) })
        return Dateline(city: city, date: date(in: head, reference: reference, lexicon: lexicon),
                        length: paragraph.distance(from: paragraph.startIndex, to: after.endIndex))
    }

    /// Where the dateline ends: an agency in parentheses, a dash, or a `/AGENCY/.` marker.
    static func markerEnd(_ text: Substring) -> Substring.Index? {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return text.index(after: index) }
            case "–", "—":
                if depth == 0 { return index }
            case "-":
                if depth == 0, index > text.startIndex, text[text.index(before: index)] == " " { return index }
            case "/":
                // `/TASS/.`: the agency between two slashes.
                if depth == 0 {
                    let next = text.index(after: index)
                    return text[next...].firstIndex(of: "/").map { text.index(after: $0) } ?? next
                }
            default: break
            }
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
