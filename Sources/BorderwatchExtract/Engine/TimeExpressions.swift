import BorderwatchCore

/// A stretch of a sentence that names when something happened, resolved against the article date.
struct TimeExpression: Sendable {
    enum Strength: Int, Sendable, Comparable {
        /// Only hints at a running total ("now", "so far"), or no time wording at all.
        case weak = 0
        /// The day something was said ("said on Monday"), not necessarily the day counted.
        case report = 1
        case relative = 2
        /// A calendar date ("August 3", "2021-08-03").
        case explicit = 3
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    var range: Range<Int>
    /// `nil` for a marker that only moves a running total's as-of day ("before Thursday's crossings").
    var period: Period?
    var strength: Strength
    /// "before Thursday's crossings": the total is as of the day before.
    var asOf: Day?
    /// A stretch counted back from the report ("in 24 hours", "within 48 hours"): it ends on the
    /// day the sentence says the figure was given, else on the article's date, and yields to any
    /// other time wording near the figure.
    var duration = false
    /// "a year earlier", "the same period last year": the period of the figure compared with, a
    /// year back; a stretch with unknown bounds when there is none.
    var yearBack = false
    /// "the same period of October", "the same period in 2019": the month or year the compared
    /// figure's period is moved into instead of a year back.
    var movedTo: Period?
    /// A bare "the same period": the compared figure's very period, unless set against it ("up from").
    var samePeriod = false
    /// "at this stage last year", "by the equivalent date in 2021": a point in a past year, so the
    /// running total of that year on the article's day of the year, unless a running total or day
    /// compared before it is moved back instead.
    var pointInYear = false
    /// "661 people made the crossing that day": the day the article named last, before this sentence.
    var anaphoric = false
    /// "down from 501 a day earlier", "4,000 a week before": the day that many days before the
    /// compared figure's day; before the article's date when there is none. Zero for other wording.
    var daysBack = 0
    /// "compared with 66,384 in the preceding 12 months": the stretch of the same length that
    /// ends the day before the compared figure's stretch begins.
    var stretchBack = false
    /// "down 4% compared with the previous month (8,220)": the month before the compared figure's month.
    var monthsBack = 0
    /// The baseline of a comparison ("down 36% from 2022, when a record 45,774 ..."): it dates a
    /// figure after it, never the one compared before it.
    var baseline = false
}

/// Reads dates, weekdays, months, years and relative wording ("over the past 24 hours", "last
/// week", "since August 10", "between Aug. 6 and Aug. 10") by SCHEMA.md's rules.
struct TimeFinder {
    let vocabulary: Vocabulary
    let tokens: [Token]
    let words: [String]
    let ids: [Int32]
    let articleDate: Day

    /// A primitive: a day, a month or a year, before combinators ("since", "by", "between") apply.
    enum Point {
        case day(Day, explicit: Bool)
        case month(year: Int, month: Int)
        /// "mid-September": a bound on the 15th, or the month on its own.
        case middle(year: Int, month: Int)
        case year(Int)
    }

    func expressions(in sentence: Range<Int>) -> (expressions: [TimeExpression], claimed: ClaimedTokens) {
        var points: [(range: Range<Int>, point: Point)] = []
        var result: [TimeExpression] = []
        var claimed = ClaimedTokens()
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            if tokens[i].kind == .number, let expression = yearRange(at: i, in: sentence) {
                result.append(expression)
                i = expression.range.upperBound
                continue
            }
            if let (range, point) = point(at: i, in: sentence) {
                points.append((range, point))
                i = range.upperBound
                continue
            }
            // "the first seven weeks of the year", "the first 100 days of 2023"
            if spells(words[i], "first"), let expression = firstDaysOfYear(at: i, in: sentence) {
                result.append(expression)
                i = expression.range.upperBound
                continue
            }
            // "in the past five days", "over the last 9 days": any count the lexicon does not list
            if tokens[i].kind == .word, case let first = words[i].utf8.first, first == UInt8(ascii: "p") || first == UInt8(ascii: "l"),
               isOneOf(words[i], "past", "last", "previous", "preceding"), let expression = pastDays(at: i, in: sentence) {
                result.append(expression)
                i = expression.range.upperBound
                continue
            }
            // "in FY23", "FY2023 encounters"
            if tokens[i].kind == .word, let expression = fiscalAbbreviation(at: i) {
                result.append(expression)
                i += 1
                continue
            }
            // "the January-August period", "in January-June 2023"
            if tokens[i].hyphen, tokens[i].capitalized, let expression = monthRange(at: i, in: sentence) {
                result.append(expression)
                i = expression.range.upperBound
                continue
            }
            if tokens[i].kind == .word, let (code, length) = vocabulary.times.longestMatch(in: ids, at: i),
               i + length <= sentence.upperBound {
                // "in the last week of December": a part of the month named after it (see `partOfMonth`)
                if code.hasPrefix("week:"), i + length + 1 < sentence.upperBound, words[i + length] == "of",
                   case .month? = point(at: i + length + 1, in: sentence)?.1 {
                    i += length
                    continue
                }
                guard var expression = relative(code, i..<(i + length), in: sentence) else { i += 1; continue }
                i = expression.range.upperBound
                // "overnight Sunday", "late on Friday": the day named right after is the one meant
                if code == "day:0", i < sentence.upperBound, point(at: i, in: sentence) != nil { continue }
                // "since the crisis began in the summer": a stretch with only its start
                if beganSince(before: expression.range.lowerBound + (words[expression.range.lowerBound] == "in" ? 1 : 0), in: sentence),
                   let period = expression.period, let first = firstDay(of: period) {
                    expression.period = .span(start: first, end: nil)
                }
                result.append(expression)
                continue
            }
            i += 1
        }
        // combinators
        // points already read as the second of a pair or a later month of a list: a handful at
        // most, and most sentences have none (an empty array allocates nothing)
        var used: [Int] = []
        for (index, (range, point)) in points.enumerated() where !used.contains(index) {
            // the three words before the point, "" outside the sentence
            let before = (word(range.lowerBound - 3, in: sentence), word(range.lowerBound - 2, in: sentence),
                          word(range.lowerBound - 1, in: sentence))
            var start = range.lowerBound
            // "between Aug. 6 and Aug. 10", "on Monday and Tuesday", "in January and February"
            // "from the 1st of January to the 31st of July": the article before an ordinal day is skipped
            let article = before.2 == "the" && (tokens[range.lowerBound].kind == .ordinal)
            let pairLead = article ? before.1 : before.2
            if !pairLead.isEmpty, index + 1 < points.count,
               let first = firstDay(point), let second = lastDay(points[index + 1].point),
               points[index + 1].range.lowerBound - range.upperBound <= 2,
               pairs(pairLead, words[range.upperBound], point, points[index + 1].point) {
                used.append(index + 1)
                // "in August, September and October": a list of months runs to its last
                var last = index + 1
                var second = second
                if case .month = point {
                    while last + 1 < points.count, case .month = points[last + 1].point, let next = lastDay(points[last + 1].point),
                          points[last + 1].range.lowerBound - points[last].range.upperBound == 1,
                          isOneOf(words[points[last].range.upperBound], ",", "and") {
                        last += 1
                        second = next
                        used.append(last)
                    }
                }
                // "between January and June" said in March: both months of last year; "from Monday to
                // Thursday" said on a Monday: last week's Monday
                var first = first
                if first > second {
                    switch point {
                    case .month, .middle, .day(_, true):
                        // "from January to September 2019" said in 2021: the first month (or day) lies
                        // in the second's year, or the one before
                        let y = (first.month, first.day) > (second.month, second.day) ? second.year - 1 : second.year
                        first = Day(year: y, month: first.month, day: first.day) ?? first
                    case .day(let day, false): first = day.adding(days: -7)
                    default: break
                    }
                }
                let endsOnDay: Bool
                if case .day(_, true) = points[last].point { endsOnDay = true } else { endsOnDay = false }
                result.append(TimeExpression(range: (range.lowerBound - (article ? 2 : 1))..<points[last].range.upperBound,
                                             period: stretchReading(from: first, to: second, endsOnNamedDay: endsOnDay), strength: .explicit))
                continue
            }
            // "from Sept. 11 to 13", "Sept. 11-13", "between Sept. 11 and 13": the last day borrows the month
            let joint = range.upperBound
            if case .day(let first, true) = point, joint + 1 < sentence.upperBound,
               isOneOf(words[joint], "to", "-", "until", "through") || words[joint] == "and" && isOneOf(before.2, "between", "on", "over"),
               tokens[joint + 1].kind == .number || tokens[joint + 1].kind == .ordinal, !tokens[joint + 1].separated,
               tokens[joint + 1].digits <= 2, !(joint + 2 < sentence.upperBound && month(at: joint + 2) != nil),
               let last = Day(year: first.year, month: first.month, day: Int(tokens[joint + 1].number)), last > first {
                let lead = isOneOf(before.2, "from", "between", "on", "over") ? range.lowerBound - 1 : range.lowerBound
                result.append(TimeExpression(range: lead..<(joint + 2), period: .span(start: first, end: last), strength: .explicit))
                continue
            }
            // "between 1 and 7 August", "from 1 to 7 August": the first day borrows the month
            // ("on 14-15 September"; "entre le 18 et le 24 juillet", glossed "between between 18 and
            // and 24 juillet", the articles taking the prepositions' glosses)
            let doubled = isOneOf(before.2, "and", "to") && before.1 == before.2 && range.lowerBound - 4 >= sentence.lowerBound
            let (joined, opener) = doubled ? (range.lowerBound - 3, word(range.lowerBound - 4, in: sentence))
                                           : (range.lowerBound - 2, before.0)
            if case .day(let last, true) = point,
               (opener == "between" || opener == "from") && (before.2 == "and" || before.2 == "to") || before.2 == "-" && !before.1.isEmpty,
               tokens[joined].kind == .number || tokens[joined].kind == .ordinal, !tokens[joined].separated,
               let first = Day(year: last.year, month: last.month, day: Int(tokens[joined].number)), first < last {
                let lead = isOneOf(opener, "between", "from", "on", "over") ? joined - 1 : joined
                result.append(TimeExpression(range: lead..<range.upperBound,
                                             period: .span(start: first, end: last), strength: .explicit))
                continue
            }
            var midnight = false
            if before.1 == "midnight", before.2 == "on" { midnight = true; start -= 2 } else if before.2 == "midnight" { midnight = true; start -= 1 }
            // "since the beginning of August", "from the start of the year"
            if before.0 == "the", before.1 == "beginning" || before.1 == "start", before.2 == "of",
               start - 4 >= sentence.lowerBound, isOneOf(words[start - 4], "since", "from") {
                start -= 3
                // "838 attempts since the beginning of December" in December: the month so far (dev2 note 5)
                if words[start - 1] == "since", case .month(let y, let m) = point, y == articleDate.year, m == articleDate.month {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: .month(year: y, month: m), strength: .relative))
                    continue
                }
            }
            // "by the end of July last year": a stretch that ends with that month
            if before.0 == "the", before.1 == "end", before.2 == "of", start - 4 >= sentence.lowerBound,
               isOneOf(words[start - 4], "by", "until", "till"), let last = lastDay(point) {
                result.append(TimeExpression(range: (start - 4)..<range.upperBound, period: .span(start: nil, end: last), strength: .relative))
                continue
            }
            // "the fiscal year that ended Sept. 30", "the 12 months ending in June": as "the year to ..."
            var ended = start - 1
            if ended > sentence.lowerBound, isOneOf(words[ended], "in", "on") { ended -= 1 }
            if ended > sentence.lowerBound, isOneOf(words[ended], "ended", "ending", "ends") {
                let unit = isOneOf(words[ended - 1], "that", "which") ? ended - 2 : ended - 1
                if unit >= sentence.lowerBound, let stretch = stretch(endingAt: point, to: unit + 1, upTo: range.upperBound, in: sentence) {
                    result.append(stretch)
                    continue
                }
                // "in fiscal year 2023, which ended Sept. 30": the date restates the end of the stretch named before
                let named = words[unit] == "," ? unit - 1 : unit
                if unit < ended - 1, named >= sentence.lowerBound, result.contains(where: { $0.range.contains(named) }) { continue }
            }
            var lead = start > sentence.lowerBound ? words[start - 1] : ""
            // "since controls began in mid-October": the point opens the stretch, as "since" would
            if lead == "in" || lead == "on", beganSince(before: start, in: sentence) { lead = "since" }
            // "the first two weeks of November", "the last 10 days of October": those days of the month
            if lead == "of", let part = partOfMonth(point, before: start - 1, in: sentence) {
                result.append(part)
                continue
            }
            let strength: TimeExpression.Strength = isExplicit(point) ? .explicit : .relative
            switch lead {
            case "since", "from":
                // "up 50% from 2022", "down from last year's 1,200": the baseline of a comparison dates
                // the other figure, not this one
                // "the highest since 2016, when 181,436 arrived": the clause after "when" is about 2016 itself
                // ("Since August 2021, when the policy began, ..." opening the sentence is a stretch)
                // ("The tally of people stopped since August 10, when the emergency was declared, stands at
                // 1,132": a clause that counts nothing only says what happened on the day the stretch opens)
                let whenFollows = range.upperBound + 1 < sentence.upperBound && words[range.upperBound] == ","
                    && isOneOf(words[range.upperBound + 1], "when", "where") && start - 1 > sentence.lowerBound
                    && countsInClause(after: range.upperBound + 1, in: sentence)
                if lead == "from" && isChangeWord(before: start - 1, in: sentence) || lead == "since" && whenFollows {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: period(point, range: range, in: sentence),
                                                 strength: strength, baseline: true))
                    continue
                }
                if midnight, case .day(let day, _) = point {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: .day(day), strength: strength))
                } else if let day = firstDay(point) {
                    let period: Period = day.month == 1 && day.day == 1 && day.year == articleDate.year
                        ? .ytd(year: day.year, asOf: articleDate) : .span(start: day, end: nil)
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: period, strength: strength))
                }
                continue
            case "to", "ending", "ended":
                // "in the week to Sunday", "in the 12 months to June", "in the year ending June 2023"
                if let stretch = stretch(endingAt: point, to: start - 1, upTo: range.upperBound, in: sentence) {
                    result.append(stretch)
                    continue
                }
            case "on" where isChangeWord(before: start - 1, in: sentence), "over" where isChangeWord(before: start - 1, in: sentence),
                 "in" where word(start - 2, in: sentence) == "than" && isChangeWord(before: start - 1, in: sentence):
                // "an increase of 40% on 2021", "up 12% over 2022", "40% more than in 2021": the baseline
                // of a change, as "from" is
                if case .year = point {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: period(point, range: range, in: sentence),
                                                 strength: strength, baseline: true))
                    continue
                }
            case "by", "until", "till":
                if let day = lastDay(point) {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: .span(start: nil, end: day), strength: strength))
                }
                continue
            case "before":
                if case .day(let day, _) = point {
                    result.append(TimeExpression(range: (start - 1)..<range.upperBound, period: nil, strength: .weak, asOf: day.adding(days: -1)))
                    continue
                }
            case "of" where word(start - 2, in: sentence) == "as", "at" where word(start - 2, in: sentence) == "as":
                // "45,756 people crossed in 2022 as of Thursday": the day a running total stands at
                if case .day(let day, _) = point {
                    result.append(TimeExpression(range: (start - 2)..<range.upperBound, period: nil, strength: .weak, asOf: day))
                    continue
                }
            default:
                break
            }
            result.append(TimeExpression(range: range, period: period(point, range: range, in: sentence),
                                         strength: strength == .relative && (isReport(range.lowerBound, in: sentence)
                                             || opensReport(after: range.upperBound, lead: start, in: sentence)
                                             || isIssueDay(range, in: sentence))
                                             || isDateline(range, in: sentence) ? .report : strength))
        }
        if let report = result.first(where: { $0.strength == .report && !$0.duration }), case .day(let day)? = report.period {
            for index in result.indices where result[index].duration {
                result[index].period = result[index].period.map { anchor($0, on: day) }
            }
        }
        // "Pernai nuo rugpjūčio 3 dienos" (last year, since 3 August): a stretch from a day of last year,
        // in a sentence that names last year, ends with that year
        if result.contains(where: { $0.period == .year(articleDate.year - 1) && !$0.baseline }) {
            for index in result.indices {
                guard case .span(let start?, nil)? = result[index].period, start.year == articleDate.year - 1,
                      let end = Day(year: start.year, month: 12, day: 31) else { continue }
                result[index].period = .span(start: start, end: end)
            }
        }
        for index in result.indices where namesComparedNoun(before: result[index].range.lowerBound, in: sentence) {
            result[index].period = nil
        }
        for expression in result { claimed.ranges.append(expression.range) }
        for (range, _) in points { claimed.ranges.append(range) }
        return (result.filter { $0.period != nil || $0.asOf != nil }, claimed)
    }

    /// "Islamabad [Pakistan], November 7 (ANI): ...", "ANKARA, July 18 (Reuters) - ...": the date of
    /// a dateline, the day the story was filed, opening the sentence before the agency and a colon or dash.
    func isDateline(_ range: Range<Int>, in sentence: Range<Int>) -> Bool {
        // the place, then a comma, opens it (a list item "– November 3 2021: 853 people" is no dateline)
        guard range.lowerBound - sentence.lowerBound <= 6, range.lowerBound - 2 >= sentence.lowerBound,
              words[range.lowerBound - 1] == ",", tokens[sentence.lowerBound].capitalized else { return false }
        var j = range.upperBound
        if j < sentence.upperBound, words[j] == "(" {
            guard let close = (j..<min(j + 5, sentence.upperBound)).first(where: { words[$0] == ")" }) else { return false }
            j = close + 1
        }
        return j < sentence.upperBound && isOneOf(words[j], ":", "-", "–", "—")
    }

    /// "more than double the number in 2022", "nearly double the figure of the same period of 2022":
    /// the time belongs to a figure the text only compares with, and dates none of its figures.
    func namesComparedNoun(before start: Int, in sentence: Range<Int>) -> Bool {
        var j = start - 1
        if j >= sentence.lowerBound, words[j] == "the" { j -= 1 }
        guard j - 3 >= sentence.lowerBound, isOneOf(words[j], "in", "for", "of", "during"),
              isOneOf(words[j - 1], "number", "figure", "total", "level", "tally"), words[j - 2] == "the" else { return false }
        return isOneOf(words[j - 3], "double", "twice", "triple", "treble", "half", "than", "quadruple")
    }

    /// "- 2021: 28,526", "January: 29,072": the word at `i` opens its line (after a bullet, if
    /// any) and a colon follows it.
    func headsListItem(_ i: Int, in sentence: Range<Int>) -> Bool {
        word(i + 1, in: sentence) == ":" && (i == sentence.lowerBound || i - 1 == sentence.lowerBound && isBullet(words[i - 1]))
    }

    /// Whether the clause opened at `start` ("when 181,436 arrived") holds a number before its next comma.
    func countsInClause(after start: Int, in sentence: Range<Int>) -> Bool {
        var j = start
        while j < sentence.upperBound, words[j] != "," {
            if tokens[j].kind == .number { return true }
            j += 1
        }
        return false
    }

    /// "since the crisis began in ...", "since controls started on ...": `index` is the time
    /// wording's first word after "in"/"on"; a verb of beginning stands before it, and "since" before that.
    /// Also "since Labour took office on July 5", "since the deal was signed in March": a short
    /// clause of words only (no figure, no punctuation) between "since" and the date.
    func beganSince(before index: Int, in sentence: Range<Int>) -> Bool {
        var j = index - 1
        // "since last week", "since yesterday"
        if j >= sentence.lowerBound, words[j] == "since" { return true }
        if j >= sentence.lowerBound, isOneOf(words[j], "in", "on", "at") { j -= 1 }
        guard j > sentence.lowerBound else { return false }
        if isOneOf(words[j], "began", "begun", "started", "erupted", "opened", "effect", "escalated", "force", "introduced") {
            return words[max(sentence.lowerBound, j - 10)..<j].contains("since")
        }
        var k = j
        while k > sentence.lowerBound, j - k < 8, tokens[k].kind == .word, words[k] != "since" { k -= 1 }
        return words[k] == "since" && j - k >= 2
    }

    /// "the first seven weeks of the year", "the first 100 days of 2023": the days from 1 January;
    /// `i` is the index of "first". A stretch not yet over with no year named is last year's.
    func firstDaysOfYear(at i: Int, in sentence: Range<Int>) -> TimeExpression? {
        var k = i + 1
        guard k + 2 < sentence.upperBound else { return nil }
        var count = 1
        if tokens[k].kind == .number, !tokens[k].separated, (1...366).contains(tokens[k].number) {
            count = Int(tokens[k].number)
            k += 1
        } else if let text = vocabulary.numbers[id: ids[k]], let value = Int(text), (1...366).contains(value) {
            count = value
            k += 1
        }
        let unit: Int
        switch words[k] {
        case "week", "weeks": unit = 7
        case "day", "days": unit = 1
        default: return nil
        }
        let (named, end) = yearOf(after: k + 1, in: sentence)
        guard end > k + 1 else { return nil }
        var year = named ?? articleDate.year
        guard let first = Day(year: year, month: 1, day: 1) else { return nil }
        var last = first.adding(days: unit * count - 1)
        if named == nil, last > articleDate {
            year -= 1
            guard let earlier = Day(year: year, month: 1, day: 1) else { return nil }
            last = earlier.adding(days: unit * count - 1)
            return TimeExpression(range: i..<end, period: .span(start: earlier, end: last), strength: .relative)
        }
        return TimeExpression(range: i..<end, period: .span(start: first, end: last), strength: .relative)
    }

    /// "the first two weeks of November", "the first 10 days of October", "the last week of
    /// June": a stretch of days of the month at `point`; `of` is the index of "of".
    func partOfMonth(_ point: Point, before of: Int, in sentence: Range<Int>) -> TimeExpression? {
        guard case .month(let y, let m) = point, of - 2 >= sentence.lowerBound else { return nil }
        var k = of - 1
        let unit: Int
        switch words[k] {
        case "week", "weeks": unit = 7
        case "fortnight": unit = 14
        case "day", "days": unit = 1
        default: return nil
        }
        k -= 1
        var count = 1
        if tokens[k].kind == .number, !tokens[k].separated, (1...31).contains(tokens[k].number) {
            count = Int(tokens[k].number)
            k -= 1
        } else if let text = vocabulary.numbers[id: ids[k]], let value = Int(text), (1...31).contains(value) {
            count = value
            k -= 1
        }
        guard k >= sentence.lowerBound, words[k] == "first" || words[k] == "last" else { return nil }
        let days = min(unit * count, Day.daysIn(month: m, year: y))
        let monthDays = Day.daysIn(month: m, year: y)
        let first = words[k] == "first" ? 1 : monthDays - days + 1
        guard let start = Day(year: y, month: m, day: first), let end = Day(year: y, month: m, day: first + days - 1) else { return nil }
        return TimeExpression(range: k..<(of + 2), period: .span(start: start, end: end), strength: .relative)
    }

    // MARK: primitives

    func point(at i: Int, in sentence: Range<Int>) -> (Range<Int>, Point)? {
        let token = tokens[i]
        let end = sentence.upperBound
        if token.kind == .date, let (y, m, d) = token.date, let day = Day(year: y, month: m, day: d) {
            return (i..<(i + 1), .day(day, explicit: true))
        }
        // "W dn. 14.02" ("on 14.02", the abbreviation's dot between): a day and month in digits after
        // "on", the latest such day
        if token.kind == .number, token.separated, token.digits <= 2,
           word(i - 1, in: sentence) == "on" || word(i - 1, in: sentence) == "." && word(i - 2, in: sentence) == "on",
           let dot = words[i].firstIndex(of: "."), let d = Int(words[i][..<dot]), let m = Int(words[i][words[i].index(after: dot)...]),
           words[i].distance(from: dot, to: words[i].endIndex) == 3, (1...12).contains(m), let day = resolve(month: m, day: d, year: nil) {
            return (i..<(i + 1), .day(day, explicit: true))
        }
        // "in 2020", "for the whole of 2019"
        if token.kind == .number, !token.separated, token.digits == 4, (1900...2100).contains(Int(token.number)) {
            let previous = word(i - 1, in: sentence)
            let next = word(i + 1, in: sentence)
            // "2021. gada 10. augusta": the year of the day named after it (see `yearBefore`)
            if next == "figure", i + 3 < sentence.upperBound, word(i + 2, in: sentence) == "year",
               let (range, _) = point(at: i + 3, in: sentence), range.lowerBound == i {
                return point(at: i + 3, in: sentence)
            }
            // "since 2015", "between 2015 and 2020", "from 2014 to 2016"
            let secondOfPair = isOneOf(previous, "and", "to", "-") && i - 2 >= sentence.lowerBound && tokens[i - 2].kind == .number
                && tokens[i - 2].digits == 4 && isOneOf(word(i - 3, in: sentence), "between", "from")
            if isOneOf(previous, "in", "for", "of", "during", "throughout", "since", "from", "between", "until", "through")
                || secondOfPair
                // "an increase of 40% on 2021", "up 12% over 2022": the baseline of a change
                || isOneOf(previous, "on", "over") && isChangeWord(before: i - 1, in: sentence)
                || isOneOf(next, "figure", "figures", "total", "tally", "count", "number", "numbers", "level")
                // "- 2021: 28,526", a list item headed by its year
                || headsListItem(i, in: sentence) {
                return (i..<(i + 1), .year(Int(token.number)))
            }
            return nil
        }
        // "3 August", "3rd of August", "02nd August, 2021"
        if token.kind == .number || token.kind == .ordinal, !token.separated, token.digits <= 2,
           (1...31).contains(Int(token.number)) {
            var j = i + 1
            if j < end, words[j] == "of" { j += 1 }
            if j < end, let month = month(at: j) {
                var k = j + 1
                if k < end, words[k] == "." { k += 1 }
                var (year, after) = year(after: k, in: sentence)
                // "the 31st of July this year", "3 August last year"
                if year == nil, let (named, namedEnd) = thisOrLastYear(at: k, in: sentence) { (year, after) = (named, namedEnd) }
                var first = i
                if year == nil, let (named, namedStart) = yearBefore(i, in: sentence) { (year, first) = (named, namedStart) }
                // "le 1 janvier dernier" (this past 1 January): the latest such day, as without a year
                if year == nil, word(k, in: sentence) == "last", word(k + 1, in: sentence) != "year" { after = k + 1 }
                if let day = resolve(month: month, day: Int(token.number), year: year) {
                    return (first..<after, .day(day, explicit: true))
                }
            }
            // "on the 6th": a day of the article's month, or of the month before if still to come
            if token.kind == .ordinal, word(i - 1, in: sentence) == "the",
               isOneOf(word(i - 2, in: sentence), "on", "since", "by", "until", "from", "between", "and") {
                let day = Int(token.number)
                let sameMonth = Day(year: articleDate.year, month: articleDate.month, day: day)
                let previous = articleDate.month == 1 ? (articleDate.year - 1, 12) : (articleDate.year, articleDate.month - 1)
                if let found = sameMonth.flatMap({ $0 <= articleDate ? $0 : nil }) ?? Day(year: previous.0, month: previous.1, day: day) {
                    return (i..<(i + 1), .day(found, explicit: true))
                }
            }
            return nil
        }
        guard token.kind == .word else { return nil }
        if i + 1 < end, tokens[i + 1].capitalized, words[i] == "early" || words[i] == "late", month(at: i + 1) != nil,
           let (range, point) = point(at: i + 1, in: sentence), case .month = point {
            return (i..<range.upperBound, point)
        }
        if let month = month(at: i) {
            var j = i + 1
            if j < end, words[j] == "." { j += 1 }
            // "August 3", "Aug. 3, 2021", "July 28th"
            if j < end, tokens[j].kind == .number || tokens[j].kind == .ordinal, !tokens[j].separated,
               tokens[j].digits <= 2, (1...31).contains(Int(tokens[j].number)) {
                var (year, after) = year(after: j + 1, in: sentence)
                // "July 31 this year", "Aug. 3 last year"
                if year == nil, let (named, namedEnd) = thisOrLastYear(at: j + 1, in: sentence) { (year, after) = (named, namedEnd) }
                var first = i
                if year == nil, let (named, namedStart) = yearBefore(i, in: sentence) { (year, first) = (named, namedStart) }
                if let day = resolve(month: month, day: Int(tokens[j].number), year: year) {
                    return (first..<after, .day(day, explicit: true))
                }
            }
            // "January 2020"
            let (year, after) = year(after: j, in: sentence, comma: false)
            if let year { return (i..<after, .month(year: year, month: month)) }
            // "in July", "so far in August", "since June", "last month" is handled as relative wording;
            // "in early August", "since late July" read as the month
            var previous = word(i - 1, in: sentence)
            if previous == "early" || previous == "late" { previous = word(i - 2, in: sentence) }
            // "November last year", "in November of this year"
            let (named, namedEnd) = yearOf(after: j, in: sentence)
            if let named, namedEnd > j { return (i..<namedEnd, .month(year: named, month: month)) }
            if j + 1 < end, words[j] == "last" || words[j] == "this", words[j + 1] == "year" {
                return (i..<(j + 2), .month(year: words[j] == "last" ? articleDate.year - 1 : articleDate.year, month: month))
            }
            // "last November": the latest November before the article's month
            if previous == "last" {
                return (i..<(i + 1), .month(year: month < articleDate.month ? articleDate.year : articleDate.year - 1, month: month))
            }
            if isOneOf(previous, "in", "during", "for", "since", "through", "throughout", "until", "by", "of", "from", "between", "and", "to", "ending", "ended")
                // another language's "in August" ("im August", "en août", "w sierpniu"): grammar.tsv
                || i > sentence.lowerBound && vocabulary.grammar[id: ids[i - 1]] == "in_month"
                || previous == "with" && isOneOf(word(i - 2, in: sentence), "compared", "comparison")
                || previous == "," && i - 2 >= sentence.lowerBound && self.month(at: i - 2) != nil
                // "the busiest month was September, when 5,369 people crossed"
                || word(j, in: sentence) == "," && word(j + 1, in: sentence) == "when"
                || token.possessive
                // "March brought 146 arrivals", "August has so far seen 6,271": the month as the
                // subject that opens the sentence, a verb after it
                || i == sentence.lowerBound && opensClauseAsSubject(j, in: sentence)
                // "- January: 29,072", a list item headed by its month
                || headsListItem(i, in: sentence) {
                var y = articleDate.year
                if month > articleDate.month { y -= 1 }
                return (i..<(i + 1), .month(year: y, month: month))
            }
            return nil
        }
        // "mid-September": the 15th as a bound ("since mid-August"), else the month
        if token.hyphen, words[i].hasPrefix("mid-"), let month = vocabulary.months[words[i].dropFirst(4)].flatMap(Int.init) {
            let y = month > articleDate.month ? articleDate.year - 1 : articleDate.year
            return (i..<(i + 1), .middle(year: y, month: month))
        }
        if token.capitalized || !vocabulary.calendarCapitalized, let weekday = vocabulary.weekdays[id: ids[i]].flatMap(Int.init),
           words[i].utf8.count > 4 {
            // "on Sunday June 11", "Sunday, 11 June": the calendar date after the weekday names the day
            let dated = i + 1 < end && words[i + 1] == "," ? i + 2 : i + 1
            if dated < end, let (range, point) = point(at: dated, in: sentence), case .day(_, explicit: true) = point {
                return (i..<range.upperBound, point)
            }
            var after = i + 1
            if after < end, !token.possessive, isOneOf(words[after], "night", "morning", "evening", "afternoon") { after += 1 }
            // "last Thursday" said on a Thursday: a week before
            var day = articleDate.latest(weekday: weekday)
            if day == articleDate, word(i - 1, in: sentence) == "last" { day = day.adding(days: -7) }
            return (i..<after, .day(day, explicit: false))
        }
        return nil
    }

    /// "the week to Sunday", "the seven days to August 3", "the 12 months to June", "the year to
    /// March": a stretch of whole days or months ending with `point`; `to` is the index of "to".
    func stretch(endingAt point: Point, to: Int, upTo end: Int, in sentence: Range<Int>) -> TimeExpression? {
        guard let last = lastDay(point) else { return nil }
        var unitIndex = to - 1
        guard unitIndex >= sentence.lowerBound else { return nil }
        var days = 0
        var months = 0
        switch words[unitIndex] {
        case "week", "weeks": days = 7
        case "fortnight": days = 14
        case "day", "days": days = 1
        case "month", "months": months = 1
        case "year": months = 12
        default: return nil
        }
        var count = 1
        if unitIndex - 1 >= sentence.lowerBound {
            let previous = unitIndex - 1
            if tokens[previous].kind == .number, !tokens[previous].separated, tokens[previous].number >= 1, tokens[previous].number <= 400 {
                count = Int(tokens[previous].number)
                unitIndex = previous
            } else if let text = vocabulary.numbers[id: ids[previous]], let value = Int(text), value >= 1 {
                count = value
                unitIndex = previous
            }
        }
        let first: Day?
        if days > 0 {
            first = last.adding(days: 1 - days * count)
        } else {
            let index = last.year * 12 + (last.month - 1) - (months * count - 1)
            first = Day(year: index / 12, month: index % 12 + 1, day: 1)
        }
        guard let first else { return nil }
        return TimeExpression(range: unitIndex..<end, period: .span(start: first, end: last), strength: .relative)
    }

    /// Whether two points joined by `joint` after `lead` make one stretch: "between X and Y",
    /// "from X to Y", "on Monday and Tuesday", "in January and February".
    func pairs(_ lead: String, _ joint: String, _ first: Point, _ second: Point) -> Bool {
        switch lead {
        case "between", "from": return isOneOf(joint, "and", "to", "-", "until", "through")
        case "on", "over", "across": return joint == "and"
        case "in", "during", "of":
            guard joint == "and" || joint == "-" || joint == "to" || joint == "," else { return false }
            if case .month = first, case .month = second { return true }
            return false
        default: return false
        }
    }

    /// A 4-digit year at `i`, optionally after a comma: the year and the index after it.
    func year(after i: Int, in sentence: Range<Int>, comma: Bool = true) -> (Int?, Int) {
        var j = i
        if comma, j < sentence.upperBound, words[j] == "," { j += 1 }
        if j < sentence.upperBound, tokens[j].kind == .number, !tokens[j].separated, tokens[j].digits == 4,
           (1900...2100).contains(Int(tokens[j].number)) {
            return (Int(tokens[j].number), j + 1)
        }
        return (nil, i)
    }

    /// "in 2015-16", "during 2015–2016": the two calendar years from the first's 1 January to the
    /// second's 31 December. Only after a preposition of time ("the 2015-16 crisis" names an event).
    func yearRange(at i: Int, in sentence: Range<Int>) -> TimeExpression? {
        guard i + 2 < sentence.upperBound, !tokens[i].separated, tokens[i].digits == 4, words[i + 1] == "-" || words[i + 1] == "/",
              isOneOf(word(i - 1, in: sentence), "in", "during", "for", "throughout", "over") else { return nil }
        let first = Int(tokens[i].number)
        let next = tokens[i + 2]
        guard (1900...2100).contains(first), next.kind == .number, !next.separated else { return nil }
        let second = next.digits == 2 ? first / 100 * 100 + Int(next.number) : next.digits == 4 ? Int(next.number) : 0
        guard second > first, second - first <= 20, second <= articleDate.year,
              let start = Day(year: first, month: 1, day: 1), let end = Day(year: second, month: 12, day: 31) else { return nil }
        return TimeExpression(range: i..<(i + 3), period: .span(start: start, end: min(end, articleDate)), strength: .relative)
    }

    /// The year a language names before the day (Latvian "2021. gada 10. augusta", read "2021 figure
    /// year 10 of augusta"; Lithuanian "praėjusių metų rugpjūčio 3 d.", "last year rugpjūčio 3"): the
    /// year and where its wording starts, for the day whose wording starts at `i`.
    func yearBefore(_ i: Int, in sentence: Range<Int>) -> (Int, Int)? {
        guard i - 2 >= sentence.lowerBound, words[i - 1] == "year" else { return nil }
        switch words[i - 2] {
        case "last": return (articleDate.year - 1, i - 2)
        case "this": return (articleDate.year, i - 2)
        case "figure":
            let j = i - 3
            guard j >= sentence.lowerBound, tokens[j].kind == .number, !tokens[j].separated, tokens[j].digits == 4,
                  (1900...2100).contains(Int(tokens[j].number)) else { return nil }
            return (Int(tokens[j].number), j)
        default: return nil
        }
    }

    /// "this year" or "last year" at `i`, after a calendar day: the year and the index after it.
    func thisOrLastYear(at i: Int, in sentence: Range<Int>) -> (Int, Int)? {
        guard i + 1 < sentence.upperBound, words[i + 1] == "year" else { return nil }
        switch words[i] {
        case "this": return (articleDate.year, i + 2)
        case "last": return (articleDate.year - 1, i + 2)
        default: return nil
        }
    }

    /// The year named after a part of a year: "of 2023", "of the year", "of this year", "of last
    /// year" (`nil` for the first two), and the index after those words.
    func yearOf(after i: Int, in sentence: Range<Int>) -> (Int?, Int) {
        // "in Q1 2023": the year right after
        if i < sentence.upperBound, tokens[i].kind == .number, !tokens[i].separated, tokens[i].digits == 4,
           (1900...2100).contains(Int(tokens[i].number)) {
            return (Int(tokens[i].number), i + 1)
        }
        guard i < sentence.upperBound, words[i] == "of" || words[i] == "in" else { return (nil, i) }
        let (year, after) = year(after: i + 1, in: sentence, comma: false)
        if let year { return (year, after) }
        // "giugno dell'anno scorso" (June of the year last), read "giugno of last": the year noun
        // folded into "of", "last" after it
        if i + 1 < sentence.upperBound, words[i + 1] == "last", i + 2 == sentence.upperBound || words[i + 2] != "year" {
            return (articleDate.year - 1, i + 2)
        }
        guard i + 2 < sentence.upperBound else { return (nil, i) }
        switch (words[i + 1], words[i + 2]) {
        case ("the", "year"): return (nil, i + 3)
        case ("this", "year"): return (articleDate.year, i + 3)
        case ("last", "year"): return (articleDate.year - 1, i + 3)
        default: return (nil, i)
        }
    }

    /// The word at `i`, after a month that opens the sentence, is a lower-case word and no
    /// preposition or article: the month is the subject ("March brought", "August has so far
    /// seen"), not a heading ("March 2020:") nor a name's first word.
    func opensClauseAsSubject(_ i: Int, in sentence: Range<Int>) -> Bool {
        guard i < sentence.upperBound, tokens[i].kind == .word, !tokens[i].capitalized else { return false }
        return !isOneOf(words[i], "of", "in", "on", "at", "to", "for", "and", "or", "the", "a", "an", "with", "by", "from")
    }

    /// A capitalised month name, or an abbreviation followed by a dot ("Aug.").
    func month(at i: Int) -> Int? {
        let token = tokens[i]
        guard token.kind == .word, let month = vocabulary.months[id: ids[i]].flatMap(Int.init) else { return nil }
        if token.capitalized || !vocabulary.calendarCapitalized { return month }
        return nil
    }

    /// "past five days", "last 9 days", "previous three weeks" (`i` at "past"): the N days up to
    /// the report day, as a `duration:` row would give; "the last five months of 2021"; nil when
    /// the lexicon has the phrase.
    func pastDays(at i: Int, in sentence: Range<Int>) -> TimeExpression? {
        guard i + 2 < sentence.upperBound, vocabulary.times.longestMatch(in: ids, at: i) == nil else { return nil }
        // "the last five months of 2021": the end of that year ("the last 12 days of October" is a
        // part of the month, read with the month)
        if i + 3 < sentence.upperBound, words[i + 3] == "of" {
            guard words[i] == "last", words[i + 2] == "months", let count = vocabulary.numbers[id: ids[i + 1]].flatMap(Int.init)
                    ?? (tokens[i + 1].kind == .number && !tokens[i + 1].separated ? Int(tokens[i + 1].number) : nil),
                  (1...11).contains(count) else { return nil }
            let (year, end) = yearOf(after: i + 3, in: sentence)
            guard let year, let first = Day(year: year, month: 13 - count, day: 1), let last = Day(year: year, month: 12, day: 31)
            else { return nil }
            return TimeExpression(range: i..<end, period: .span(start: first, end: last), strength: .relative)
        }
        let count: Int
        if tokens[i + 1].kind == .number, !tokens[i + 1].separated, tokens[i + 1].number >= 1, tokens[i + 1].number <= 366 {
            count = Int(tokens[i + 1].number)
        } else if let text = vocabulary.numbers[id: ids[i + 1]], let value = Int(text), value >= 1 {
            count = value
        } else {
            return nil
        }
        let days: Int
        switch words[i + 2] {
        case "days": days = count
        case "weeks": days = 7 * count
        default: return nil
        }
        let d = articleDate
        return TimeExpression(range: i..<(i + 3), period: days == 1 ? .day(d) : .span(start: d.adding(days: 1 - days), end: d),
                              strength: .report, duration: true)
    }

    /// Rule *fiscal abbreviation*: a `fiscal` word of two letters with the year's digits joined to it
    /// ("FY23", "FY2023") is that US federal year, October to September, counted to the article's
    /// date while it runs. Example: "In FY23, agents apprehended 2.4 million".
    func fiscalAbbreviation(at i: Int) -> TimeExpression? {
        let word = Array(words[i].utf8)
        guard word.count == 4 || word.count == 6, word[2...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              vocabulary.times[String(decoding: word[0..<2], as: UTF8.self)] == "fiscal",
              let digits = Int(String(decoding: word[2...], as: UTF8.self)) else { return nil }
        let year = word.count == 4 ? 2000 + digits : digits
        guard let first = Day(year: year - 1, month: 10, day: 1), let last = Day(year: year, month: 9, day: 30), first <= articleDate
        else { return nil }
        return TimeExpression(range: i..<(i + 1), period: .span(start: first, end: min(last, articleDate)), strength: .relative)
    }

    /// The article's day of the year in another year (28 February for 29 February).
    func sameDay(of year: Int) -> Day? {
        Day(year: year, month: articleDate.month, day: min(articleDate.day, Day.daysIn(month: articleDate.month, year: year)))
    }

    /// "January-August" (one hyphenated word, a year may follow): the months from the first to the
    /// second, of the year named or else the latest such stretch begun by the article's month.
    func monthRange(at i: Int, in sentence: Range<Int>) -> TimeExpression? {
        let parts = words[i].split(separator: "-")
        guard parts.count == 2, let first = vocabulary.months[parts[0]].flatMap(Int.init),
              let last = vocabulary.months[parts[1]].flatMap(Int.init), first < last else { return nil }
        let (named, after) = year(after: i + 1, in: sentence, comma: false)
        let y = named ?? (first > articleDate.month ? articleDate.year - 1 : articleDate.year)
        guard let start = Day(year: y, month: first, day: 1), let end = Day(year: y, month: last, day: Day.daysIn(month: last, year: y))
        else { return nil }
        return TimeExpression(range: i..<after, period: stretchReading(from: start, to: end, endsOnNamedDay: false), strength: .explicit)
    }

    // MARK: stretch rules

    /// A rule that reads a stretch with known bounds as another period: `name`, the bounds it
    /// applies to (`pattern`) and what it makes of them (`production`), in the spirit of
    /// Duckling's `Time/EN/Rules.hs`. Rules are tried in order; the first that produces wins.
    struct StretchRule: Sendable {
        let name: String
        let production: @Sendable (_ first: Day, _ last: Day, _ endsOnNamedDay: Bool, _ articleDate: Day) -> Period?
    }

    /// The readings of a bounded stretch, in order. Each states one fact of the language.
    static let stretchRules: [StretchRule] = [
        /// "between January and December 2022", "January to December last year": a whole calendar
        /// year, not a stretch of it.
        StretchRule(name: "whole calendar year") { first, last, _, _ in
            first.month == 1 && first.day == 1 && last.month == 12 && last.day == 31 && first.year == last.year ? .year(first.year) : nil
        },
        /// "Between January and Dec. 6", "from January 1 to October 13, 2019", "between the start of
        /// the year and Dec. 26": a count from 1 January to a named day is that year's running total
        /// as of the day (dev3 P note 2). A stretch of whole months ("between January and November
        /// 2019", "from 1 January to 31 July") stays a stretch (dev3 Q note, R note 4).
        StretchRule(name: "running total from 1 January to a day") { first, last, endsOnNamedDay, articleDate in
            first.month == 1 && first.day == 1 && endsOnNamedDay && first.year == last.year && last <= articleDate
                && last.day != Day.daysIn(month: last.month, year: last.year) ? .ytd(year: last.year, asOf: last) : nil
        },
    ]

    /// The period a stretch from `first` to `last` reads as: the first `stretchRules` production,
    /// else the span itself.
    func stretchReading(from first: Day, to last: Day, endsOnNamedDay: Bool) -> Period {
        for rule in Self.stretchRules {
            if let period = rule.production(first, last, endsOnNamedDay, articleDate) { return period }
        }
        return .span(start: first, end: last)
    }

    /// A day with no year takes the article's year, or the year before if that would put it after the article.
    func resolve(month: Int, day: Int, year: Int?) -> Day? {
        if let year { return Day(year: year, month: month, day: day) }
        guard let sameYear = Day(year: articleDate.year, month: month, day: day) else { return nil }
        return sameYear > articleDate ? Day(year: articleDate.year - 1, month: month, day: day) : sameYear
    }

    /// Only a calendar date is explicit; months and years are relative wording.
    func isExplicit(_ point: Point) -> Bool {
        if case .day(_, let explicit) = point { return explicit }
        return false
    }

    func firstDay(_ point: Point) -> Day? {
        switch point {
        case .day(let day, _): return day
        case .month(let y, let m): return Day(year: y, month: m, day: 1)
        case .middle(let y, let m): return Day(year: y, month: m, day: 15)
        case .year(let y): return Day(year: y, month: 1, day: 1)
        }
    }

    /// The first day a period covers, when it has one.
    func firstDay(of period: Period) -> Day? {
        switch period {
        case .day(let day): return day
        case .ytd(let y, _), .year(let y): return Day(year: y, month: 1, day: 1)
        case .month(let y, let m): return Day(year: y, month: m, day: 1)
        case .span(let start, _): return start
        }
    }

    func lastDay(_ point: Point) -> Day? {
        switch point {
        case .day(let day, _): return day
        case .month(let y, let m): return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))
        case .middle(let y, let m): return Day(year: y, month: m, day: 15)
        case .year(let y): return Day(year: y, month: 12, day: 31)
        }
    }

    func period(_ point: Point, range: Range<Int>, in sentence: Range<Int>) -> Period? {
        switch point {
        case .day(let day, _): return .day(day)
        case .month(let y, let m), .middle(let y, let m): return .month(year: y, month: m)
        case .year(let y):
            if y > articleDate.year { return nil }
            let whole = word(range.lowerBound - 2, in: sentence) == "whole" && word(range.lowerBound - 1, in: sentence) == "of"
            return y == articleDate.year && !whole ? .ytd(year: y, asOf: articleDate) : .year(y)
        }
    }

    /// Whether a change or a percentage stands in the three words before `i` ("up 50% from",
    /// "a rise from", "down sharply from").
    func isChangeWord(before i: Int, in sentence: Range<Int>) -> Bool {
        words[max(sentence.lowerBound, i - 3)..<i].contains { word in
            switch word {
            case "%", "percent", "cent", "up", "down", "rise", "rose", "risen", "fell", "fallen", "fall", "increase",
                 "increased", "decrease", "decreased", "jump", "jumped", "drop", "dropped", "higher", "lower", "more", "fewer", "less":
                return true
            default:
                return false
            }
        }
    }

    /// The word at `i`, or "" when `i` is outside the sentence.
    func word(_ i: Int, in sentence: Range<Int>) -> String {
        sentence.contains(i) ? words[i] : ""
    }

    /// "said on Monday", "told reporters on Tuesday", "presented the figures at a press conference on
    /// Saturday": the day of the statement (words of reporting are the `report` rows of times.tsv).
    /// "die „Bild“-Zeitung (Montag)", "the Times (Monday)": a weekday in brackets is the day a paper
    /// printed the figures, a report day.
    func isIssueDay(_ range: Range<Int>, in sentence: Range<Int>) -> Bool {
        range.count == 1 && range.lowerBound - 1 >= sentence.lowerBound && range.upperBound < sentence.upperBound
            && words[range.lowerBound - 1] == "(" && words[range.upperBound] == ")" && vocabulary.weekdays.contains(id: ids[range.lowerBound])
    }

    func isReport(_ i: Int, in sentence: Range<Int>) -> Bool {
        words[max(sentence.lowerBound, i - 4)..<i].contains { vocabulary.times[$0] == "report" }
    }

    /// "On Saturday Greece said it had kept some 40,000 migrants ... since the start of the year":
    /// a weekday opening the sentence and followed, within three words, by a verb of saying is the
    /// day of the statement. `lead` is the index of the point (after "on", if any).
    func opensReport(after end: Int, lead: Int, in sentence: Range<Int>) -> Bool {
        guard lead - sentence.lowerBound <= 1 else { return false }
        return words[end..<min(sentence.upperBound, end + 3)].contains { isOneOf($0, "said", "says", "told", "announced", "reported", "stated") }
    }

    /// A duration counted back from the article's date, moved to end on `day` instead.
    func anchor(_ period: Period, on day: Day) -> Period {
        switch period {
        case .day: return .day(day)
        case .span(let start?, let end?): return .span(start: day.adding(days: start.days(until: end) * -1), end: day)
        default: return period
        }
    }

    // MARK: relative wording

    func relative(_ code: String, _ range: Range<Int>, in sentence: Range<Int>) -> TimeExpression? {
        let d = articleDate
        let parts = code.split(separator: ":")
        let kind = parts.first.map(String.init) ?? ""
        let argument = parts.count > 1 ? String(parts[1]) : ""
        switch kind {
        case "day":
            guard let offset = Int(argument) else { return nil }
            return TimeExpression(range: range, period: .day(d.adding(days: offset)), strength: .relative)
        case "week":
            switch argument {
            case "this": return TimeExpression(range: range, period: .span(start: d.mondayOfWeek, end: d), strength: .relative)
            case "next":
                let monday = d.mondayOfWeek.adding(days: 7)
                return TimeExpression(range: range, period: .span(start: monday, end: monday.adding(days: 6)), strength: .relative)
            case "last":
                let monday = d.mondayOfWeek.adding(days: -7)
                return TimeExpression(range: range, period: .span(start: monday, end: monday.adding(days: 6)), strength: .relative)
            default: return TimeExpression(range: range, period: .span(start: d.adding(days: -6), end: d), strength: .relative)
            }
        case "weekend":
            let sunday = d.weekday == 7 ? d : d.latest(weekday: 7)
            let saturday = d.weekday == 6 ? d : sunday.adding(days: -1)
            return TimeExpression(range: range, period: .span(start: saturday, end: d.weekday == 6 ? d : sunday), strength: .relative)
        case "month":
            if argument == "next" {
                let next = d.month == 12 ? (d.year + 1, 1) : (d.year, d.month + 1)
                return TimeExpression(range: range, period: .month(year: next.0, month: next.1), strength: .relative)
            }
            if argument == "this" { return TimeExpression(range: range, period: .month(year: d.year, month: d.month), strength: .relative) }
            let previous = d.month == 1 ? (d.year - 1, 12) : (d.year, d.month - 1)
            return TimeExpression(range: range, period: .month(year: previous.0, month: previous.1), strength: .relative)
        case "ytd":
            return TimeExpression(range: range, period: .ytd(year: d.year, asOf: d), strength: .relative)
        case "span":
            return TimeExpression(range: range, period: .span(start: nil, end: nil), strength: .relative)
        case "dayback":
            let days = Int(argument) ?? 1
            guard days >= 1 else { return nil }
            return TimeExpression(range: range, period: .day(d.adding(days: -days)), strength: .relative, daysBack: days)
        case "yearback":
            // without a figure to compare with: "the previous year" is last year, a point in the year
            // ("at this stage last year") that year's running total on this day, others an unknown stretch
            let alone: Period
            switch argument {
            case "last": alone = .year(d.year - 1)
            case "point": alone = sameDay(of: d.year - 1).map { .ytd(year: d.year - 1, asOf: $0) } ?? .year(d.year - 1)
            default: alone = .span(start: nil, end: nil)
            }
            var expression = TimeExpression(range: range, period: alone, strength: .relative, yearBack: true)
            // "fell to 4,408, a drop of 35.8% on the previous year": the baseline of a change dates no figure before it
            if range.lowerBound - 1 > sentence.lowerBound, isOneOf(words[range.lowerBound - 1], "on", "over"),
               isChangeWord(before: range.lowerBound - 1, in: sentence) {
                expression.baseline = true
            }
            expression.samePeriod = argument == "same"
            expression.pointInYear = argument == "point" || argument == "pointin"
            if argument == "same" || expression.pointInYear, range.upperBound + 1 < sentence.upperBound,
               isOneOf(words[range.upperBound], "of", "in"), let (named, point) = point(at: range.upperBound + 1, in: sentence) {
                switch point {
                case .month(let y, let m) where argument == "same": expression.movedTo = .month(year: y, month: m)
                case .year(let y) where argument == "same": expression.movedTo = .year(y)
                // "by the equivalent date in 2021": that year's running total on this day
                case .year(let y) where y < d.year:
                    expression.movedTo = .year(y)
                    expression.period = sameDay(of: y).map { .ytd(year: y, asOf: $0) }
                default: break
                }
                if expression.movedTo != nil { expression.range = range.lowerBound..<named.upperBound }
            }
            // "at this stage", "by the equivalent date" name a past year only with one after them
            if argument == "pointin", expression.movedTo == nil { return nil }
            return expression
        case "yearstart":
            // "from the beginning of the year to October 13, 2019", "between the start of the year and
            // Dec. 26": a stretch from 1 January to the point named next (see `stretchRules`); alone,
            // the running total to the article's date
            if range.upperBound + 1 < sentence.upperBound, isOneOf(words[range.upperBound], "to", "and", "until", "till", "through"),
               let (named, point) = point(at: range.upperBound + 1, in: sentence), let last = lastDay(point),
               let first = Day(year: last.year, month: 1, day: 1), first <= last {
                return TimeExpression(range: range.lowerBound..<named.upperBound,
                                      period: stretchReading(from: first, to: last, endsOnNamedDay: isExplicit(point)), strength: .explicit)
            }
            return TimeExpression(range: range, period: .ytd(year: d.year, asOf: d), strength: .relative)
        case "anaphor":
            // "that day", "the same day": the day named last (see `FactBuilder.lastNamedDay`); alone, the article's day
            var expression = TimeExpression(range: range, period: .day(d), strength: .relative)
            expression.anaphoric = true
            return expression
        case "dayafter":
            // "118 reached Mallorca on Tuesday, and another 80 were intercepted the following day": the
            // day after the day named before (see `daysBack`); alone, nothing later than the article's day
            return TimeExpression(range: range, period: .day(d), strength: .relative, daysBack: -1)
        case "monthback":
            // "compared with the previous month (8,220)"; alone, last month
            let previous = d.month == 1 ? (d.year - 1, 12) : (d.year, d.month - 1)
            var expression = TimeExpression(range: range, period: .month(year: previous.0, month: previous.1), strength: .relative)
            expression.monthsBack = 1
            // "a drop in arrivals compared with the previous month (8,220)": the baseline's time, not the figure's before it
            expression.baseline = isOneOf(word(range.lowerBound - 1, in: sentence), "with", "to")
                && isOneOf(word(range.lowerBound - 2, in: sentence), "compared", "comparison")
            return expression
        case "stretchback":
            var expression = TimeExpression(range: range, period: .span(start: nil, end: nil), strength: .relative)
            expression.stretchBack = true
            return expression
        case "weak":
            return TimeExpression(range: range, period: .ytd(year: d.year, asOf: d), strength: .weak)
        case "untilnow":
            // "Seni on Leedu tagasi saatnud 537" (up to now): all so far, from no stated start
            return TimeExpression(range: range, period: .span(start: nil, end: d), strength: .relative)
        case "year":
            // year:-N, "hace cuatro años" (four years ago): that calendar year
            if let back = Int(argument), back < 0 { return TimeExpression(range: range, period: .year(d.year + back), strength: .relative) }
            return TimeExpression(range: range, period: .year(argument == "next" ? d.year + 1 : d.year - 1), strength: .relative)
        case "months":
            // "the first half of 2023", "the first six months of the year", "the third quarter of last year"
            let bounds = argument.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2 else { return nil }
            // "in the first half of October": the 1st to the 15th of that month, the second half the rest
            if bounds == [1, 6] || bounds == [7, 12], range.upperBound + 1 < sentence.upperBound, words[range.upperBound] == "of",
               let (named, point) = point(at: range.upperBound + 1, in: sentence), case .month(let y, let m) = point,
               let first = Day(year: y, month: m, day: bounds[0] == 1 ? 1 : 16),
               let last = Day(year: y, month: m, day: bounds[0] == 1 ? 15 : Day.daysIn(month: m, year: y)) {
                return TimeExpression(range: range.lowerBound..<named.upperBound, period: .span(start: first, end: last), strength: .relative)
            }
            let (year, end) = yearOf(after: range.upperBound, in: sentence)
            let y = year ?? (bounds[1] > d.month ? d.year - 1 : d.year)
            guard let first = Day(year: y, month: bounds[0], day: 1),
                  let last = Day(year: y, month: bounds[1], day: Day.daysIn(month: bounds[1], year: y)) else { return nil }
            return TimeExpression(range: range.lowerBound..<end, period: .span(start: first, end: last), strength: .relative)
        case "fiscal":
            // "the fiscal year so far", "this fiscal year": from the 1 October that began it to the article's date
            if argument == "this" {
                guard let first = Day(year: d.month >= 10 ? d.year : d.year - 1, month: 10, day: 1) else { return nil }
                return TimeExpression(range: range, period: .span(start: first, end: d), strength: .relative)
            }
            // "since the new fiscal year began": from that 1 October, open as any "since"
            if argument == "since" {
                guard let first = Day(year: d.month >= 10 ? d.year : d.year - 1, month: 10, day: 1) else { return nil }
                return TimeExpression(range: range, period: .span(start: first, end: nil), strength: .relative)
            }
            // "fiscal year 2022", "fiscal 2023": the US federal year, October to September
            var (year, end) = self.year(after: range.upperBound, in: sentence, comma: false)
            var start = range.lowerBound
            // "the 2024 fiscal year": the year before it
            if year == nil, start > sentence.lowerBound, tokens[start - 1].kind == .number, !tokens[start - 1].separated,
               tokens[start - 1].digits == 4, (1900...2100).contains(Int(tokens[start - 1].number)) {
                year = Int(tokens[start - 1].number)
                start -= 1
                end = range.upperBound
            }
            guard let year, let first = Day(year: year - 1, month: 10, day: 1), let last = Day(year: year, month: 9, day: 30) else {
                return range.count > 1 ? TimeExpression(range: range, period: .span(start: nil, end: nil), strength: .relative) : nil
            }
            return TimeExpression(range: start..<end, period: .span(start: first, end: last), strength: .relative)
        case "season":
            // "last summer", "since the summer", "over the winter": months A-B, wrapping past December
            let bounds = argument.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, parts.count > 2 else { return nil }
            func season(startingIn year: Int) -> (Day, Day)? {
                let endYear = bounds[1] < bounds[0] ? year + 1 : year
                guard let first = Day(year: year, month: bounds[0], day: 1),
                      let last = Day(year: endYear, month: bounds[1], day: Day.daysIn(month: bounds[1], year: endYear)) else { return nil }
                return (first, last)
            }
            let (named, end) = yearOf(after: range.upperBound, in: sentence)
            var year = named ?? d.year
            if named == nil {
                // the latest season begun by the article's date; "last" wants one already over
                while let (first, last) = season(startingIn: year), first > d || parts[2].hasSuffix("last") && last >= d { year -= 1 }
            }
            guard let (first, last) = season(startingIn: year) else { return nil }
            let period: Period = parts[2].hasPrefix("since") ? .span(start: first, end: nil) : .span(start: first, end: last)
            return TimeExpression(range: range.lowerBound..<end, period: period, strength: .relative)
        case "date":
            // "on Christmas Day": a fixed day of the year, the latest one on or before the article's date
            let parts = argument.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, let day = resolve(month: parts[0], day: parts[1], year: nil) else { return nil }
            return TimeExpression(range: range, period: .day(day), strength: .relative)
        case "easter":
            // "over the Easter weekend", "on Good Friday": days around Easter Sunday (easter:FROM:TO),
            // the latest such stretch begun by the article's date
            guard parts.count == 3, let from = Int(parts[1]), let to = Int(parts[2]) else { return nil }
            var sunday = Day.easterSunday(of: d.year)
            if sunday.adding(days: from) > d { sunday = Day.easterSunday(of: d.year - 1) }
            let first = sunday.adding(days: from), last = sunday.adding(days: to)
            return TimeExpression(range: range, period: from == to ? .day(first) : .span(start: first, end: last), strength: .relative)
        case "duration":
            guard let days = Int(argument), days >= 1 else { return nil }
            let period: Period = days == 1 ? .day(d) : .span(start: d.adding(days: 1 - days), end: d)
            return TimeExpression(range: range, period: period, strength: .report, duration: true)
        default:
            return nil
        }
    }
}

/// Tokens a time expression has taken, so that "August 3" or "past 24 hours" is never read as a figure.
struct ClaimedTokens: Sendable {
    var ranges: [Range<Int>] = []

    func contains(_ index: Int) -> Bool { ranges.contains { $0.contains(index) } }
}
