/// Splits a token stream into sentences: at line breaks (not inside a line wrapped before a
/// lower-case word), and at `.`, `!`, `?` followed by a
/// capital, a figure or a quote, unless the dot ends an abbreviation ("Aug.", "Mr.", "No.").
/// A run longer than `maxLength` tokens is cut into pieces (see `bounded`).
enum Sentences {
    /// The longest sentence the engine reads whole. News sentences stay well under 100 tokens;
    /// a table or a list without full stops would otherwise make one sentence of a whole file,
    /// and reading a sentence costs more than linear time in its length.
    static let maxLength = 150

    /// `dayMonths`: in a language that writes a day with a dot ("1. März", "10. augusta"), its
    /// month names, so that the day's dot before a month ends no sentence.
    static func split(_ tokens: [Token], words: [String], abbreviations: PhraseTable,
                      dayMonths: WordTable? = nil, ids: [Int32] = []) -> [Range<Int>] {
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
                // a line wrapped inside a sentence (e-mail, fixed-width text): "... on Friday\nnight"
                let wrapped = i > start && i + 1 < tokens.count && tokens[i + 1].kind == .word && !tokens[i + 1].capitalized
                    && (tokens[i - 1].kind == .word || words[i - 1] == ",")
                if !wrapped {
                    close(i)
                    start = i + 1
                }
            } else if token.kind == .word, i + 1 < tokens.count, tokens[i + 1].capitalized, words[i].utf8.last == 0x2E,
                      opensSentence(words[i + 1]) {
                // "... crossing into the U.S. The agency said": the initialism's dot ends the sentence too
                close(i + 1)
            } else if token.kind == .punct, words[i] == "." || words[i] == "!" || words[i] == "?" {
                var next = i + 1
                while next < tokens.count, tokens[next].kind == .punct, words[next] == "\"" || words[next] == "'" || words[next] == ")" { next += 1 }
                let isAbbreviation = words[i] == "." && i > 0 && tokens[i - 1].kind == .word && abbreviations[words[i - 1]] != nil
                // "Seit dem 1. März": a day's dot
                if let dayMonths, words[i] == ".", i > 0, i + 1 < tokens.count, tokens[i - 1].kind == .number,
                   tokens[i - 1].digits <= 2, !tokens[i - 1].separated, dayMonths.contains(id: ids[i + 1]) {
                    i += 1
                    continue
                }
                if next >= tokens.count {
                    close(next)
                    i = next
                    continue
                }
                let following = tokens[next]
                let startsSentence = following.kind == .newline || following.capitalized || following.kind == .number
                    || following.kind == .punct && (words[next] == "\"" || words[next] == "-")
                // "... on 4 Sept. Some 300 people": a common sentence opener ends it even after an abbreviation
                if startsSentence && (!isAbbreviation || following.capitalized && opensSentence(words[next])) {
                    close(next)
                    i = next
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return ranges.filter { range in range.contains { tokens[$0].kind != .punct } }
            .flatMap { bounded($0, tokens: tokens, words: words) }
    }

    /// `range` in pieces of at most `maxLength` tokens, each ending after the last `,`, `;` or `:`
    /// in its second half, else at the limit.
    static func bounded(_ range: Range<Int>, tokens: [Token], words: [String]) -> [Range<Int>] {
        guard range.count > maxLength else { return [range] }
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > maxLength {
            let limit = start + maxLength
            var cut = limit
            for i in stride(from: limit - 1, through: start + maxLength / 2, by: -1)
            where tokens[i].kind == .punct && (words[i] == "," || words[i] == ";" || words[i] == ":") {
                cut = i + 1
                break
            }
            pieces.append(start..<cut)
            start = cut
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// Capitalised words that start a new sentence rather than continue a name ("U.S. Border Patrol").
    static func opensSentence(_ word: String) -> Bool {
        switch word {
        case "the", "a", "an", "he", "she", "it", "they", "we", "in", "on", "at", "but", "this", "that", "there",
             "since", "last", "so", "according", "officials", "authorities", "more", "some", "about":
            return true
        default:
            return false
        }
    }
}
