import BorderwatchCore
import Foundation

/// A publication date on a line of its own near the top of a scraped page, for text that
/// carries no other: `Published: 14 November 2023`, `Updated 3:45 PM GMT, November 14, 2023`,
/// `By Jane Doe | Nov. 14, 2023`, `Tuesday 14 November 2023 10.45 GMT`, `2023-11-14`.
///
/// Only short lines among the first six count, and only when they are little more than a date:
/// a marker word first (published, updated, by ...) and at most four other words, or no marker
/// and at most one. "Published" and "posted" beat "updated" when the page gives both.
enum BylineDate {
    static let markers: Set<String> = ["published", "posted", "updated", "by", "date", "dated", "first", "last", "modified"]
    /// Words of a time of day, a time zone, or the separators bylines use.
    static let timeWords: Set<String> = ["am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "est", "edt",
                                         "et", "pst", "pdt", "eet", "eest", "on", "at", "and"]

    /// The date and the text without its line.
    static func find(in text: String, lexicon: Lexicon = .english) -> (Day, String)? {
        var found: (day: Day, line: Range<String.Index>, published: Bool)?
        var lines = 0
        var start = text.startIndex
        while start < text.endIndex, lines < 6 {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[start..<end]
            if line.contains(where: { !$0.isWhitespace }) {
                lines += 1
                if line.utf8.count <= 120, let (day, published) = date(on: line, lexicon: lexicon),
                   found == nil || published && found?.published == false {
                    found = (day, start..<end, published)
                }
            }
            start = end < text.endIndex ? text.index(after: end) : end
        }
        guard let found else { return nil }
        return (found.day, String(text[..<found.line.lowerBound]) + text[found.line.upperBound...])
    }

    /// The day a byline line gives, and whether it says the day of publication.
    static func date(on line: Substring, lexicon: Lexicon) -> (Day, published: Bool)? {
        // "Updated 15.11.2023, published 14.11.2023": the date after "published"
        let lower = line.lowercased()
        for marker in ["published", "posted"] {
            if let found = lower.range(of: marker), found.lowerBound != lower.startIndex,
               case let offset = lower.distance(from: lower.startIndex, to: found.lowerBound),
               let start = line.index(line.startIndex, offsetBy: offset, limitedBy: line.endIndex),
               let result = date(on: line[start...], lexicon: lexicon) {
                return result
            }
        }
        // times of day ("3:45", "10.45") are no days of the month
        let kept = line.split(whereSeparator: \.isWhitespace).filter { token in
            !token.contains(":") && !(token.count <= 5 && token.contains(".") && token.allSatisfy { $0.isNumber || $0 == "." }
                                      && token.split(separator: ".").count == 2)
        }
        let words = MetadataDate.words(kept.joined(separator: " "))
        guard let first = words.first?.lowercased() else { return nil }
        let marked = markers.contains(first)
        var others = 0
        for word in words {
            let lower = word.lowercased()
            if word.first?.isNumber == true || markers.contains(lower) || timeWords.contains(lower)
                || lexicon.month(named: word) != nil || lexicon.weekday(named: word) != nil { continue }
            others += 1
        }
        guard others <= (marked ? 4 : 1) else { return nil }
        let published = first == "published" || first == "posted"
        if let day = MetadataDate.written(kept.joined(separator: " "), lexicon: lexicon) { return (day, published) }
        // "2023-11-14", "14.11.2023"
        for token in kept {
            let word = token.trimmingCharacters(in: .punctuationCharacters)
            if let day = Day(iso: word.prefix(10)) { return (day, published) }
            let parts = word.split(separator: ".")
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
               let day = Day(year: y, month: m, day: d) {
                return (day, published)
            }
        }
        return nil
    }
}
