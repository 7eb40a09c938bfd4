import BorderwatchCore

/// Plain text, as in the seeds: an optional ` date YYYY-MM-DD <lead>` header line, then the body.
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
        var paragraphs: [Substring] = []
        if let lead, !lead.isEmpty { paragraphs.append(lead) }
        paragraphs.append(body)
        return Document(text: paragraphs.joined(separator: "\n\n"),
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
}
