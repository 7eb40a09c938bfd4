/// Splits a token stream into sentences: at line breaks, and at `.`, `!`, `?` followed by a
/// capital, a figure or a quote, unless the dot ends an abbreviation ("Aug.", "Mr.", "No.").
enum Sentences {
    static func split(_ tokens: [Token], abbreviations: PhraseTable) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        func close(_ end: Int) {
            if end > start { ranges.append(start..<end) }
            start = end
        }
        while i < tokens.count {
            let token = tokens[i]
            if token.kind == .newline {
                close(i)
                start = i + 1
            } else if token.kind == .punct, token.text == "." || token.text == "!" || token.text == "?" {
                var next = i + 1
                while next < tokens.count, tokens[next].kind == .punct, tokens[next].text == "\"" || tokens[next].text == "'" || tokens[next].text == ")" { next += 1 }
                let previous = i > 0 ? tokens[i - 1] : nil
                let isAbbreviation = token.text == "." && previous.map { $0.kind == .word && abbreviations[$0.text] != nil } ?? false
                if next >= tokens.count {
                    close(next)
                    i = next
                    continue
                }
                let following = tokens[next]
                let startsSentence = following.kind == .newline || following.capitalized || following.kind == .number
                    || following.kind == .punct && (following.text == "\"" || following.text == "-")
                if startsSentence && !isAbbreviation {
                    close(next)
                    i = next
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return ranges.filter { range in range.contains { tokens[$0].kind != .punct } }
    }
}
