import BorderwatchCore

/// A figure that may count people: its value, the words it spans and how the text qualifies it.
struct Figure: Sendable {
    var value: Int
    var bound: Bound
    /// Token range of the figure itself, scale word included ("3 thousand").
    var range: Range<Int>
    /// Token range including the qualifier ("more than 4,000").
    var span: Range<Int>
    /// The counted noun is left out ("473 in June", "to 3,027.").
    var elliptical: Bool
}

/// Finds the figures of a sentence that can count people, leaving out distractors: units
/// (officers, boats, euros, kilometres), ratios, percentages, ages, years, clock times,
/// population sizes, breakdowns ("81 of Iran") and figures that are part of a date.
struct FigureFinder {
    let vocabulary: Vocabulary
    let tokens: [Token]
    let words: [String]
    let ids: [Int32]

    func figures(in sentence: Range<Int>, claimed: ClaimedTokens) -> [Figure] {
        var result: [Figure] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard !claimed.contains(i), let read = readValue(at: i, in: sentence, claimed: claimed) else {
                i += 1
                continue
            }
            var (value, range) = (read.value, read.range)
            let isWord = read.isWord
            defer { i = range.upperBound }
            // "between 300 and 400 people", "3,000-4,000 migrants": one count of at least the lower end
            var isRange = false
            if let (lower, end) = rangeLowerEnd(value, range, isWord: isWord, in: sentence, claimed: claimed) {
                value = lower
                range = range.lowerBound..<end
                isRange = true
            }
            let token = tokens[i]
            if token.kind == .number {
                if token.hyphenated { continue }
                // "około 19.30" (a clock time), "W dn. 14.02" (a day): a count of people in digits with
                // a fraction needs a scale after it ("1.2 million", "1,7 tys.", "between 1.5 and 2 million")
                if range.count == 1, token.number != token.number.rounded(.down) { continue }
                // "7/9", "2022/23": a date or a span of years, never a count
                if range.upperBound + 1 < sentence.upperBound, words[range.upperBound] == "/", tokens[range.upperBound + 1].kind == .number { continue }
                if i - 2 >= sentence.lowerBound, words[i - 1] == "/", tokens[i - 2].kind == .number { continue }
                // "in 2015-16", "2015-2016": the second year of a span of years
                if i - 2 >= sentence.lowerBound, words[i - 1] == "-", tokens[i - 2].kind == .number, tokens[i - 2].digits == 4,
                   !tokens[i - 2].separated, (1900...2100).contains(Int(tokens[i - 2].number)), !token.separated,
                   token.digits == 2 || token.digits == 4 && value > Int(tokens[i - 2].number) { continue }
                // "113.3% above April '18": a year cut to its last two digits after an apostrophe
                if token.digits == 2, i > sentence.lowerBound, isOneOf(words[i - 1], "'", "’"), tokens[i - 1].end == token.start { continue }
                let isYear = !token.separated && token.digits == 4 && (1900...2100).contains(value)
                if isYear && !countedNounFollows(range.upperBound, in: sentence) { continue }
                if isAgeAfterName(range, in: sentence) || isNumberedName(range, in: sentence) { continue }
                // "Of the 500 on board, 30 drowned": the group the sentence then breaks down
                // ("Of the 89,158 migrants who reached Italy ..., 11,400 were from Guinea" counts them)
                if i - 2 == sentence.lowerBound, words[i - 2] == "of", words[i - 1] == "the",
                   !(range.upperBound..<min(range.upperBound + 4, sentence.upperBound)).contains(where: { isOneOf(words[$0], "who", "that") }) {
                    continue
                }
            }
            // "1 in 5 applications", "one in three migrants": a ratio, not a count
            if isRatio(range, in: sentence) { continue }
            if var (qualifierStart, bound) = qualifier(before: i, in: sentence) {
                if isRange {
                    if bound == .exact { bound = .atLeast }
                    if qualifierStart == i, i > sentence.lowerBound, words[i - 1] == "between" { qualifierStart = i - 1 }
                }
                guard accepts(range, in: sentence, isWord: isWord) else { continue }
                // "its eight border crossings", "their 12 children": what a body or group has
                if qualifierStart > sentence.lowerBound, isOneOf(words[qualifierStart - 1], "its", "their", "our") { continue }
                // "children under 18", "people over 65": an age limit, not a count
                if bound != .exact, value <= 120, qualifierStart > sentence.lowerBound,
                   vocabulary.counted[id: ids[qualifierStart - 1]] != nil, !countedNounFollows(range.upperBound, in: sentence) { continue }
                let noun = nounAfter(range.upperBound, in: sentence, claimed: claimed)
                // figures in words need their noun ("six Iraqi citizens"), except large ones: "pushed back two thousand"
                if noun == .distractor || (noun == .unknown)
                    || (isWord && noun != .counted && (noun != .implied || value < 100 && !isTotalsValue(at: qualifierStart, in: sentence))) { continue }
                if isRate(after: range.upperBound, in: sentence, claimed: claimed) || isDifference(after: range.upperBound, in: sentence) { continue }
                if noun == .implied, unitBeforeTo(qualifierStart, in: sentence) { continue }
                result.append(Figure(value: value, bound: bound, range: range, span: qualifierStart..<range.upperBound,
                                     elliptical: noun == .implied))
            }
        }
        return result
    }

    /// "double the number of patrol boats to 40", "raise the number of officers to 2,000": the
    /// unit named just before "to" is what the figure counts.
    func unitBeforeTo(_ start: Int, in sentence: Range<Int>) -> Bool {
        guard start - 2 >= sentence.lowerBound, words[start - 1] == "to" else { return false }
        for k in max(sentence.lowerBound, start - 3)..<(start - 1) where tokens[k].kind == .word && !tokens[k].capitalized {
            // ("so far this year to 3,027", "rose 20 per cent to 5,000": time and share, not what is counted)
            if let (unit, length) = vocabulary.distractors.longestMatch(in: ids, at: k), k + length == start - 1, unit != "repeat",
               !isOneOf(words[start - 2], "year", "years", "day", "days", "week", "weeks", "month", "months", "hours", "cent", "percent", "points") {
                return true
            }
        }
        return false
    }

    /// The value of the figure starting at `i`, the tokens it spans, and whether it is written in words.
    func readValue(at i: Int, in sentence: Range<Int>, claimed: ClaimedTokens) -> (value: Int, range: Range<Int>, isWord: Bool)? {
        let token = tokens[i]
        var value: Double
        var end = i + 1
        var isWord = false
        if token.kind == .number {
            value = token.number
        } else if token.kind == .word {
            guard let (number, after) = wordNumber(at: i, in: sentence, claimed: claimed) else { return nil }
            value = number
            end = after
            isWord = true
        } else {
            return nil
        }
        if end < sentence.upperBound, !claimed.contains(end), tokens[end].kind == .word,
           let scale = vocabulary.scales[id: ids[end]], let factor = Double(scale) {
            // "1.2 million", "3 thousand", "two hundred"; a lone "m" after a figure is metres
            if !(words[end] == "m" && isWord) && !(words[end] == "m" && tokens[end].start > tokens[i].end) {
                value *= factor
                end += 1
            }
        }
        guard value >= 0, value < 1e12 else { return nil }
        return (Int(value.rounded()), i..<end, isWord)
    }

    /// A number in words and where it ends: "twelve", "twenty-one", "a dozen", "one hundred and
    /// twenty", "two thousand", "a hundred", "one and a half million", "half a million".
    func wordNumber(at i: Int, in sentence: Range<Int>, claimed: ClaimedTokens) -> (Double, Int)? {
        // most words start no number phrase and are no compound: not a number (the words
        // checked by name are those the rules below start from)
        guard vocabulary.numbers.startsPhrase(id: ids[i]) || tokens[i].hyphen
                || ids[i] >= 0 && isOneOf(words[i], "a", "an", "one", "three") || spells(words[i], "half") else { return nil }
        let end = sentence.upperBound
        func usable(_ j: Int) -> Bool { j < end && tokens[j].kind == .word && !claimed.contains(j) }
        /// hundred, thousand, million, billion (not "k" or "m", which follow digits)
        func scale(_ j: Int) -> Double? {
            guard usable(j), words[j].utf8.count > 3 else { return nil }
            return vocabulary.scales[id: ids[j]].flatMap(Double.init)
        }
        /// A number word or phrase below a hundred, or a table entry such as "a hundred".
        func small(_ j: Int) -> (Double, Int)? {
            guard usable(j) else { return nil }
            if let (text, length) = vocabulary.numbers.longestMatch(in: ids, at: j), j + length <= end, let value = Double(text) {
                return (value, length)
            }
            if tokens[j].hyphen, let compound = hyphenatedNumber(words[j]) { return (compound, 1) }
            return nil
        }
        var j = i
        var total = 0.0
        var group = 0.0
        // what the last words were: a scale may follow a number; units may follow bare tens
        var afterScale = false
        var lastTens = false
        if words[i] == "half", usable(i + 1), words[i + 1] == "a" || words[i + 1] == "an", let factor = scale(i + 2) {
            return (factor / 2, i + 3)
        }
        // "a quarter of a million", "three quarters of a million"
        if usable(i + 4), isOneOf(words[i + 1], "quarter", "quarters"), words[i + 2] == "of", words[i + 3] == "a",
           let factor = scale(i + 4), factor >= 1000 {
            let quarters: Double? = isOneOf(words[i], "a", "one") ? 1 : words[i] == "three" ? 3 : nil
            if let quarters { return (factor * quarters / 4, i + 5) }
        }
        if words[i] == "a" || words[i] == "an", let factor = scale(i + 1), factor >= 100 {
            group = 1
            j = i + 1
        } else if let (value, length) = small(i) {
            group = value
            j = i + length
            afterScale = value >= 100 && value.truncatingRemainder(dividingBy: 100) == 0
            lastTens = value >= 20 && value < 100 && value.truncatingRemainder(dividingBy: 10) == 0
        } else {
            return nil
        }
        while j < end {
            if let factor = scale(j) {
                if factor == 100 {
                    guard group < 100, !afterScale else { break }
                    group = max(group, 1) * 100
                } else {
                    guard total == 0 || total >= factor * 1000 else { break }
                    total += max(group, 1) * factor
                    group = 0
                }
                j += 1
                afterScale = true
                lastTens = false
                continue
            }
            // "one and a half million"
            if usable(j + 2), words[j] == "and", words[j + 1] == "a", words[j + 2] == "half", let factor = scale(j + 3), factor >= 1000 {
                total += (group + 0.5) * factor
                group = 0
                j += 4
                afterScale = true
                continue
            }
            // "one hundred and twenty", "two thousand five hundred", "twenty five"
            let next = words[j] == "and" && afterScale ? j + 1 : j
            if afterScale || lastTens && next == j, let (value, length) = small(next), value < 100,
               !lastTens || value < 10 {
                group += value
                j = next + length
                lastTens = !afterScale ? false : value >= 20 && value.truncatingRemainder(dividingBy: 10) == 0
                afterScale = false
                continue
            }
            break
        }
        return (total + group, j)
    }

    /// "twenty-one" -> 21.
    func hyphenatedNumber(_ text: String) -> Double? {
        let utf8 = text.utf8
        guard let dash = utf8.firstIndex(of: 0x2D), dash != utf8.startIndex else { return nil }
        let second = text[utf8.index(after: dash)...]
        guard !second.isEmpty, !second.utf8.contains(0x2D),
              let tens = vocabulary.numbers[text[..<dash]].flatMap(Double.init),
              let units = vocabulary.numbers[second].flatMap(Double.init),
              tens >= 20, tens.truncatingRemainder(dividingBy: 10) == 0, units < 10 else { return nil }
        return tens + units
    }

    /// The bound a qualifier right before the figure gives, and where the qualifier starts.
    /// Fillers such as "a total of" may stand between. `nil` when the words before rule the figure out.
    func qualifier(before i: Int, in sentence: Range<Int>) -> (Int, Bound)? {
        var end = i
        // currency signs and "nation of"-style wording make it no count of people
        if end > sentence.lowerBound, tokens[end - 1].kind == .punct, isOneOf(words[end - 1], "$", "€", "£", "¥") { return nil }
        if ruledOut(before: end, in: sentence) != nil { return nil }
        // the second end of a range ("aged 20 to 40", "$5-10"): ruled out with the first, unless the
        // first was a change ("rose by 1,200 to 5,000")
        if end - 2 >= sentence.lowerBound, isRangeJoint(end - 1), tokens[end - 2].kind == .number,
           ruledOut(before: end - 2, in: sentence) != "difference", qualifier(before: end - 2, in: sentence) == nil {
            return nil
        }
        // skip fillers ("a total of", "a further", "a record")
        var skipped = true
        while skipped {
            skipped = false
            for length in (1...3).reversed() where end - length >= sentence.lowerBound {
                if let (kind, matched) = vocabulary.connectors.longestMatch(in: ids, at: end - length),
                   matched == length, kind == "skip" {
                    end -= length
                    skipped = true
                    break
                }
            }
        }
        for length in (1...3).reversed() where end - length >= sentence.lowerBound {
            if let (text, matched) = vocabulary.qualifiers.longestMatch(in: ids, at: end - length), matched == length,
               let bound = Bound(rawValue: text) {
                // "a population of about 6,000": the words before the qualifier rule it out too
                if ruledOut(before: end - length, in: sentence) != nil { return nil }
                // "already more than the 28,526 in all of 2021": a comparison with a figure stated exactly
                if bound == .atLeast || bound == .atMost, words[end] == "the", end < i { return (end - length, .exact) }
                return (end - length, bound)
            }
        }
        return (i, .exact)
    }

    /// What the words right before `i` make a figure there instead of a count (before.tsv:
    /// population, age, name, capacity, rate, vote, difference), if anything.
    func ruledOut(before i: Int, in sentence: Range<Int>) -> String? {
        for length in (1...3).reversed() where i - length >= sentence.lowerBound {
            if let (kind, matched) = vocabulary.before.longestMatch(in: ids, at: i - length), matched == length { return kind }
        }
        return nil
    }

    /// The lower end of a range starting with the figure read at `range` and where the range ends:
    /// "between 300 and 400", "3,000-4,000", "20 to 30", "3 to 4 million" (the scale of the upper
    /// end applies to both). `nil` for a change ("rose from 300 to 400", "by 1,200 to 5,000").
    func rangeLowerEnd(_ value: Int, _ range: Range<Int>, isWord: Bool, in sentence: Range<Int>,
                       claimed: ClaimedTokens) -> (Int, Int)? {
        let joint = range.upperBound
        guard joint + 1 < sentence.upperBound, !claimed.contains(joint + 1) else { return nil }
        let between = range.lowerBound > sentence.lowerBound && words[range.lowerBound - 1] == "between"
        guard between ? words[joint] == "and" : isRangeJoint(joint) && words[joint] != "or" else { return nil }
        if range.lowerBound > sentence.lowerBound, isOneOf(words[range.lowerBound - 1], "from", "by") { return nil }
        guard tokens[joint + 1].kind == .number || isWord,
              let (upper, upperRange, _) = readValue(at: joint + 1, in: sentence, claimed: claimed) else { return nil }
        var lower = value
        // "3 to 4 million": the scale written once, after the upper end
        if range.count == 1, upperRange.count > 1, tokens[joint + 1].kind == .number, tokens[joint + 1].number > 0 {
            let written = tokens[range.lowerBound].kind == .number ? tokens[range.lowerBound].number : Double(value)
            lower = Int((written * Double(upper) / tokens[joint + 1].number).rounded())
        }
        guard upper > lower else { return nil }
        return (lower, upperRange.upperBound)
    }

    /// "1 in 5", "one in three", "nine out of 10": either end of a ratio (a smaller number
    /// against a larger one of at most 1,000, so "300 in 2023" and "300 in 10 days" are none).
    func isRatio(_ range: Range<Int>, in sentence: Range<Int>) -> Bool {
        func number(_ j: Int) -> Double? {
            guard sentence.contains(j) else { return nil }
            if tokens[j].kind == .number { return tokens[j].digits == 4 && !tokens[j].separated ? nil : tokens[j].number }
            return tokens[j].kind == .word ? vocabulary.numbers[id: ids[j]].flatMap(Double.init) : nil
        }
        func ratio(_ part: Double?, _ whole: Double?) -> Bool {
            guard let part, let whole else { return false }
            return part < whole && whole <= 1000
        }
        let (start, end) = (range.lowerBound, range.upperBound)
        let value = number(start)
        if end + 1 < sentence.upperBound, words[end] == "in", ratio(value, number(end + 1)) { return true }
        if end + 2 < sentence.upperBound, words[end] == "out", words[end + 1] == "of", ratio(value, number(end + 2)) { return true }
        if start - 2 >= sentence.lowerBound, words[start - 1] == "in", ratio(number(start - 2), value) { return true }
        return start - 3 >= sentence.lowerBound && words[start - 1] == "of" && words[start - 2] == "out" && ratio(number(start - 3), value)
    }

    /// "to", "-", "or" between the two ends of a range ("25 to 30 metres").
    func isRangeJoint(_ i: Int) -> Bool {
        words[i] == "to" || words[i] == "-" || words[i] == "or"
    }

    /// "4,000 more people crossed this year than last": a difference, not a count.
    func isDifference(after end: Int, in sentence: Range<Int>) -> Bool {
        guard end < sentence.upperBound, isOneOf(words[end], "more", "fewer", "less") else { return false }
        // "1,000 more people have crossed so far this year than at the same point in 2021", in the
        // figure's own clause; a later "more than 20,000" is a qualifier, not the comparison
        for j in (end + 1)..<min(end + 14, sentence.upperBound) {
            if isOneOf(words[j], ",", ";", ":") { return false }
            if words[j] == "than" { return j == end + 1 || !isOneOf(words[j - 1], "more", "fewer", "less") }
        }
        return false
    }

    /// "10,000 migrants a day", "50 people per week", "50 people per boat": a rate, not a count.
    func isRate(after end: Int, in sentence: Range<Int>, claimed: ClaimedTokens) -> Bool {
        var j = end
        var steps = 0
        while j + 1 < sentence.upperBound, steps < 4, tokens[j].kind == .word || words[j] == "\"", !claimed.contains(j) {
            // 'some 1,000 "gotaways" per day'
            if tokens[j].kind != .word { j += 1; continue }
            if words[j] == "per" {
                return !claimed.contains(j + 1)
            }
            if words[j] == "a" || words[j] == "an" || words[j] == "each" || words[j] == "every" {
                switch words[j + 1] {
                case "day", "week", "month", "year", "night", "hour": return !claimed.contains(j + 1)
                default: return false
                }
            }
            j += 1
            steps += 1
        }
        return false
    }

    /// "Rishi Sunak, 43, said", "the driver (28)": a small figure set off right after a name is an age.
    func isAgeAfterName(_ range: Range<Int>, in sentence: Range<Int>) -> Bool {
        guard range.count == 1, tokens[range.lowerBound].number < 120, !tokens[range.lowerBound].separated,
              range.lowerBound - 2 >= sentence.lowerBound, range.upperBound < sentence.upperBound else { return false }
        let open = words[range.lowerBound - 1], close = words[range.upperBound]
        guard open == "," && close == "," || open == "(" && close == ")" else { return false }
        let name = range.lowerBound - 2
        return tokens[name].kind == .word && tokens[name].capitalized && name > sentence.lowerBound
            && vocabulary.gazetteer[id: ids[name]] == nil && vocabulary.months[id: ids[name]] == nil
            && vocabulary.weekdays[id: ids[name]] == nil
    }

    /// "the Humanity 1", "Sea-Watch 3", "Covid 19": a small figure right after a capitalised word
    /// inside the sentence that names no place or day, with no counted noun, is part of a name.
    func isNumberedName(_ range: Range<Int>, in sentence: Range<Int>) -> Bool {
        let name = range.lowerBound - 1
        guard range.count == 1, tokens[range.lowerBound].number < 100, !tokens[range.lowerBound].separated,
              name > sentence.lowerBound, tokens[name].kind == .word, tokens[name].capitalized,
              !countedNounFollows(range.upperBound, in: sentence) else { return false }
        return vocabulary.gazetteer[id: ids[name]] == nil && vocabulary.months[id: ids[name]] == nil
            && vocabulary.weekdays[id: ids[name]] == nil && vocabulary.authorities[id: ids[name]] == nil
    }

    /// Rules out figures followed by a percent sign, "times", an age or a clock suffix.
    func accepts(_ range: Range<Int>, in sentence: Range<Int>, isWord: Bool) -> Bool {
        let next = range.upperBound
        if next < sentence.upperBound, tokens[next].kind == .punct, words[next] == "%" { return false }
        if isWord, next < sentence.upperBound, words[next] == "of" { return false }
        // "... over the same months of 2018.[1]": a reference to a footnote, not a count
        if range.lowerBound > 0, next < words.count, words[range.lowerBound - 1] == "[", words[next] == "]" { return false }
        return true
    }

    enum Noun { case counted, distractor, implied, unknown }

    /// What the words after a figure say it counts.
    func nounAfter(_ start: Int, in sentence: Range<Int>, claimed: ClaimedTokens) -> Noun {
        var i = start
        // "25 to 30 metres", "20-25 people": the range's noun comes after its second end
        if i + 1 < sentence.upperBound, isRangeJoint(i), tokens[i + 1].kind == .number { i += 2 }
        var firstIsContent: Bool?
        var steps = 0
        while i < sentence.upperBound, steps < 4 {
            let token = tokens[i]
            if token.kind == .punct, words[i] == "\"" || words[i] == "'" { i += 1; continue }
            // time wording ("5,200 a year earlier") ends the search like punctuation
            if token.kind != .word || claimed.contains(i) { return firstIsContent == true ? .unknown : .implied }
            // "32,024 such cases": the count the text has been giving, whatever the noun
            // ("594 migration incidents ... 768 such incidents": a unit the text counted before goes on
            // being counted; "police handled 32,024 such cases" after a count of people refers to them)
            if words[i] == "such", firstIsContent == nil, i + 1 < sentence.upperBound, tokens[i + 1].kind == .word {
                let unitCountedBefore = vocabulary.distractors.longestMatch(in: ids, at: i + 1)?.value == "unit"
                    && ids[max(0, i - 400)..<i].contains(ids[i + 1])
                return unitCountedBefore ? .distractor : .implied
            }
            let distractor = vocabulary.distractors.longestMatch(in: ids, at: i)
            if let (_, length) = vocabulary.counted.longestMatch(in: ids, at: i), length >= distractor?.length ?? 0 {
                let after = i + length
                // "26 migrant boats", "1,904 suspected migrant smugglers": the last noun of a compound is its head
                if after < sentence.upperBound, tokens[after].kind == .word,
                   vocabulary.distractors.longestMatch(in: ids, at: after)?.value == "unit" { return .distractor }
                // a breakdown by nationality: "1,910 citizens of Iraq"; in a language that puts a
                // genitive after its noun, "3 obywateli Senegalu", "12 граждан Ирака" (format.tsv)
                if vocabulary.genitiveAfter, after < sentence.upperBound, tokens[after].capitalized,
                   vocabulary.gazetteer.longestMatch(in: ids, at: after) != nil {
                    return .distractor
                }
                if after + 1 < sentence.upperBound, words[after] == "of",
                   vocabulary.gazetteer.longestMatch(in: ids, at: after + 1) != nil
                    || after + 2 < sentence.upperBound && words[after + 1] == "the" && vocabulary.gazetteer.longestMatch(in: ids, at: after + 2) != nil {
                    return .distractor
                }
                return .counted
            }
            if let (unit, length) = distractor {
                // "stopped migrants 180,034 times in April": events counted, unless a ratio follows
                // ("three times the number", "26 times more")
                if unit == "repeat", firstIsContent == nil, !(i + length < sentence.upperBound && tokens[i + length].kind == .word
                                                              && vocabulary.connectors.longestMatch(in: ids, at: i + length)?.value != "follow") {
                    return .implied
                }
                return .distractor
            }
            // "4,800 of them", "most of those": part of a group named before; "66,237 of the same
            // period of 2022": a time expression follows
            // ("158,000 of the total": a share of the count named before)
            if words[i] == "of", i + 1 < sentence.upperBound, isOneOf(words[i + 1], "them", "those", "whom") || claimed.contains(i + 1)
                || words[i + 1] == "the" && i + 2 < sentence.upperBound && isOneOf(words[i + 2], "total", "tally") {
                return firstIsContent == true ? .unknown : .implied
            }
            // a plural demonym the gazetteer holds in the singular: "60 Nigerians", "200 Eritreans"
            if tokens[i].capitalized, words[i].hasSuffix("s"), words[i].utf8.count > 3,
               vocabulary.gazetteer[words[i].dropLast()] != nil, vocabulary.gazetteer[words[i]] == nil {
                return .counted
            }
            // a demonym as the noun: "2,300 Guatemalans", "150 Afghans"
            if let (_, length) = vocabulary.gazetteer.longestMatch(in: ids, at: i), tokens[i].capitalized {
                let after = i + length
                let nounFollows = after < sentence.upperBound && tokens[after].kind == .word
                    && vocabulary.connectors.longestMatch(in: ids, at: after) == nil
                if !nounFollows { return .counted }
                i = after
                steps += 1
                firstIsContent = firstIsContent ?? false
                continue
            }
            // "and 141 more arrived on Monday": "more" adds to a count named before, the verb follows
            if firstIsContent == nil, words[i] == "more", !words[i..<min(i + 8, sentence.upperBound)].contains("than") {
                i += 1
                steps += 1
                continue
            }
            if firstIsContent == nil {
                if let (kind, _) = vocabulary.connectors.longestMatch(in: ids, at: i), kind == "follow" {
                    // "and 9 were injured": the state after a form of "be" names what the figure counts
                    if isOneOf(words[i], "were", "was", "are", "is"), i + 1 < sentence.upperBound,
                       vocabulary.distractors.longestMatch(in: ids, at: i + 1) != nil {
                        return .distractor
                    }
                    return .implied
                }
                firstIsContent = true
            }
            i += 1
            steps += 1
        }
        return firstIsContent == true ? .unknown : .implied
    }

    /// "the death toll for 2019 was four": a figure in words that a toll or total is said to be.
    func isTotalsValue(at start: Int, in sentence: Range<Int>) -> Bool {
        guard start - 2 >= sentence.lowerBound, isOneOf(words[start - 1], "was", "is", "were", "stood") else { return false }
        return (max(sentence.lowerBound, start - 7)..<(start - 1)).contains { isOneOf(words[$0], "toll", "total", "tally") }
    }

    func countedNounFollows(_ start: Int, in sentence: Range<Int>) -> Bool {
        start < sentence.upperBound && vocabulary.counted.longestMatch(in: ids, at: start) != nil
    }
}
