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
        let lower = word.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
            if let n = Int(lower.dropLast(2)), (1...31).contains(n) { return n }
        }
        return nil
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ".") })
            .map { $0.hasSuffix(".") ? $0.dropLast() : $0 }
            .filter { !$0.isEmpty }
    }
}
