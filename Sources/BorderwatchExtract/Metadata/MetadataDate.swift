import BorderwatchCore
import Foundation

/// Dates as formats state them: ISO 8601 (`2021-08-03T10:00:00+03:00`), RFC 2822
/// (`Tue, 3 Aug 2021 10:00:00 +0000`), and written dates (`August 3, 2021`, `3 August 2021`).
enum MetadataDate {
    /// The calendar day as written (the publisher's local date, not converted to UTC).
    static func parse(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: trimmed.prefix(10)) { return day }
        return written(trimmed, lexicon: .english)
    }

    /// A day, a month name and a year in either order, ignoring weekday names and times.
    static func written(_ text: String, lexicon: Lexicon) -> Day? {
        var day: Int?
        var month: Int?
        var year: Int?
        for word in words(text) {
            if let number = Int(word) {
                if number >= 1000, number <= 9999 { year = year ?? number }
                else if (1...31).contains(number), day == nil { day = number }
            } else if let ordinal = ordinalDay(word), day == nil {
                day = ordinal
            } else if month == nil, let m = lexicon.month(named: word) {
                month = m
            }
        }
        guard let day, let month, let year else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// "02nd" → 2, "3rd" → 3.
    static func ordinalDay(_ word: Substring) -> Int? {
        // Only a number can be one: spare the lower-casing of every other word.
        guard let first = word.utf8.first, ASCII.isDigit(first) || first == UInt8(ascii: "+") else { return nil }
        let lower = word.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
            if let n = Int(lower.dropLast(2)), (1...31).contains(n) { return n }
        }
        return nil
    }

    /// The runs of letters, digits and dots, each without one final dot; empty ones left out.
    static func words(_ text: String) -> [Substring] {
        var text = text
        let ranges = text.withUTF8 { bytes in
            let characters = UTF8Characters(bytes: bytes)
            var ranges: [Range<Int>] = []
            var word: Range<Int>?
            var endsWithDot = false
            func closeWord() {
                if let word, case let end = word.upperBound - (endsWithDot ? 1 : 0), end > word.lowerBound {
                    ranges.append(word.lowerBound..<end)
                }
                word = nil
            }
            var i = 0
            while i < bytes.count {
                let next = characters.characterEnd(from: i, limit: bytes.count)
                if isWordCharacter(characters, i, next) {
                    word = (word?.lowerBound ?? i)..<next
                    endsWithDot = characters.isASCII(UInt8(ascii: "."), i, next)
                } else {
                    closeWord()
                }
                i = next
            }
            closeWord()
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// A letter, a digit or a dot (a character's first scalar decides, as for `Character.isLetter`).
    static func isWordCharacter(_ text: UTF8Characters, _ start: Int, _ end: Int) -> Bool {
        guard end > start + 1 else {
            let byte = text.bytes[start]
            return ASCII.isAlnum(byte) || byte == UInt8(ascii: ".")
        }
        let character = text.character(start, end)
        return character.isLetter || character.isNumber
    }
}
