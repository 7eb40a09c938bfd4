import BorderwatchCore

/// Markdown with optional YAML front matter (`title`, `date`, `url`/`link`, `lang`): the body
/// loses its markup (headings, emphasis, link targets, images, code fences, quote and list markers).
enum MarkdownText {
    static func decode(_ text: String) -> Document {
        var body = Substring(text)
        var fields: [String: String] = [:]
        if let (front, rest) = frontMatter(body) {
            fields = front
            body = rest
        }
        let date = (fields["date"] ?? fields["published"] ?? fields["pubdate"]).flatMap(MetadataDate.parse)
        let title = fields["title"]
        var paragraphs: [String] = []
        if let title { paragraphs.append(title) }
        paragraphs.append(plain(body))
        return Document(text: paragraphs.joined(separator: "\n\n"), title: title,
                        url: fields["url"] ?? fields["link"] ?? fields["canonical"],
                        date: date, dateSource: date == nil ? .none : .metadata, format: .markdown,
                        language: (fields["lang"] ?? fields["language"]).map(HTMLText.languageCode) ?? "en")
    }

    /// Splits `---` front matter off the start; keys lower-cased, values unquoted.
    static func frontMatter(_ text: Substring) -> ([String: String], Substring)? {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return nil }
        var fields: [String: String] = [:]
        var rest = text[text.index(after: text.firstIndex(of: "\n")!)...]
        while let newline = rest.firstIndex(of: "\n") ?? (rest.isEmpty ? nil : rest.endIndex) {
            let line = rest[..<newline].trimmingCharacters(in: .whitespaces)
            rest = newline == rest.endIndex ? rest[rest.endIndex...] : rest[rest.index(after: newline)...]
            if line == "---" || line == "..." { return (fields, rest) }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            fields[key] = value
        }
        return nil
    }

    /// The text of a Markdown body.
    static func plain(_ body: Substring) -> String {
        var lines: [String] = []
        var inFence = false
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine.trimmingCharacters(in: .whitespaces))
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle(); lines.append(""); continue }
            if inFence { continue }
            while line.hasPrefix("#") || line.hasPrefix(">") { line = line.dropFirst() }
            line = line.drop(while: { $0 == " " })
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = line.dropFirst(2) }
            if line.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == "=" }) && !line.isEmpty { lines.append(""); continue }
            lines.append(inline(line))
        }
        return TextCleanup.paragraphs(Array(lines.joined(separator: "\n").utf8))
    }

    /// Drops images, keeps link text, removes emphasis markers and inline code ticks.
    static func inline(_ line: Substring) -> String {
        var out = ""
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "!" , line.index(after: i) < line.endIndex, line[line.index(after: i)] == "[",
               let (_, after) = link(line, at: line.index(after: i)) {
                i = after
                continue
            }
            if c == "[", let (text, after) = link(line, at: i) {
                out += inline(text)
                i = after
                continue
            }
            if c == "*" || c == "`" || (c == "_" && isBoundary(line, i)) {
                i = line.index(after: i)
                continue
            }
            out.append(c)
            i = line.index(after: i)
        }
        return out
    }

    /// `[text](target)` at `start`: the text and the index after the closing parenthesis.
    static func link(_ line: Substring, at start: Substring.Index) -> (Substring, Substring.Index)? {
        guard let close = line[start...].firstIndex(of: "]") else { return nil }
        let afterClose = line.index(after: close)
        guard afterClose < line.endIndex, line[afterClose] == "(",
              let end = line[afterClose...].firstIndex(of: ")") else { return nil }
        return (line[line.index(after: start)..<close], line.index(after: end))
    }

    /// An underscore next to a space or the line's edge is emphasis; inside a word it is text.
    static func isBoundary(_ line: Substring, _ i: Substring.Index) -> Bool {
        let before = i == line.startIndex ? " " : line[line.index(before: i)]
        let afterIndex = line.index(after: i)
        let after = afterIndex == line.endIndex ? " " : line[afterIndex]
        return !before.isLetter || !after.isLetter
    }
}
