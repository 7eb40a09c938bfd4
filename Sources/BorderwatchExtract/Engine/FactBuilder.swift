import BorderwatchCore

/// Turns analysed sentences into facts: picks each figure's metric, period, region and via,
/// applies record claims, and merges repeated figures.
struct FactBuilder {
    let vocabulary: Vocabulary
    let tokens: [Token]
    let words: [String]
    let ids: [Int32]
    let bytes: [UInt8]
    let articleDate: Day
    let article: ArticlePlaces

    /// A fact with what the builder needs to merge it.
    struct Entry {
        var fact: Fact
        var strength: TimeExpression.Strength
        var sentence: Range<Int>
        var position: Int
        /// The period came from a count in an earlier sentence, not from the figure's own wording.
        var inherited = false
    }
    private(set) var entries: [Entry] = []
    /// How many entries have each metric, kept as entries are added (see `mainMetric`).
    private var metricCounts: [Metric: Int] = [:]

    init(vocabulary: Vocabulary, tokens: [Token], words: [String], ids: [Int32], bytes: [UInt8], articleDate: Day, article: ArticlePlaces) {
        self.vocabulary = vocabulary
        self.tokens = tokens
        self.words = words
        self.ids = ids
        self.bytes = bytes
        self.articleDate = articleDate
        self.article = article
    }

    // MARK: one sentence

    mutating func read(_ sentence: SentenceAnalysis, previous: SentenceAnalysis?) {
        let firstEntry = entries.count
        // one string for all the sentence's facts
        var sentenceEvidence: String?
        for (index, figure) in sentence.figures.enumerated() {
            // "two women were among 27 people who died": a part of the next, larger figure
            if index + 1 < sentence.figures.count, sentence.figures[index + 1].value > figure.value,
               words[figure.range.upperBound..<sentence.figures[index + 1].span.lowerBound].contains("among") {
                continue
            }
            guard var metric = compared(with: figure, in: sentence)?.fact.metric ?? metric(for: figure, in: sentence) else { continue }
            var (period, strength) = period(for: figure, in: sentence)
            var (region, via) = place(for: figure, metric: metric, in: sentence)
            var inherited = false
            if strength == .weak, case .day = period {
                if isPerfect(figure, in: sentence) || sentence.times.contains(where: { $0.asOf != nil }) {
                    // "Lithuania has detained 4,000 migrants", "as of Thursday, 45,000 had crossed": a running total
                    period = .ytd(year: articleDate.year, asOf: articleDate)
                } else if let previousPeriod = recentPeriod(before: sentence.range, metric: metric, region: region) {
                    // "They were part of a group of more than 380 ...": the day of the count just before;
                    // "... reached 380,000 in 2023. Crossings on one route rose to 158,000": its year.
                    // As well dated as that count, so a headline's weaker twin folds into it.
                    period = previousPeriod
                    strength = .relative
                    inherited = true
                }
            }
            // "promised to process 100,000 asylum claims by the end of next year": a target, not a count
            if isFuture(period) { continue }
            if case .ytd(let year, let asOf) = period, asOf == articleDate {
                period = .ytd(year: year, asOf: self.asOf(for: figure, metric: metric, region: region, in: sentence, previous: previous))
            }
            if let counted = region { (metric, via) = sideOfTheBorder(metric, via: via, counted: counted, figure: figure, in: sentence) }
            let fact = Fact(metric: metric, value: figure.value, bound: figure.bound, period: period,
                            region: region, via: via, evidence: sentenceEvidence ?? evidence(sentence.range))
            sentenceEvidence = fact.evidence
            entries.append(Entry(fact: fact, strength: strength, sentence: sentence.range, position: figure.range.lowerBound,
                                 inherited: inherited))
            metricCounts[metric, default: 0] += 1
        }
        guard entries.count > firstEntry else { return }
        for cue in sentence.records where cue.value != "none" && !bySpan(cue, in: sentence.range) {
            var nearest: Int?
            var best = Int.max
            // "the highest daily total", "a new single-day record": the claim is about a day's count
            let following = words[cue.range.upperBound..<min(cue.range.upperBound + 3, sentence.range.upperBound)]
            let daily = following.contains { word in
                switch word {
                case "daily", "single-day", "one-day", "day": return true
                default: return false
                }
            }
            let hasDayFact = entries[firstEntry...].contains { if case .day = $0.fact.period { return true } else { return false } }
            for index in firstEntry..<entries.count {
                if daily, hasDayFact, case .day = entries[index].fact.period {} else if daily, hasDayFact { continue }
                let figureRange = entries[index].position..<(entries[index].position + 1)
                let distance = gap(cue.range, figureRange)
                if distance < best { best = distance; nearest = index }
            }
            if let nearest {
                entries[nearest].fact.record = true
                if cue.value == "previous" { entries[nearest].fact.isPreviousRecord = true }
            }
        }
    }

    /// "the highest since 2016", "the most in two decades": the highest of a stretch, not so far
    /// ("the highest since the start of the year" is still a record for the year).
    func bySpan(_ cue: Cue, in sentence: Range<Int>) -> Bool {
        var sawIn = false
        for i in cue.range.upperBound..<min(cue.range.upperBound + 8, sentence.upperBound) {
            switch words[i] {
            case "since":
                return i + 1 < sentence.upperBound && tokens[i + 1].kind == .number && tokens[i + 1].digits == 4
            case "in", "for": sawIn = true
            case "years", "decade", "decades": if sawIn { return true }
            case ",", ";", ".": return false
            default: break
            }
        }
        return false
    }

    /// Tokens between two ranges, a comma or dash counting as three and a new clause (", and")
    /// as nine: clause breaks keep words apart.
    func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        let (from, to) = a.upperBound <= b.lowerBound ? (a.upperBound, b.lowerBound) : (b.upperBound, a.lowerBound)
        guard from < to else { return 0 }
        var distance = 0
        for i in from..<to {
            distance += 1
            if tokens[i].kind == .punct {
                switch words[i] {
                case ",", ";", "-", ":", "(", ")": distance += 2
                default: break
                }
            } else if i > from, tokens[i - 1].kind == .punct, words[i - 1] == "," {
                // ", and ..." opens a new clause with its own verb
                switch words[i] {
                case "and", "but", "while", "whereas": distance += 6
                default: break
                }
            }
        }
        return distance
    }

    /// The metric of the nearest governing phrase; a specific one (turned back, tried to cross,
    /// repatriated...) close by wins over the generic arrival verbs.
    func metric(for figure: Figure, in sentence: SentenceAnalysis) -> Metric? {
        var specific: (String, Int)?
        var generic: (String, Int)?
        // "apprehended 1,700 people and pushed back 300": a verb right before each figure governs it
        var stopped = Int.max
        let governed = sentence.metrics.contains {
            $0.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - $0.range.upperBound <= 3
        }
        for var cue in sentence.metrics {
            // "the Red Cross said", "the Kuznica crossing point": a name, not a verb of counting
            if cue.value == "name" { continue }
            // "stopped<": the phrase governs only a figure after it
            if cue.value.hasSuffix("<") {
                guard cue.range.upperBound <= figure.span.lowerBound else { continue }
                cue.value.removeLast()
            }
            // "intercepted^": arrivals, unless the side people leave from intercepts (see `read`)
            if cue.value.hasSuffix("^") { cue.value.removeLast() }
            if governed, cue.range.lowerBound >= figure.range.upperBound, sentence.figures.contains(where: {
                $0.span.lowerBound >= cue.range.upperBound && $0.span.lowerBound - cue.range.upperBound <= 1
            }) { continue }
            // "prevented 24,203 people from crossing and arrested 183": the verb right before a figure
            // shadows the phrases of the clauses before it
            if governed, cue.range.upperBound <= figure.span.lowerBound, sentence.metrics.contains(where: { verb in
                verb.range.lowerBound >= cue.range.upperBound && verb.range.upperBound <= figure.span.lowerBound
                    && figure.span.lowerBound - verb.range.upperBound <= 3 && verb.value != "name"
                    && words[cue.range.upperBound..<verb.range.lowerBound].contains { $0 == "and" || $0 == "," || $0 == "but" }
            }) { continue }
            // "1,700 crossed and 300 were turned back", "turned back 300 and detained 1,700": a phrase
            // beyond another figure that has its own verb on this figure's side belongs to that figure
            if passes(cue.range, figure, in: sentence) { continue }
            let distance = gap(cue.range, figure.span)
            if cue.value == "prevented" { stopped = min(stopped, distance) }
            if cue.value == "arrivals" {
                if distance < (generic?.1 ?? Int.max) { generic = (cue.value, distance) }
            } else if distance < (specific?.1 ?? Int.max) {
                specific = (cue.value, distance)
            }
        }
        // "75,184 attempts were thwarted", "foiled 3,300 attempts": attempts stopped are prevented
        if specific?.0 == "attempts", stopped <= 4 { specific = ("prevented", stopped) }
        let chosen: String?
        if let specific, specific.1 <= 12, specific.1 <= (generic?.1 ?? 1_000) + 8 {
            chosen = specific.0
        } else if let generic, generic.1 <= 30 {
            chosen = generic.0
        } else if let specific, specific.1 <= 30 {
            chosen = specific.0
        } else if sentence.records.contains(where: { $0.value == "previous" || $0.value == "record" })
                    || !figure.elliptical && figure.span.lowerBound > sentence.range.lowerBound && words[figure.span.lowerBound - 1] == "the"
                    || raisesTotal(to: figure, in: sentence) {
            // "the previous record high of 235 people", "The 202 migrants on board": a record claim
            // or a definite figure names the article's main count
            chosen = mainMetric.rawValue
        } else {
            chosen = nil
        }
        return chosen.flatMap(Metric.init(rawValue:))
    }

    /// The fact a figure is set against ("17,300 attempts in October, up from 7,700 in September",
    /// "That compared with 235,785 in November"): it counts the same thing.
    func compared(with figure: Figure, in sentence: SentenceAnalysis) -> Entry? {
        var comparison = false
        for length in 1...3 where figure.span.lowerBound - length >= sentence.range.lowerBound {
            if let (kind, matched) = vocabulary.connectors.longestMatch(in: ids, at: figure.span.lowerBound - length),
               matched == length, kind == "compare" {
                comparison = true
                break
            }
        }
        guard comparison, let last = entries.last, last.position < figure.range.lowerBound else { return nil }
        if last.sentence == sentence.range { return last }
        return last.sentence.upperBound <= sentence.range.lowerBound && sentence.range.lowerBound - last.sentence.upperBound <= 2 ? last : nil
    }

    /// "up from 5,200 a year earlier", "against 64,529 in the same period last year": the period
    /// of the figure compared with, one year back. That figure is the last fact before this one in
    /// the sentence, else in the sentence just before.
    func comparedPeriod(before figure: Figure, in sentence: SentenceAnalysis) -> Period? {
        guard let last = entries.last, last.position < figure.range.lowerBound,
              last.sentence == sentence.range || last.sentence.upperBound <= sentence.range.lowerBound
                && sentence.range.lowerBound - last.sentence.upperBound <= 2 else { return nil }
        func back(_ day: Day) -> Day? {
            Day(year: day.year - 1, month: day.month, day: min(day.day, Day.daysIn(month: day.month, year: day.year - 1)))
        }
        switch last.fact.period {
        case .day(let day): return back(day).map { .day($0) }
        case .month(let y, let m): return .month(year: y - 1, month: m)
        case .year(let y): return .year(y - 1)
        case .ytd(let y, let asOf):
            guard let start = Day(year: y - 1, month: 1, day: 1), let end = back(asOf) else { return nil }
            return .span(start: start, end: end)
        case .span(let start, let end):
            guard start != nil || end != nil else { return nil }
            return .span(start: start.flatMap(back), end: end.flatMap(back))
        }
    }

    /// The verb right before the figure is an interception ("intercepted^" in metrics.tsv) by an
    /// authority of `region` named before it, and `region` is a side people leave from: a country
    /// no route leads into (no neighbours row) or the far side of the article's own route.
    func interceptedOnTheWayOut(_ figure: Figure, by region: String, in sentence: SentenceAnalysis) -> Bool {
        guard vocabulary.neighbours[region] == nil || region == article.via,
              sentence.metrics.contains(where: {
                  $0.value == "arrivals^" && $0.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - $0.range.upperBound <= 3
              }) else { return false }
        return sentence.mentions.contains { $0.role == .authority && $0.code == region && $0.position < figure.span.lowerBound }
    }

    /// "trying to reach Italy", "heading to the UK": the country at `position` is where people
    /// were going, not where they got in.
    func isHeading(to position: Int) -> Bool {
        var j = position - 1
        if j >= 0, words[j] == "the" { j -= 1 }
        guard j >= 0 else { return false }
        switch words[j] {
        case "reach", "reaching", "to", "towards", "for": return true
        default: return false
        }
    }

    /// Whether another figure and, between that figure and `figure`, another metric phrase stand
    /// between the phrase at `cue` and `figure`.
    func passes(_ cue: Range<Int>, _ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let cueAfter = cue.lowerBound >= figure.range.upperBound
        for other in sentence.figures where other.range != figure.range {
            let otherBetween = cueAfter ? other.span.lowerBound >= figure.range.upperBound && other.range.upperBound <= cue.lowerBound
                                        : other.span.lowerBound >= cue.upperBound && other.range.upperBound <= figure.span.lowerBound
            guard otherBetween else { continue }
            let side = cueAfter ? figure.range.upperBound..<other.span.lowerBound : other.range.upperBound..<figure.span.lowerBound
            if sentence.metrics.contains(where: { side.contains($0.range.lowerBound) }) { return true }
        }
        return false
    }

    /// The metric as the side that counted sees it: people caught on the way into the country
    /// that caught them arrived; people caught or brought back by the side they left from, or
    /// heading for a neighbour, were prevented.
    func sideOfTheBorder(_ metric: Metric, via: String?, counted: String, figure: Figure,
                         in sentence: SentenceAnalysis) -> (Metric, String?) {
        var (metric, via) = (metric, via)
        // the counting country's own body is named before the figure
        let namedBefore = sentence.mentions.contains { $0.role == .authority && $0.code == counted && $0.position < figure.span.lowerBound }
        switch metric {
        case .attempts where sentence.metrics.contains(where: {
                ($0.value == "arrivals" || $0.value == "arrivals^") && $0.range.upperBound <= figure.span.lowerBound
                    && figure.span.lowerBound - $0.range.upperBound <= 3
             }) && sentence.mentions.contains(where: { $0.role == .destination && $0.code == counted && $0.position >= figure.range.upperBound }):
            // "the Italian coast guard rescued 500 migrants trying to reach Italy": they got there
            return (.arrivals, via)
        case .returns where namedBefore
                && sentence.mentions.contains(where: { $0.role == .origin && $0.code == counted && $0.position > figure.range.upperBound }):
            // "the Libyan coast guard returned 22,000 people to Libya": brought back, not deported
            return (.prevented, nil)
        case .arrivals where interceptedOnTheWayOut(figure, by: counted, in: sentence):
            // "Tunisia's national guard intercepted 69,963 people at sea": stopped leaving
            return (.prevented, nil)
        case .arrivals, .attempts:
            // "Tunisian authorities intercepted 1,200 migrants trying to reach Italy": caught on
            // the way out, by the country they left
            if namedBefore, sentence.mentions.contains(where: {
                $0.role == .destination && $0.position >= figure.range.upperBound && $0.code != counted
                    && vocabulary.neighbours[$0.code]?.contains(counted) == true && isHeading(to: $0.position)
            }) {
                (metric, via) = (.prevented, nil)
            }
        default:
            break
        }
        return (metric, via)
    }

    /// "The figures bring the total for January to 1,194": a running total of the article's count.
    func raisesTotal(to figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        guard start - 1 > sentence.range.lowerBound, words[start - 1] == "to" else { return false }
        return words[max(sentence.range.lowerBound, start - 8)..<(start - 1)].contains { $0 == "total" || $0 == "tally" }
    }

    /// The metric most facts so far have, arrivals when there are none.
    var mainMetric: Metric {
        metricCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? .arrivals
    }

    /// The time wording nearest the figure that no other figure stands closer to; a figure
    /// with none is a count of the article's own day.
    func period(for figure: Figure, in sentence: SentenceAnalysis) -> (Period, TimeExpression.Strength) {
        var best: (TimeExpression, Double)?
        var eventAfter: (TimeExpression, Double)?
        for expression in sentence.times {
            guard expression.period != nil else { continue }
            // "3,000 arrived in the past two weeks, officials said on Friday": the duration already ends on that day
            if expression.strength == .report, !expression.duration, sentence.times.contains(where: \.duration) { continue }
            // "the previous record for 2022", "the biggest one-day number in 2021": the year
            // bounds the record claim, not the figure
            let yearly: Bool
            switch expression.period {
            case .year?, .ytd?: yearly = true
            default: yearly = false
            }
            if yearly, sentence.records.contains(where: {
                guard $0.range.upperBound <= expression.range.lowerBound else { return false }
                let between = $0.range.upperBound..<expression.range.lowerBound
                return between.count <= 3 && !sentence.figures.contains { between.contains($0.range.lowerBound) }
            }) { continue }
            let after = expression.range.lowerBound >= figure.range.upperBound
            let between = after ? figure.range.upperBound..<expression.range.lowerBound
                                : expression.range.upperBound..<figure.span.lowerBound
            if sentence.figures.contains(where: { between.contains($0.range.lowerBound) }) { continue }
            var score = Double(gap(expression.range, after ? figure.range : figure.span))
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
            if after, expression.strength >= .relative, !expression.duration, score <= 20, namesDays(expression.period),
               !sentence.figures.contains(where: {
                   $0.range.lowerBound >= expression.range.upperBound
                       && gap(expression.range, $0.span) < gap(figure.range, expression.range)
               }) {
                if eventAfter.map({ score < $0.1 }) ?? true { eventAfter = (expression, score) }
            }
        }
        if let (chosen, _) = best, chosen.strength == .report, !chosen.duration, chosen.range.upperBound <= figure.span.lowerBound,
           let (event, _) = eventAfter, let period = event.period {
            return (period, event.strength)
        }
        if let (expression, _) = best, let period = expression.period {
            if expression.yearBack, let compared = comparedPeriod(before: figure, in: sentence) { return (compared, expression.strength) }
            return (period, expression.strength)
        }
        return (.day(articleDate), .weak)
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
    func namesDays(_ period: Period?) -> Bool {
        switch period {
        case .day?: return true
        case .span(let start, let end)?: return start != nil || end != nil
        default: return false
        }
    }

    /// The figure's clause is in the present perfect ("has detained", "have crossed").
    func isPerfect(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let window = max(sentence.range.lowerBound, figure.span.lowerBound - 6)..<min(sentence.range.upperBound, figure.range.upperBound + 5)
        return window.contains { words[$0] == "has" || words[$0] == "have" }
    }

    /// The period of a well-dated count just before, for a figure with no time wording: a day
    /// count in the two sentences before, or a whole year or month (or a bounded stretch of the
    /// same metric) in the sentence right before.
    /// A whole year or stretch is background to another country's count ("Last year, 15,682 reached
    /// Spain. Greece's coast guard intercepted 44 ..."), so only a day crosses to another region
    /// (parallel reports of the same night); a nil `region` takes any.
    func recentPeriod(before sentence: Range<Int>, metric: Metric, region: String?) -> Period? {
        var sentencesBack = 0
        var current = sentence.lowerBound
        for entry in entries.reversed() where entry.sentence.lowerBound < sentence.lowerBound {
            if entry.sentence.lowerBound != current {
                sentencesBack += 1
                current = entry.sentence.lowerBound
            }
            if sentencesBack > 2 { return nil }
            guard entry.strength >= .relative, !entry.fact.isPreviousRecord else { continue }
            if case .day = entry.fact.period { return entry.fact.period }
            guard region == nil || entry.fact.region == region else { continue }
            switch entry.fact.period {
            case .year where sentencesBack == 1, .month where sentencesBack == 1: return entry.fact.period
            case .span(let start, let end) where sentencesBack == 1 && start != nil && end != nil && entry.fact.metric == metric:
                // "... in fiscal year 2023. Known gotaways totaled 670,000": the same stretch
                return entry.fact.period
            default: continue
            }
        }
        return nil
    }

    /// The region of the facts of the sentence just before, when it had any: a sentence that
    /// names no country goes on about the same place ("Last year 28,526 people made the journey").
    func recentRegion(before sentence: Range<Int>, metric: Metric) -> String? {
        // a figure of another kind ("French authorities prevented 200 ...") says nothing of whose count follows
        guard let last = entries.last, last.sentence.upperBound <= sentence.lowerBound, last.fact.metric == metric else { return nil }
        let between = tokens[last.sentence.upperBound..<sentence.lowerBound]
        return between.count <= 2 ? last.fact.region : nil
    }

    /// The day a running total is tied to: a "before Thursday" marker, the day of a count
    /// earlier in the sentence or of one of the same region in the sentence before, else the article's date.
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
        if let latest, latest <= articleDate { return latest }
        if let previous {
            for entry in entries.reversed() {
                if entry.sentence.lowerBound < previous.range.lowerBound { break }
                guard entry.sentence == previous.range, !entry.fact.isPreviousRecord, region == nil || entry.fact.region == region else { continue }
                // a count dated only by the one before it speaks for the day only about the same thing
                if case .day(let day) = entry.fact.period, entry.strength >= .relative, !entry.inherited || entry.fact.metric == metric {
                    return day
                }
            }
        }
        return articleDate
    }

    /// Region from an authority just before the figure or another border country the sentence
    /// names instead of the article's; else the article's region and via.
    func place(for figure: Figure, metric: Metric, in sentence: SentenceAnalysis) -> (String?, String?) {
        var region = recentRegion(before: sentence.range, metric: metric) ?? article.region
        // the body named last before the figure, close by or with no other country named in between
        // ("French authorities said they had prevented 74 crossings ... and rescued 50 people")
        if let listed = sentence.mentions.last(where: { $0.position == figure.span.lowerBound - 1 && $0.role != .origin }),
           vocabulary.neighbours[listed.code] != nil {
            // "Lithuania detained 50 migrants and Latvia 30", "Poland stopped 120, Lithuania 45": a list
            region = listed.code
        } else if let authority = sentence.mentions.last(where: { $0.position < figure.span.lowerBound }).flatMap({ $0.role == .authority ? $0 : nil }) ??
            sentence.mentions.last(where: {
                $0.role == .authority && $0.position < figure.span.lowerBound && figure.span.lowerBound - $0.position <= 8
            }) {
            region = authority.code
        } else if metric == .arrivals || metric == .asylumClaims, let landing = sentence.mentions.first(where: {
            $0.role == .destination && $0.position >= figure.range.upperBound && $0.position - figure.range.upperBound <= 6
                && (vocabulary.neighbours[$0.code] != nil || $0.code == "EU")
        }) {
            // "disembarked 234 people in Toulon", "400 migrants crossed into Lithuania": where they got
            // in; "519,000 asylum applications were lodged in the EU": where they were made
            region = landing.code
        } else if let article = region, !sentence.mentions.contains(where: { $0.code == article }),
                  let other = sentence.mentions.first(where: {
                      $0.role != .origin && $0.code != self.article.via && vocabulary.neighbours[$0.code] != nil
                  }) {
            region = other.code
        }
        guard let region else { return (nil, nil) }
        let neighbours = vocabulary.neighbours[region] ?? []
        if let origin = sentence.mentions.first(where: { $0.role == .origin && neighbours.contains($0.code) }) {
            return (region, origin.code)
        }
        if region == article.region { return (region, article.via) }
        if let recent = entries.last(where: { $0.fact.region == region }) { return (region, recent.fact.via) }
        for mention in sentence.mentions {
            if case .route(let via) = mention.role, mention.code == region { return (region, via) }
            if mention.role != .authority, mention.role != .dateline, neighbours.contains(mention.code) { return (region, mention.code) }
        }
        // nothing names the far side: the usual route in, as for a whole article
        return (region, vocabulary.defaultVia[region])
    }

    func evidence(_ range: Range<Int>) -> String {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: the whole article

    /// Record claims in sentences without a figure of their own ("That is a new record for a
    /// single day", a headline): they apply to the day they name, else to the figures just before.
    mutating func applyRecordSentences(_ sentences: [SentenceAnalysis]) {
        // entries by sentence and by day, so that an article of thousands of sentences stays linear
        var bySentence: [Int: [Int]] = [:]
        var byDay: [Day: [Int]] = [:]
        for index in entries.indices {
            bySentence[entries[index].sentence.lowerBound, default: []].append(index)
            if case .day(let day) = entries[index].fact.period { byDay[day, default: []].append(index) }
        }
        var lastWithFacts: [Int] = []
        struct DayClaim: Hashable { let day: Day; let metric: Metric? }
        var claimedDays: Set<DayClaim> = []
        for sentence in sentences {
            if let own = bySentence[sentence.range.lowerBound] { lastWithFacts = own; continue }
            guard sentence.records.contains(where: { $0.value == "record" && !bySpan($0, in: sentence.range) }),
                  sentence.figures.isEmpty else { continue }
            // the claim is about what the sentence's own verb counts ("a record number ... crossed")
            let metric = sentence.metrics.first.flatMap { cue in
                Metric(rawValue: cue.value.hasSuffix("<") || cue.value.hasSuffix("^") ? String(cue.value.dropLast()) : cue.value)
            }
            let days = sentence.times.compactMap { expression -> Day? in
                if case .day(let day)? = expression.period, expression.strength >= .report { return day }
                return nil
            }
            // a day already claimed for every metric (or for this one) needs no second pass
            let newDays = days.filter { day in
                !claimedDays.contains(DayClaim(day: day, metric: nil)) && !claimedDays.contains(DayClaim(day: day, metric: metric))
            }
            for day in newDays { claimedDays.insert(DayClaim(day: day, metric: metric)) }
            if !days.isEmpty && newDays.isEmpty { continue }
            let claimed = days.isEmpty ? lastWithFacts : newDays.flatMap { byDay[$0] ?? [] }
            for index in claimed where !entries[index].fact.isPreviousRecord && (metric == nil || entries[index].fact.metric == metric) {
                entries[index].fact.record = true
            }
        }
    }

    /// One fact per statistic: a figure repeated with only weak dating (a headline, "said on
    /// Monday") folds into its well-dated twin; identical keys merge, keeping the first.
    func deduplicated() -> [Fact] {
        struct Figure: Hashable { let metric: Metric; let value: Int }
        var strongest: [Figure: TimeExpression.Strength] = [:]
        for entry in entries {
            let key = Figure(metric: entry.fact.metric, value: entry.fact.value)
            strongest[key] = max(strongest[key] ?? .weak, entry.strength)
        }
        var result: [Fact] = []
        var index: [Fact.Key: Int] = [:]
        var folded: [Figure: (record: Bool, bound: Bound)] = [:]
        for entry in entries {
            let key = Figure(metric: entry.fact.metric, value: entry.fact.value)
            // an earlier record named without any day says nothing countable
            if entry.fact.isPreviousRecord && (entry.strength == .weak || entry.inherited) { continue }
            if entry.strength <= .report, let best = strongest[key], best > .report {
                let previous = folded[key]
                folded[key] = ((previous?.record ?? false) || entry.fact.record,
                               entry.fact.bound != .exact ? entry.fact.bound : previous?.bound ?? .exact)
                continue
            }
            let factKey = entry.fact.key
            if let existing = index[factKey] {
                result[existing].record = result[existing].record || entry.fact.record
                result[existing].isPreviousRecord = result[existing].isPreviousRecord && entry.fact.isPreviousRecord
                if result[existing].bound == .exact { result[existing].bound = entry.fact.bound }
                continue
            }
            index[factKey] = result.count
            result.append(entry.fact)
        }
        for i in result.indices {
            if let extra = folded[Figure(metric: result[i].metric, value: result[i].value)] {
                result[i].record = result[i].record || extra.record
                if result[i].bound == .exact { result[i].bound = extra.bound }
            }
        }
        // one day's count stated twice with different precision ("more than 200" / "202") shares a record claim
        shareRecordsWithinFivePercent(&result)
        return result
    }

    /// One day's count stated twice with different precision ("more than 200" / "202") shares a
    /// record claim: a record day figure makes every figure of the same metric and day within 5%
    /// of it a record too. Sorted by value per day, so that it stays n log n on any input.
    func shareRecordsWithinFivePercent(_ facts: inout [Fact]) {
        struct DayCount: Hashable { let metric: Metric; let period: Period }
        var sameDay: [DayCount: [Int]] = [:]
        for i in facts.indices {
            if case .day = facts[i].period { sameDay[DayCount(metric: facts[i].metric, period: facts[i].period), default: []].append(i) }
        }
        for group in sameDay.values where group.count > 1 {
            let byValue = group.sorted { facts[$0].value < facts[$1].value }
            // |a - b| * 20 <= max(a, b): b from 19a/20 up to 20a/19, for each record value a
            let reaches = byValue.filter { facts[$0].record && !facts[$0].isPreviousRecord }.map { i -> ClosedRange<Int> in
                let a = facts[i].value
                return (19 * a + 19) / 20...(20 * a) / 19
            }.sorted { $0.lowerBound < $1.lowerBound }
            var next = 0
            var reach: ClosedRange<Int>?
            for j in byValue {
                let value = facts[j].value
                while next < reaches.count, reaches[next].lowerBound <= value {
                    let candidate = reaches[next]
                    if let current = reach, current.upperBound >= candidate.upperBound {} else { reach = candidate }
                    next += 1
                }
                if let reach, reach.contains(value) { facts[j].record = true }
            }
        }
    }
}

extension Fact {
    /// What makes two facts the same statistic: metric, value and period.
    struct Key: Hashable {
        let metric: Metric
        let value: Int
        let period: Period
    }

    var key: Key { Key(metric: metric, value: value, period: period) }
}
