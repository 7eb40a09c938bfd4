/// Splits an article's UTF-8 bytes into tokens in one pass, without Foundation.
enum Tokenizer {
    /// The tokens of `bytes`, with their ids in `index` (the engine's `Vocabulary.index`).
    static func tokenize(_ bytes: [UInt8], index: WordIndex = WordIndex()) -> TokenList {
        bytes.withUnsafeBufferPointer { tokenize($0, index: index) }
    }

    /// The byte scanners read through an unsafe buffer: no bounds check per byte in the hot loop.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, index: WordIndex) -> TokenList {
        var tokens = TokenList(capacity: bytes.count / 4, index: index)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                if tokens.tokens.last?.kind != .newline {
                    tokens.append(Token(kind: .newline, start: i, end: i + 1), "\n")
                }
                i += 1
            } else if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if let width = spaceWidth(bytes, i) {
                i += width
            } else if isDigit(b) {
                i = readFigure(bytes, i, into: &tokens)
            } else if isLetter(bytes, i) {
                i = readWord(bytes, i, into: &tokens)
            } else {
                i = readPunct(bytes, i, into: &tokens)
            }
        }
        return tokens
    }

    // MARK: characters

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// A letter: ASCII letters and any non-ASCII character that is not a known space, dash or quote.
    static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) }
        return spaceWidth(bytes, i) == nil && punctWidth(bytes, i) == nil
    }

    /// No-break (U+00A0), thin (U+2009), narrow no-break (U+202F) and other Unicode spaces.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { return 2 }
        if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
           (0x80...0x8B).contains(bytes[i + 2]) || bytes[i + 2] == 0xAF { return 3 }
        if bytes[i] == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
        return nil
    }

    /// Unicode dashes, quotes, ellipsis and bullets, with the ASCII mark they stand for.
    static func punctWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, String)? {
        guard bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB { return (2, "\"") }
            if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC { return (3, "€") }
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA3 { return (2, "£") }
            return nil
        }
        switch bytes[i + 2] {
        case 0x90...0x95: return (3, "-")
        case 0x98, 0x99, 0x9B: return (3, "'")
        case 0x9C, 0x9D, 0x9E, 0x9F: return (3, "\"")
        case 0xA2, 0xA6: return (3, "-")
        default: return nil
        }
    }

    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i < bytes.count && (bytes[i] == 0x20 || spaceWidth(bytes, i) != nil)
    }

    // MARK: words

    static func readWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, into tokens: inout TokenList) -> Int {
        var i = start
        let n = bytes.count
        var possessive = false
        var hyphen = false
        var end = start
        // no upper-case letter and no typographic apostrophe: the bytes are the word's text as they are
        var plain = true
        // letters beyond ASCII: lower-cased by Unicode rules
        var unicode = false
        while i < n {
            // the common case first: a run of lower-case ASCII letters and digits
            while i < n, bytes[i] >= 0x61 && bytes[i] <= 0x7A || isDigit(bytes[i]) { i += 1 }
            end = max(end, i)
            guard i < n else { break }
            if bytes[i] >= 0x41 && bytes[i] <= 0x5A {
                plain = false
                i += 1
                end = i
                continue
            }
            if bytes[i] >= 0x80, isLetter(bytes, i) {
                // a letter beyond ASCII may have a case ("Литва", "Łódź"): lower-cased below
                if bytes[i] != 0xE2 { plain = false; unicode = true }
                i += utf8Width(bytes[i])
                end = i
                continue
            }
            let b = bytes[i]
            // internal hyphen ("one-day", "would-be") or initialism dot ("u.s.", "u.k.")
            if b == 0x2D, i + 1 < n, isDigit(bytes[i + 1]) || isLetter(bytes, i + 1) { i += 1; hyphen = true; continue }
            if b == 0x2E, i + 1 < n, isASCIILetter(bytes[i + 1]), i + 2 <= n,
               i - start == 1 || (i >= 2 && bytes[i - 2] == 0x2E) {
                i += 1
                continue
            }
            if b == 0x2E, i >= 2, bytes[i - 2] == 0x2E, end - start >= 3 { i += 1; end = i; break }
            // apostrophes: possessive 's is dropped, other apostrophes stay inside the word ("o'clock")
            var apostrophe = 0
            if b == 0x27 { apostrophe = 1 } else if let (w, mark) = punctWidth(bytes, i), mark == "'" { apostrophe = w }
            if apostrophe > 0 {
                let next = i + apostrophe
                if next < n, bytes[next] | 0x20 == 0x73, next + 1 >= n || !isLetter(bytes, next + 1) {
                    possessive = true
                    i = next + 1
                    break
                }
                if next < n, isASCIILetter(bytes[next]) { i = next; continue }
                if end - start > 1, bytes[end - 1] | 0x20 == 0x73 { possessive = true; i = next; break }
            }
            break
        }
        if plain, bytes[start..<end].contains(0xE2) { plain = false }
        if plain {
            // already lower case: no copy of the bytes
            var token = Token(kind: .word, start: start, end: end)
            token.possessive = possessive
            token.hyphen = hyphen
            tokens.append(token, spelled: bytes[start..<end])
            return max(i, end)
        }
        let first = bytes[start]
        var token = Token(kind: .word, start: start, end: end)
        token.capitalized = first >= 0x41 && first <= 0x5A
        token.possessive = possessive
        token.hyphen = hyphen
        if unicode {
            // "Литовские", "Łotwa", "Üdülő": Swift's Unicode lower-casing, for the few words that need it
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            token.capitalized = text.first?.isUppercase ?? false
            tokens.append(token, String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 }))
            return max(i, end)
        }
        if end - start == 2, bytes[start] == 0x55, bytes[start + 1] == 0x53 {
            tokens.append(token, "u.s.")
            return max(i, end)
        }
        // lower-cased into a scratch buffer on the stack; a typographic apostrophe becomes "'"
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: end - start) { lower in
            var count = 0
            var j = start
            while j < end {
                let c = bytes[j]
                if c >= 0x41 && c <= 0x5A {
                    lower[count] = c | 0x20
                } else if c == 0xE2, j + 2 < end, bytes[j + 1] == 0x80, bytes[j + 2] == 0x99 {
                    lower[count] = 0x27
                    j += 2
                } else {
                    lower[count] = c
                }
                count += 1
                j += 1
            }
            tokens.append(token, spelled: UnsafeBufferPointer(lower)[0..<count])
        }
        return max(i, end)
    }

    static func utf8Width(_ b: UInt8) -> Int {
        b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    }

    // MARK: punctuation

    static func readPunct(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, into tokens: inout TokenList) -> Int {
        if let (width, mark) = punctWidth(bytes, i) {
            tokens.append(Token(kind: .punct, start: i, end: i + width), mark)
            return i + width
        }
        let b = bytes[i]
        let width = b < 0x80 ? 1 : utf8Width(b)
        let end = min(bytes.count, i + width)
        if b == 0x60 {
            tokens.append(Token(kind: .punct, start: i, end: end), "'")
        } else {
            tokens.append(Token(kind: .punct, start: i, end: end), spelled: bytes[i..<end])
        }
        return i + width
    }

    // MARK: figures

    static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (value: Int, count: Int) {
        var j = i
        var value = 0
        while j < bytes.count, isDigit(bytes[j]) {
            if j - i < 15 { value = value * 10 + Int(bytes[j] - 0x30) }
            j += 1
        }
        return (value, j - i)
    }

    /// Reads digits at `start`: a figure with separators and decimals, an ordinal, a digit date or a clock time.
    static func readFigure(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, into tokens: inout TokenList) -> Int {
        let n = bytes.count
        let (first, firstCount) = digitRun(bytes, start)
        var i = start + firstCount

        // ISO date 2021-08-03
        if firstCount == 4, i + 5 < n, bytes[i] == 0x2D, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), bytes[i + 3] == 0x2D {
            let (m, mc) = digitRun(bytes, i + 1)
            let (d, dc) = digitRun(bytes, i + 4)
            if mc == 2, dc == 2, (1...12).contains(m), (1...31).contains(d) {
                var token = Token(kind: .date, start: start, end: i + 6)
                token.date = (first, m, d)
                tokens.append(token, "")
                return i + 6
            }
        }
        // 03.08.2021, 3/8/2021
        if firstCount <= 2, i + 1 < n, bytes[i] == 0x2E || bytes[i] == 0x2F {
            let sep = bytes[i]
            let (m, mc) = digitRun(bytes, i + 1)
            let afterMonth = i + 1 + mc
            if (1...2).contains(mc), afterMonth + 1 < n, bytes[afterMonth] == sep {
                let (y, yc) = digitRun(bytes, afterMonth + 1)
                if yc == 4, (1...12).contains(m), (1...31).contains(first) {
                    var token = Token(kind: .date, start: start, end: afterMonth + 1 + yc)
                    token.date = (y, m, first)
                    tokens.append(token, "")
                    return afterMonth + 1 + yc
                }
            }
        }
        // clock 03:20
        if firstCount <= 2, i + 2 < n, bytes[i] == 0x3A {
            let (_, mc) = digitRun(bytes, i + 1)
            if mc == 2 {
                tokens.append(Token(kind: .clock, start: start, end: i + 3), "")
                return i + 3
            }
        }

        var integer = first
        var separated = false
        var fraction = 0.0
        // thousands groups: 1,185  1.185  1 185 (also no-break and narrow spaces)
        if firstCount <= 3 {
            // the separator's bytes packed into one integer, so that groups must share it
            var separator: UInt32? = nil
            while i < n {
                var width = 0
                if bytes[i] == 0x2C || bytes[i] == 0x2E || bytes[i] == 0x27 { width = 1 } else if bytes[i] == 0x20 { width = 1 } else if let w = spaceWidth(bytes, i) { width = w }
                guard width > 0, i + width < n else { break }
                var mark: UInt32 = 0
                for j in i..<(i + width) { mark = mark << 8 | UInt32(bytes[j]) }
                if let separator, separator != mark { break }
                let (group, groupCount) = digitRun(bytes, i + width)
                let after = i + width + groupCount
                guard groupCount == 3, after >= n || !isDigit(bytes[after]) else { break }
                // a plain space only joins groups when the next group is not followed by more digits or a letter
                if mark == 0x20, after < n, isLetter(bytes, after) { break }
                separator = mark
                // beyond a trillion it is no count of people; keep reading the digits without overflowing
                integer = integer < 1_000_000_000_000 ? integer * 1000 + group : integer
                separated = true
                i = after
            }
        }
        // decimals: 1.2 million, 678.8, 1,5
        if i + 1 < n, bytes[i] == 0x2E || bytes[i] == 0x2C, isDigit(bytes[i + 1]) {
            let (frac, fracCount) = digitRun(bytes, i + 1)
            if fracCount != 3 || separated || bytes[i] == 0x2E {
                var scale = 1.0
                for _ in 0..<fracCount { scale *= 10 }
                fraction = Double(frac) / scale
                separated = true
                i += 1 + fracCount
            }
        }
        // the digits as written, so lexicon phrases such as "past 24 hours" can name them
        var token = Token(kind: .number, start: start, end: i)
        let written = bytes[start..<i]
        token.number = Double(integer) + fraction
        token.separated = separated
        token.digits = firstCount
        // glued letters: ordinals, "2.5k", otherwise a code or a time ("747s", "7.10am")
        if i < n, isLetter(bytes, i) {
            var j = i
            while j < n, isASCIILetter(bytes[j]) { j += 1 }
            let suffix = String(decoding: bytes[i..<j], as: UTF8.self).lowercased()
            if j < n, isLetter(bytes, j) || isDigit(bytes[j]) {
                return readWordFrom(bytes, start, into: &tokens)
            }
            switch suffix {
            case "st", "nd", "rd", "th":
                token.kind = .ordinal
                token.end = j
                tokens.append(token, String(decoding: written, as: UTF8.self))
                return j
            case "k":
                token.number *= 1000
                token.end = j
                tokens.append(token, String(decoding: written, as: UTF8.self))
                return j
            default:
                return readWordFrom(bytes, start, into: &tokens)
            }
        }
        if i + 1 < n, bytes[i] == 0x2D, isLetter(bytes, i + 1) { token.hyphenated = true }
        tokens.append(token, spelled: written)
        return i
    }

    /// A token that starts with digits but is a word ("747s", "7.10am", "COVID-19" parts).
    static func readWordFrom(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, into tokens: inout TokenList) -> Int {
        var i = start
        while i < bytes.count, isDigit(bytes[i]) || isASCIILetter(bytes[i]) || bytes[i] == 0x2E && i + 1 < bytes.count && isDigit(bytes[i + 1]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
        tokens.append(Token(kind: .word, start: start, end: i), text)
        return i
    }
}
