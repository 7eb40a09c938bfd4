import BorderwatchCore

/// How a figure's period is chosen: the nearest time wording, report days, comparisons a year
/// back, inherited days and running totals' as-of days.
extension FactBuilder {
    /// The time wording nearest the figure that no other figure stands closer to; a figure
    /// with none is a count of the article's own day.
    func period(for figure: Figure, in sentence: SentenceAnalysis) -> (Period, TimeExpression.Strength) {
        var best: (TimeExpression, Double)?
        var eventAfter: (TimeExpression, Double)?
        // "1,699 people in all were rescued ... in the first six months of 2020": wording that only
        // hints at a running total ("in all", "in total", "so far") yields to any period the sentence names
        let namesPeriod = sentence.times.contains {
            $0.period != nil && $0.strength >= .relative && !$0.baseline && !$0.duration && !$0.yearBack && $0.daysBack == 0
                // ("In total, 36,871 applied, an increase of 40% on 2021": the year after the baseline)
                || $0.baseline && isYear($0.period) && $0.range.lowerBound >= figure.range.upperBound
        }
        for expression in sentence.times {
            guard expression.period != nil else { continue }
            // "... on Sunday, lifting the number of repatriated Afghans to more than 174,350": the count
            // raised to the figure is a running total, whatever day the rise is told for
            if expression.strength == .weak, namesPeriod, raises(expression, to: figure, in: sentence), let period = expression.period {
                return (period, .relative)
            }
            if expression.strength == .weak, namesPeriod { continue }
            // "3,000 arrived in the past two weeks, officials said on Friday": the duration already ends on that day
            if expression.strength == .report, !expression.duration, sentence.times.contains(where: \.duration) { continue }
            // "the previous record for 2022", "the biggest one-day number in 2021": the year
            // bounds the record claim, not the figure
            // ("the most in any year since 2015": the stretch a record is told over, too)
            let yearly: Bool
            switch expression.period {
            case .year?, .ytd?, .span(_?, nil)?: yearly = true
            default: yearly = false
            }
            if yearly, !expression.baseline, sentence.records.contains(where: {
                // "this year's previous high of 549", "2023's highest": the year right before the record phrase
                if $0.range.lowerBound >= expression.range.upperBound {
                    return $0.range.lowerBound - expression.range.upperBound <= 1 && $0.value != "none"
                }
                guard $0.range.upperBound <= expression.range.lowerBound else { return false }
                let between = $0.range.upperBound..<expression.range.lowerBound
                return between.count <= 3 && !sentence.figures.contains { between.contains($0.range.lowerBound) }
            }) { continue }
            let after = expression.range.lowerBound >= figure.range.upperBound
            if expression.baseline && after { continue }
            let between = after ? figure.range.upperBound..<expression.range.lowerBound
                                : expression.range.upperBound..<figure.span.lowerBound
            // "came ashore on Monday and Tuesday ..., and that 2,700 had been returned": a second
            // reported clause ("and that") has its own time
            if !after, opensReportedClause(between) { continue }
            if !after, !isFronted(expression, in: sentence.range),
               sentence.figures.contains(where: { between.contains($0.range.lowerBound) && !isLoad($0) && !isPart($0, in: sentence) }) { continue }
            if after, sentence.figures.contains(where: { between.contains($0.range.lowerBound) && !isLoad($0) && !isPart($0, in: sentence) }) { continue }
            // "3 832 человека, что в 47 раз больше, чем за весь прошлый год" (47 times more than in all
            // of last year): the time after "than" is the comparison's, not the figure's
            if after, expression.range.lowerBound - 1 > figure.range.upperBound {
                let before = expression.range.lowerBound - 1
                if words[before] == "than" || before - 1 > figure.range.upperBound && isOneOf(words[before], "in", "for", "during")
                    && words[before - 1] == "than" { continue }
            }
            // "6 мигрантов, в Польшу, по данным на среду, – 28": a time past a comma after the figure,
            // right before the next figure, is that one's when the figure has a time of its own before it
            if after, words[between].contains(","),
               sentence.figures.contains(where: { $0.span.lowerBound >= expression.range.upperBound && $0.span.lowerBound - expression.range.upperBound <= 3 }),
               sentence.times.contains(where: { $0.period != nil && $0.range.upperBound <= figure.span.lowerBound && !$0.baseline }) { continue }
            // "2020. aasta jooksul peeti kinni 81 ning 2019. aastal 46" (in 2020, 81 were detained and in
            // 2019, 46): a time after "and" that opens the next item, right before its figure, is that one's
            if after, !between.isEmpty, between.allSatisfy({ isOneOf(words[$0], "and", ",", "in", "on") }), words[between].contains(where: { isOneOf($0, "and", ",") }),
               sentence.figures.contains(where: { $0.span.lowerBound >= expression.range.upperBound && $0.span.lowerBound - expression.range.upperBound <= 2 }),
               sentence.times.contains(where: { $0.period != nil && $0.range.upperBound <= figure.span.lowerBound && !$0.baseline }) { continue }
            // "the 1,305 arrivals bring the total for 2024 so far to 19,294": wording in or after "the
            // total" dates the N it is brought to, not the figure before it
            if after, words[between.lowerBound..<expression.range.upperBound].contains(where: { $0 == "total" || $0 == "tally" }),
               sentence.figures.contains(where: { $0.range.lowerBound >= expression.range.upperBound }) { continue }
            var score = Double(gap(expression.range, after ? figure.range : figure.span))
            // "intercepted 23,000 in the first half of the year": the wording's own preposition and
            // article are no distance (those of a time before the figure lie outside `between`)
            if after {
                var j = expression.range.lowerBound - 1
                if j > between.lowerBound, words[j] == "the" { j -= 1 }
                if j >= between.lowerBound, isOneOf(words[j], "in", "during", "over", "within", "throughout") {
                    score -= Double(expression.range.lowerBound - j)
                }
                // "a further 35 during the day on Sunday": the part of the day belongs to the day after it
                // (and the "on" before that day)
                let day = expression.range.lowerBound
                let on = day - 1 > between.lowerBound && isOneOf(words[day - 1], "on", "at") ? 1 : 0
                let part = partOfDayLength(before: day - on, from: between.lowerBound)
                if part > 0 { score -= Double(part + on) }
            }
            // "547 migrants had landed on Lesvos, in the eastern Aegean, on Thursday afternoon": a
            // place phrase set off by commas is an aside, no distance
            if after { score -= Double(asideLength(in: between, figures: sentence.figures)) }
            // "declared an emergency on Tuesday after 283 migrants crossed since August 1": a
            // subordinate clause between them has its own time
            // ("compared with December, when agents recorded 249,785" is a clause about that month)
            let aboutIt = !after && expression.range.upperBound + 1 < figure.span.lowerBound && words[expression.range.upperBound] == ","
                && isOneOf(words[expression.range.upperBound + 1], "when", "as")
            score += 4 * Double(words[between].reduce(0) { $0 + (isSubordinator($1) ? 1 : 0) } - (aboutIt ? 1 : 0))
            switch expression.strength {
            case .explicit: break
            case .relative: score += 1
            case .report: score += 5
            case .weak: score += 8
            }
            if expression.duration { score += 10 }
            if after { score -= 0.5 }
            if score > 40 { continue }
            if score < (best?.1 ?? .infinity) { best = (expression, score) }
            // "said on Tuesday that 15 migrants drowned on Monday": the day in the figure's own
            // clause, after it, names the event; the report day before it only when nothing else does
            if after, expression.strength >= .relative, !expression.duration, score <= 20,
               namesDays(expression.period) || isMonth(expression.period) || isYear(expression.period) || isRunningTotal(expression.period),
               !sentence.figures.contains(where: {
                   // a figure set against this one ("..., up from 9,000 in the same period") has its own time
                   $0.range.lowerBound >= expression.range.upperBound && !isCompared($0, in: sentence) && !isLoad($0)
                       && gap(expression.range, $0.span) < gap(figure.range, expression.range)
                       // "prevented 34,778 attempts since Saturday and arrested 244": a figure with its own
                       // verb after the time does not take it from this one
                       && !hasOwnVerb($0, after: expression.range.upperBound, in: sentence)
               }) {
                if eventAfter.map({ score < $0.1 }) ?? true { eventAfter = (expression, score) }
            }
        }
        if let (chosen, _) = best, chosen.strength == .report, !chosen.duration, chosen.range.upperBound <= figure.span.lowerBound,
           let (event, _) = eventAfter, let period = event.period {
            return (period, event.strength)
        }
        // "arrivals doubled to 25,000 in the first half, data showed on Tuesday, driven by the Canaries,
        // where 19,257 landed": a figure left with only the report day shares the sentence's earlier count's
        if best.map({ $0.0.strength == .report && !$0.0.duration }) ?? true, !isCompared(figure, in: sentence),
           let earlier = entries.last, earlier.sentence == sentence.range, !earlier.compared, earlier.strength >= .relative,
           !opensReportedClause(earlier.position..<figure.span.lowerBound) {
            return (earlier.fact.period, earlier.strength)
        }
        // "This year nearly 32,000 were filed in the first half": a part of the year after the figure
        // names its stretch more closely than the year before it
        if let (chosen, _) = best, chosen.range.upperBound <= figure.span.lowerBound, let year = chosen.period.flatMap(yearOf),
           let part = sentence.times.first(where: { expression in
               guard expression.range.lowerBound >= figure.range.upperBound, !expression.baseline, !expression.duration,
                     case .span(let start?, _?)? = expression.period, start.year == year else { return false }
               return !sentence.figures.contains { $0.range.lowerBound >= figure.range.upperBound && $0.range.upperBound <= expression.range.lowerBound }
           }), let period = part.period {
            return (period, part.strength)
        }
        if let (expression, _) = best, let period = expression.period {
            if expression.anaphoric { return (.day(lastNamedDay ?? articleDate), expression.strength) }
            // "Libya's coast guard pulled 9,000 people back over the same period": the period just named
            let same = expression.samePeriod && expression.movedTo == nil && !isCompared(figure, in: sentence)
            if same, let last = comparedEntry(before: figure, in: sentence) { return (last.fact.period, expression.strength) }
            if expression.yearBack, let compared = comparedPeriod(before: figure, in: sentence, movedTo: expression.movedTo),
               !expression.pointInYear || isRunningTotal(compared) {
                return (compared, expression.strength)
            }
            if expression.monthsBack > 0, let last = comparedEntry(before: figure, in: sentence), case .month(let y, let m) = last.fact.period {
                let index = y * 12 + (m - 1) - expression.monthsBack
                return (.month(year: index / 12, month: index % 12 + 1), expression.strength)
            }
            if expression.stretchBack, let last = comparedEntry(before: figure, in: sentence),
               case .span(let start?, let end?) = last.fact.period, let earlier = stretch(before: start, end) {
                return (earlier, expression.strength)
            }
            if expression.daysBack != 0, let last = comparedEntry(before: figure, in: sentence) {
                switch last.fact.period {
                case .day(let day):
                    return (.day(day.adding(days: -expression.daysBack)), expression.strength)
                case .span(let start?, let end?) where expression.daysBack == 7:
                    // "1,200 this week, up from 900 a week earlier": that stretch a week back
                    return (.span(start: start.adding(days: -7), end: end.adding(days: -7)), expression.strength)
                case .span(nil, let end?):
                    // "stands at 90,000 ... Three days earlier the UN had put the figure at 76,000": all so far, N days back
                    return (.span(start: nil, end: end.adding(days: -expression.daysBack)), expression.strength)
                default: break
                }
            }
            // "seized the park on Wednesday, and agents encountered 2,500 migrants a day earlier": the
            // day before the day the sentence names first
            if expression.daysBack != 0, let named = sentence.times.first(where: {
                $0.range.upperBound <= expression.range.lowerBound && $0.daysBack == 0 && !$0.duration
            }), case .day(let day)? = named.period {
                return (.day(day.adding(days: -expression.daysBack)), expression.strength)
            }
            // "the number who have escaped into Chad stands at around 90,000, the UN warned on Monday":
            // a running total told on a day is all so far up to that day, from no stated start
            if expression.strength == .report, !expression.duration, case .day(let day) = period,
               isLevel(figure, in: sentence) {
                return (.span(start: nil, end: day), .relative)
            }
            // "was battling on Thursday to cope with some 7,000 migrants who had arrived": the day of the
            // main clause before the figure; its people had come by then, over days it does not name
            if !expression.duration, case .day(let day) = period, expression.range.upperBound <= figure.span.lowerBound,
               hadComeBefore(figure, in: sentence) {
                return (.span(start: nil, end: day), .relative)
            }
            return (toNamedDay(soFar(period, in: sentence), figure: figure, in: sentence), expression.strength)
        }
        // Rule *year after the baseline*: a figure with no time of its own, set against a year after
        // it, counts the year after that one: "36,871 applications, an increase of 40% on 2021" -> 2022
        // (a running total when that is the article's year)
        // or a figure compared with it told for a year ("36,871 applied, compared with 26,000 in 2021")
        if let baseline = sentence.times.first(where: { expression in
            guard !expression.yearBack, expression.range.lowerBound >= figure.range.upperBound else { return false }
            let between = sentence.figures.filter {
                $0.range.lowerBound >= figure.range.upperBound && $0.range.upperBound <= expression.range.lowerBound
            }
            if expression.baseline { return between.isEmpty }
            guard between.count == 1, let compared = between.first, isCompared(compared, in: sentence) else { return false }
            return expression.range.lowerBound - compared.range.upperBound <= 2
        }), case .year(let y)? = baseline.period, y + 1 <= articleDate.year {
            return (y + 1 == articleDate.year ? .ytd(year: y + 1, asOf: articleDate) : .year(y + 1), .relative)
        }
        // "At least 23 migrants died ... when about 2,000 people tried to scale the fence on Friday": the
        // sentence's only day, after the figure and a clause about the same event, is the event's even
        // past another figure ("apprehended 120 and pushed back 2,000 on Sunday" keeps its own verbs apart)
        let days = sentence.times.filter {
            $0.range.lowerBound >= figure.range.upperBound && $0.strength >= .relative && !$0.duration && $0.daysBack == 0 && !$0.yearBack
        }
        if days.count == 1, case .day? = days[0].period, let period = days[0].period,
           words[figure.range.upperBound..<days[0].range.lowerBound].contains(where: isSubordinator),
           !sentence.times.contains(where: { $0.range.upperBound <= figure.span.lowerBound }) {
            return (period, .relative)
        }
        // "have arrested 348 people and prevented 44,353 attempts since Feb. 29": two verbs joined by
        // "and" share the stretch after the second (a day stays the second's own: "apprehended 120
        // people and pushed back 2,000 on Sunday")
        if let shared = sentence.times.first(where: { expression in
            guard case .span? = expression.period, !expression.baseline, !expression.duration,
                  expression.range.lowerBound >= figure.range.upperBound, expression.range.lowerBound - figure.range.upperBound <= 16
            else { return false }
            let between = figure.range.upperBound..<expression.range.lowerBound
            guard let and = between.first(where: { words[$0] == "and" }), and - figure.range.upperBound <= 2,
                  !words[between].contains(where: { $0 == "," || isSubordinator($0) }) else { return false }
            return sentence.metrics.contains { $0.value != "name" && $0.range.lowerBound == and + 1 }
                && sentence.figures.contains { between.contains($0.range.lowerBound) }
        }), let period = shared.period {
            return (period, .relative)
        }
        return (.day(articleDate), .weak)
    }

    /// The length of a part-of-day phrase (grammar.tsv `part_of_day`: "during the day", "in the
    /// morning") that ends right before `end` and starts no earlier than `start`; 0 when none does.
    func partOfDayLength(before end: Int, from start: Int) -> Int {
        grammarPhrase("part_of_day", endingAt: end, from: max(start, end - 4)) ?? 0
    }

    /// The length of a grammar.tsv phrase of `role` that ends right before `end` and starts at
    /// `start` or later; `nil` when none does.
    func grammarPhrase(_ role: String, endingAt end: Int, from start: Int) -> Int? {
        for k in start..<end {
            if let (found, length) = vocabulary.grammar.longestMatch(in: ids, at: k), found == role, k + length == end { return length }
        }
        return nil
    }

    /// "up from 5,200 a year earlier", "against 64,529 in the same period last year": the period
    /// of the figure compared with, one year back. That figure is the last fact before this one in
    /// the sentence, else in the sentence just before.
    /// "the same period of October" (`movedTo`) moves that period into the month or year named instead.
    func comparedPeriod(before figure: Figure, in sentence: SentenceAnalysis, movedTo: Period? = nil) -> Period? {
        guard let last = comparedEntry(before: figure, in: sentence) else { return nil }
        var years = -1
        var month: (Int, Int)?
        switch movedTo {
        case .month(let y, let m)?: month = (y, m)
        case .year(let y)?: years = last.fact.period.year.map { y - $0 } ?? -1
        default: break
        }
        func back(_ day: Day) -> Day? {
            let (y, m) = month ?? (day.year + years, day.month)
            return Day(year: y, month: m, day: min(day.day, Day.daysIn(month: m, year: y)))
        }
        switch last.fact.period {
        case .day(let day): return back(day).map { .day($0) }
        case .month(let y, let m): return month.map { .month(year: $0.0, month: $0.1) } ?? .month(year: y + years, month: m)
        case .year(let y): return .year(y + years)
        case .ytd(let y, let asOf):
            guard let start = Day(year: y + years, month: 1, day: 1), let end = back(asOf) else { return nil }
            // "46,843 in 2024 (said on 31 December), breaking the previous year's record of 39,910": all of that year
            if end.month == 12, end.day == 31 { return .year(end.year) }
            // "up from 5,200 a year earlier", "by the equivalent date in 2021": that year's running
            // total on the same day (a month named instead, "the same period of October", bounds a stretch)
            return month == nil ? .ytd(year: end.year, asOf: end) : .span(start: start, end: end)
        case .span(let start, let end):
            guard start != nil || end != nil else { return nil }
            return .span(start: start.flatMap(back), end: end.flatMap(back))
        }
    }

    /// "bringing the total to 3,027", "lifting the number of repatriated Afghans to 174,350": a verb
    /// raising a count (times.tsv "the total", "the number") up to the figure, nothing counted between.
    func raises(_ expression: TimeExpression, to figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let end = expression.range.upperBound, start = figure.span.lowerBound
        guard end <= start, start - end <= 8, start - 1 >= sentence.range.lowerBound, words[start - 1] == "to",
              isOneOf(words[end - 1], "total", "number", "tally", "count") else { return false }
        // ("bring the total for January to 1,194": the period named with the count)
        return !sentence.figures.contains { $0.range.lowerBound >= end && $0.range.upperBound <= start }
            && !sentence.times.contains { $0.range.lowerBound >= end && $0.range.upperBound <= start && $0.strength >= .relative }
    }

    /// The stretch as long as `start...end` that ends the day before `start`: as many whole months
    /// when it is made of whole months ("the year to June 2023 ... the preceding 12 months" is
    /// July 2021 to June 2022), else as many days.
    func stretch(before start: Day, _ end: Day) -> Period? {
        guard start <= end else { return nil }
        let last = start.adding(days: -1)
        if start.day == 1, end.day == Day.daysIn(month: end.month, year: end.year) {
            let months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
            let index = start.year * 12 + (start.month - 1) - months
            return Day(year: index / 12, month: index % 12 + 1, day: 1).map { .span(start: $0, end: last) }
        }
        return .span(start: start.adding(days: -(start.days(until: end) + 1)), end: last)
    }

    /// "With five months of Fiscal 2019 still to run, 531,711 have been apprehended so far": a
    /// stretch not over by the article's date, with wording of a running total ("so far", "to
    /// date") in the sentence, is counted up to the article's date.
    func soFar(_ period: Period, in sentence: SentenceAnalysis) -> Period {
        guard case .span(let start?, let end?) = period, start <= articleDate, end > articleDate,
              sentence.times.contains(where: { $0.strength == .weak && $0.period != nil }) else { return period }
        return .span(start: start, end: articleDate)
    }

    /// How much `gap` counts for asides in `range`: a phrase between two commas that opens with a
    /// preposition of place and holds no figure (", in the eastern Aegean,"), commas included.
    func asideLength(in range: Range<Int>, figures: [Figure]) -> Int {
        var total = 0
        var open: Int?
        for i in range where words[i] == "," {
            if let start = open, i - start >= 2, isOneOf(words[start + 1], "in", "on", "at", "near", "off", "along", "across"),
               !figures.contains(where: { (start..<i).contains($0.range.lowerBound) }) {
                total += (i - start + 1) + 4
                open = nil
            } else {
                open = i
            }
        }
        return total
    }

    /// The figure compared with: the last fact before `figure` in its sentence, else in the sentence just before.
    func comparedEntry(before figure: Figure, in sentence: SentenceAnalysis) -> Entry? {
        guard let last = entries.last, last.position < figure.range.lowerBound,
              last.sentence == sentence.range || last.sentence.upperBound <= sentence.range.lowerBound
                && (sentence.range.lowerBound - last.sentence.upperBound <= 2
                    // "... 5.832 persone. Lo indica il ministero. Nello stesso periodo dello scorso anno ...":
                    // one sentence without figures between
                    || last.sentence == figuredSentence && quietSentences == 1 && !quietStretch) else { return nil }
        return last
    }

    /// "On Monday alone, the guards recorded 810 attempts and detained 24 people": time wording that
    /// opens the sentence and is set off by a comma dates every figure of it.
    func isFronted(_ expression: TimeExpression, in sentence: Range<Int>) -> Bool {
        // only prepositions and articles before it ("On Monday alone,", "In the year ending December 2023,")
        guard expression.range.lowerBound - sentence.lowerBound <= 3,
              words[sentence.lowerBound..<expression.range.lowerBound].allSatisfy({ isOneOf($0, "on", "in", "the", "during", "over", "for", "since") })
        else { return false }
        let next = expression.range.upperBound
        // "On Sunday alone there were 437 attempts, and 27 ...": "alone" fronts it as a comma would
        if next < sentence.upperBound, words[next] == "alone" { return true }
        return next < sentence.upperBound && words[next] == ","
    }

    /// "a pirogue carrying 200 migrants capsized": the people aboard, not what happened to them.
    func isLoad(_ figure: Figure) -> Bool {
        let start = figure.span.lowerBound
        guard start > 0 else { return false }
        if isOneOf(words[start - 1], "carrying", "carried", "transporting", "ferrying", "holding") { return true }
        // "a fishing boat packed with up to 750 migrants", "a dinghy with 48 people on board"
        guard words[start - 1] == "with" else { return false }
        for j in max(0, start - 5)..<(start - 1) {
            switch words[j] {
            case "packed", "crammed", "loaded", "overloaded", "filled", "laden", "overcrowded",
                 "boat", "boats", "vessel", "dinghy", "ship", "trawler", "raft", "pirogue", "canoe", "truck", "lorry", "van":
                return true
            default: continue
            }
        }
        return false
    }

    /// A metric phrase stands between `start` and `figure`, close before the figure.
    func hasOwnVerb(_ figure: Figure, after start: Int, in sentence: SentenceAnalysis) -> Bool {
        sentence.metrics.contains {
            $0.value != "name" && $0.range.lowerBound >= start && $0.range.upperBound <= figure.span.lowerBound
                && figure.span.lowerBound - $0.range.upperBound <= 3
        }
    }

    /// A period that begins after the article's date ("next year", "by 2030").
    func isFuture(_ period: Period) -> Bool {
        switch period {
        case .day(let day): return day > articleDate
        case .month(let y, let m): return y * 12 + m > articleDate.year * 12 + articleDate.month
        case .year(let y), .ytd(let y, _): return y > articleDate.year
        case .span(let start?, _): return start > articleDate
        case .span(nil, let end?): return end > articleDate && end.year > articleDate.year
        case .span(nil, nil): return false
        }
    }

    /// A day or a stretch of days with a known bound ("on Monday", "since Sunday"), not a month or year.
    /// Conjunctions that open a clause of its own.
    func isSubordinator(_ word: String) -> Bool {
        isOneOf(word, "after", "because", "when", "while", "although", "though", "whereas", "once", "as")
    }

    func isYear(_ period: Period?) -> Bool {
        if case .year? = period { return true }
        return false
    }

    func isRunningTotal(_ period: Period?) -> Bool {
        if case .ytd? = period { return true }
        return false
    }

    func isMonth(_ period: Period?) -> Bool {
        if case .month? = period { return true }
        return false
    }

    func namesDays(_ period: Period?) -> Bool {
        switch period {
        case .day?: return true
        case .span(let start, let end)?: return start != nil || end != nil
        default: return false
        }
    }

    /// The one day a sentence without figures names as the time of an event ("capsized on Thursday").
    func eventDay(of sentence: SentenceAnalysis?) -> Day? {
        guard let sentence, sentence.figures.isEmpty else { return nil }
        let days = sentence.times.compactMap { expression -> Day? in
            guard expression.strength >= .relative, !expression.duration, case .day(let day)? = expression.period else { return nil }
            return day
        }
        return days.count == 1 ? days[0] : nil
    }

    /// "With Saturday's arrivals, 1,172 people have crossed so far this week": a stretch running to
    /// the article's day ends on the day of the count the sentence names before the figure, when
    /// that day lies inside it.
    func toNamedDay(_ period: Period, figure: Figure, in sentence: SentenceAnalysis) -> Period {
        guard case .span(let start?, let end?) = period, end == articleDate else { return period }
        let named = sentence.times.compactMap { expression -> Day? in
            guard expression.range.upperBound <= figure.span.lowerBound, expression.strength >= .relative, !expression.duration,
                  !expression.baseline, case .day(let day)? = expression.period else { return nil }
            return day
        }
        guard named.count == 1, named[0] >= start, named[0] < end else { return period }
        return .span(start: start, end: named[0])
    }

    /// The year a whole year or a running total of it counts.
    func yearOf(_ period: Period) -> Int? {
        switch period {
        case .year(let year), .ytd(let year, _): return year
        default: return nil
        }
    }

    /// "stands at around 90,000", "put the figure at 76,000": the level a running total stands at
    /// (grammar.tsv `level`) right before the figure.
    func isLevel(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        grammarPhrase("level", endingAt: figure.span.lowerBound, from: max(sentence.range.lowerBound, figure.span.lowerBound - 4)) != nil
    }

    /// "some 7,000 migrants who had arrived": the figure's people, in a relative clause in the past
    /// perfect right after its noun, had done what is counted before the time told of.
    func hadComeBefore(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let end = figure.range.upperBound
        guard let relative = relativePronoun(after: figure, within: 4, in: sentence),
              relative + 2 < sentence.range.upperBound, words[relative + 1] == "had",
              !tokens[end..<relative].contains(where: { $0.kind != .word }) else { return false }
        return sentence.metrics.contains { $0.value != "name" && $0.range.lowerBound > relative + 1 && $0.range.lowerBound <= relative + 3 }
    }

    /// The figure's clause is in the present perfect ("has detained", "have crossed").
    func isPerfect(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let window = max(sentence.range.lowerBound, figure.span.lowerBound - 6)..<min(sentence.range.upperBound, figure.range.upperBound + 5)
        return window.contains { words[$0] == "has" || words[$0] == "have" }
    }

    /// "said 6,000 came ashore on Monday, and that 2,700 had been sent back": "and that" / "but
    /// that" within `range` opens a second reported clause.
    func opensReportedClause(_ range: Range<Int>) -> Bool {
        range.contains { $0 > range.lowerBound && words[$0] == "that" && isOneOf(words[$0 - 1], "and", "but") }
    }

    /// "had already been sent back", "have already crossed": a perfect with "already" tells all
    /// done up to the report, since a start the clause does not name.
    func isAlreadyDone(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let window = max(sentence.range.lowerBound, figure.span.lowerBound - 3)..<min(sentence.range.upperBound, figure.range.upperBound + 4)
        guard let already = window.first(where: { words[$0] == "already" }), already > window.lowerBound else { return false }
        return isOneOf(words[already - 1], "has", "have", "had")
    }

    /// The period of a well-dated count just before, for a figure with no time wording: a day
    /// count in the two sentences before, or a whole year or month (or a bounded stretch of the
    /// same metric) in the sentence right before.
    ///
    /// A whole year or stretch is background to another country's count ("Last year, 15,682 reached
    /// Spain. Greece's coast guard intercepted 44 ..."), so only a day crosses to another region
    /// (parallel reports of the same night). A Union-wide count (`EU`) is no other country: its
    /// routes and members go on with its year or stretch for two sentences, and a route counted for
    /// the EU takes on its members' ones; a member's count its own body reports (`ownBody`: "Greek
    /// police said ...") is news of its own. A nil `region` takes any.
    func recentPeriod(before sentence: Range<Int>, metric: Metric, region: String?, ownBody: Bool) -> Period? {
        // a count its own body reports ("Greek police said they had detained 44") is news of its own
        nearbyPeriod(before: sentence, metric: metric, region: region, ownBody: ownBody) ?? (ownBody ? nil : reportedYear)
    }

    /// The finished year an annual report is about: the article's first well-dated count is of the
    /// year before the article's and no count so far names a day ("Routes into MENA claimed nearly
    /// 3,800 lives last year ... Libya recorded the most land-route deaths, 117"). Its undated
    /// figures are that year's, whatever region they count.
    var reportedYear: Period? {
        guard let lead = entries.first(where: { $0.strength >= .relative && !$0.compared }),
              case .year(let year) = lead.fact.period, year == articleDate.year - 1 else { return nil }
        for entry in entries where entry.strength >= .relative && !entry.inherited {
            if case .day = entry.fact.period { return nil }
        }
        return .year(year)
    }

    func nearbyPeriod(before sentence: Range<Int>, metric: Metric, region: String?, ownBody: Bool) -> Period? {
        var sentencesBack = 0
        var current = sentence.lowerBound
        // a running total of the sentence before, taken only when no day count comes within reach
        var runningTotal: Period?
        for entry in entries.reversed() where entry.sentence.lowerBound < sentence.lowerBound {
            if entry.sentence.lowerBound != current {
                sentencesBack += 1
                current = entry.sentence.lowerBound
            }
            if sentencesBack > 2 { return runningTotal }
            // "Germany deported 16,430 in 2023, up from 12,945 in 2022. Another 3,500 ...": not the baseline's year
            guard entry.strength >= .relative, !entry.fact.isPreviousRecord, !entry.compared else { continue }
            if case .day = entry.fact.period {
                // a day a figure only inherited reaches no further than the next sentence
                if entry.inherited && sentencesBack > 1 { continue }
                return entry.fact.period
            }
            guard region == nil || region == "EU" || entry.fact.region == region || entry.fact.region == "EU" && !ownBody else { continue }
            // a Union-wide count dates the route figures of the next two sentences, stretch or year
            let union = entry.fact.region == "EU" && entry.fact.metric == metric
            switch entry.fact.period {
            case .year where sentencesBack == 1 || union, .month where sentencesBack == 1 || union: return entry.fact.period
            // "... prevented more than 120,000 migrants from entering this year. With the same measures
            // they also caught 15,000": the running total of the sentence before, for the same country
            // ("... 26,000 attempts this year. Another 95 were detained" after Saturday's count keeps Saturday)
            case .ytd where sentencesBack == 1 && entry.fact.region == region && region != nil:
                if runningTotal == nil { runningTotal = entry.fact.period }
            case .span(let start, let end) where (sentencesBack <= 2 || union) && start != nil && end != nil:
                // "... in fiscal year 2023. Known gotaways totaled 670,000": the same stretch, two sentences
                // on and of any metric ("between August 1, 2019 and July 31, 2020 ... Repatriations fell to 4,408")
                return entry.fact.period
            default: continue
            }
        }
        return runningTotal
    }

    /// The day a running total is tied to: a "before Thursday" marker, the day of a count
    /// earlier in the sentence, the day the sentence's statement was made, the day of a count of
    /// the same region in the sentence before, else the article's date.
    func asOf(for figure: Figure, metric: Metric, region: String?, in sentence: SentenceAnalysis, previous: SentenceAnalysis?) -> Day {
        if let marker = sentence.times.first(where: { $0.asOf != nil })?.asOf { return marker }
        var latest: Day?
        for expression in sentence.times where expression.range.upperBound <= figure.span.lowerBound {
            switch expression.period {
            case .day(let day)?: latest = day
            case .span(_, let end?)?: latest = end
            default: break
            }
        }
        // "2,000 migrants this year by Wednesday night": the day the stretch is counted to
        if latest == nil, let by = sentence.times.first(where: { expression in
            guard expression.range.lowerBound >= figure.range.upperBound, case .span(nil, _?)? = expression.period else { return false }
            return !sentence.figures.contains { $0.range.lowerBound >= figure.range.upperBound && $0.range.upperBound <= expression.range.lowerBound }
        }), case .span(_, let end?)? = by.period {
            latest = end
        }
        if let latest, latest <= articleDate { return latest }
        // "400,000 have crossed so far this year, the service said on Sunday": the day of the statement
        if let report = sentence.times.first(where: { $0.strength == .report && !$0.duration }), case .day(let day)? = report.period,
           day <= articleDate {
            return day
        }
        if let previous {
            for entry in entries.reversed() {
                if entry.sentence.lowerBound < previous.range.lowerBound { break }
                guard entry.sentence == previous.range, !entry.fact.isPreviousRecord, !entry.compared, entry.fact.region == region else { continue }
                // a count dated only by the one before it speaks for the day only about the same thing
                // ("Twelve people died on Tuesday. More than 21,000 have crossed so far": deaths do not date arrivals)
                if case .day(let day) = entry.fact.period, entry.strength >= .relative, entry.fact.metric == metric {
                    return day
                }
            }
        }
        return articleDate
    }
}
