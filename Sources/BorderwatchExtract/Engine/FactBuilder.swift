import BorderwatchCore

/// Turns analysed sentences into facts: picks each figure's metric, period, region and via
/// (FactMetric.swift, FactPeriod.swift, FactPlace.swift), applies record claims, and merges
/// repeated figures.
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
        /// The figure is set against another ("up from 214 a day earlier", "compared with 15,000 in
        /// 2022"): a baseline, whose period and day no later figure takes.
        var compared = false
    }
    private(set) var entries: [Entry] = []
    /// How many entries have each metric, kept as entries are added (see `mainMetric`).
    private var metricCounts: [Metric: Int] = [:]
    /// What the sentence introducing a list counts ("The number of people crossing ... has risen
    /// every year:"), for items that give only a time and a figure ("- 2021: 28,526").
    var listHeading: Metric?
    /// Where the list's heading counts ("Asylum applications lodged in Germany by month:").
    var listRegion: String?
    /// Where the last sentence with a count of people under temporary protection ends.
    var shelteredUpTo: Int?
    /// The last day a sentence before named as the time of an event (not of a statement), for "that day".
    var lastNamedDay: Day?
    /// The last sentence with figures, and how many sentences without any came after it.
    var figuredSentence: Range<Int>?
    var quietSentences = 0
    /// Whether a sentence without figures since then named a bounded stretch ("suspended from January
    /// 31 to May 31, 2020"): "that period" after it is that stretch, not the count before.
    var quietStretch = false

    init(vocabulary: Vocabulary, tokens: [Token], words: [String], ids: [Int32], bytes: [UInt8], articleDate: Day, article: ArticlePlaces) {
        self.vocabulary = vocabulary
        self.tokens = tokens
        self.words = words
        self.ids = ids
        self.bytes = bytes
        self.articleDate = articleDate
        self.article = article
    }

    /// "On Wednesday 20, on Tuesday 10, ..., on Saturday 29, on Friday 25" said on a Friday: a list
    /// of weekdays running back from the day told first goes on back, so its last Friday is the week
    /// before, not the article's day. The earlier day when `period` breaks such a list.
    func weekdayListGoingBack(to period: Period, in sentence: SentenceAnalysis) -> Day? {
        guard case .day(let day) = period, entries.count >= 2 else { return nil }
        let last = entries[entries.count - 1], before = entries[entries.count - 2]
        guard last.sentence == sentence.range, before.sentence == sentence.range,
              case .day(let previous) = last.fact.period, case .day(let first) = before.fact.period,
              previous < first, day > previous, previous.days(until: day) < 7 else { return nil }
        return day.adding(days: -7)
    }

    /// "                      | Juli 2018 | August 2018 | September 2018" over "Asylanträge insgesamt |
    /// 15.199 | 15.122 | 12.976": a figure in a cell of a table row is dated by the time heading its
    /// column in the line above.
    func tableColumnPeriod(for figure: Figure, in sentence: SentenceAnalysis, previous: SentenceAnalysis?) -> Period? {
        guard let previous, previous.range.upperBound <= sentence.range.lowerBound,
              words[sentence.range].contains("|"), words[previous.range].contains("|") else { return nil }
        func column(_ position: Int, in range: Range<Int>) -> Int {
            words[range.lowerBound..<position].reduce(0) { $0 + ($1 == "|" ? 1 : 0) }
        }
        let wanted = column(figure.span.lowerBound, in: sentence.range)
        guard wanted > 0 else { return nil }
        return previous.times.first(where: { column($0.range.lowerBound, in: previous.range) == wanted })?.period
    }

    // MARK: one sentence

    mutating func read(_ sentence: SentenceAnalysis, previous: SentenceAnalysis?) {
        defer {
            if sentence.figures.isEmpty {
                quietSentences += 1
                quietStretch = quietStretch || sentence.times.contains { if case .span(_?, _?)? = $0.period { true } else { false } }
            } else {
                (figuredSentence, quietSentences, quietStretch) = (sentence.range, 0, false)
            }
            noteListHeading(sentence)
            noteNamedDay(sentence)
        }
        let firstEntry = entries.count
        // "À lire aussi : Près de 90 migrants secourus ...", "Read more: ...": another story's headline
        if vocabulary.grammar.longestMatch(in: ids, at: sentence.range.lowerBound)?.value == "related" { return }
        // one string for all the sentence's facts
        var sentenceEvidence: String?
        for (index, figure) in sentence.figures.enumerated() {
            // "two women were among 27 people who died": a part of the next, larger figure
            if index + 1 < sentence.figures.count, sentence.figures[index + 1].value > figure.value,
               words[figure.range.upperBound..<sentence.figures[index + 1].span.lowerBound].contains("among") {
                continue
            }
            // "detained 24 people, among them 13 Iraqis", "including 40 children": a breakdown of a figure before
            if isPart(figure, in: sentence) { continue }
            // "detained 164 people suspected of helping others cross, and 14 of them were arrested": a part of suspects
            if isPartOfSuspects(figure, in: sentence) { continue }
            // a group's parts, companions, hypotheticals, units: see FigureRoles.swift
            if let role = role(of: figure, in: sentence) {
                if role == .temporaryProtection { shelteredUpTo = sentence.range.upperBound }
                continue
            }
            // "52,547 refugees have come from Ukraine ..., 26,000 of them in March and April. Arrivals had
            // been easing, with 3,341 recorded in August": the sheltered count goes on
            if continuesShelteredCount(in: sentence, previous: previous) {
                shelteredUpTo = sentence.range.upperBound
                continue
            }
            // "averaged 3,400 a day, down from more than 9,000 in the days before": set against a rate, a rate
            if isCompared(figure, in: sentence), followsRate(figure, in: sentence) { continue }
            // "36.512 dossiers acceptés contre 33.330 l'année précédente": set against a figure of its
            // sentence that is no count of people moving, it is none either
            if isCompared(figure, in: sentence), let before = sentence.figures.last(where: { $0.range.upperBound <= figure.span.lowerBound }),
               !entries[firstEntry...].contains(where: { $0.position == before.range.lowerBound }) { continue }
            // a figure set against another ("up from 9,000 ...") counts the same thing in the same place
            let comparedTo = compared(with: figure, in: sentence)
            var governed = true
            var chosen = comparedTo?.fact.metric ?? shareOfWhole(figure, in: sentence) ?? andMore(figure, in: sentence)
            if chosen == nil, let read = reading(for: figure, in: sentence) { (chosen, governed) = (read.metric, read.governed) }
            // "flew more than 400 Haitians back to Port-au-Prince": a verb the lexicon does not list
            if chosen == nil, isSentHome(figure, in: sentence) { chosen = .returns }
            // "Im Vergleichszeitraum des Vorjahres waren es 168.306 Personen": a figure with its noun
            // and no metric phrase in the same period a year back counts what the count just told counts
            if chosen == nil, sentence.metrics.isEmpty, !figure.elliptical,
               sentence.times.contains(where: { $0.yearBack && !$0.baseline }), let last = comparedEntry(before: figure, in: sentence) {
                chosen = last.fact.metric
            }
            guard var metric = chosen else { continue }
            if comparedTo == nil, metric == .arrivals, let listed = listedMetric(for: figure, in: sentence) { metric = listed }
            var (period, strength) = period(for: figure, in: sentence)
            if strength == .relative, let earlier = weekdayListGoingBack(to: period, in: sentence) { period = .day(earlier) }
            if let column = tableColumnPeriod(for: figure, in: sentence, previous: previous) { (period, strength) = (column, .explicit) }
            // "Nello stesso periodo dello scorso anno gli arrivi erano stati 2.242, mentre nel 2018 erano
            // stati 16.140": a past year named after a count of the same period a year back is that
            // period in that year
            // ("In tutto il mese di giugno dell'anno scorso gli arrivi furono 1.218, nel 2018 invece 3.147": a
            // figure without its noun after a past month's count is that month in the year it names)
            if case .year(let y) = period, y < articleDate.year, figure.elliptical,
               let last = entries.last, last.sentence == sentence.range, last.position < figure.range.lowerBound {
                switch last.fact.period {
                case .ytd(let lastYear, let asOf) where lastYear < articleDate.year && lastYear != y && sentence.times.contains(where: \.yearBack):
                    if let moved = Day(year: y, month: asOf.month, day: min(asOf.day, Day.daysIn(month: asOf.month, year: y))) {
                        period = .ytd(year: y, asOf: moved)
                    }
                case .month(let lastYear, let month) where lastYear < articleDate.year && lastYear != y:
                    period = .month(year: y, month: month)
                default:
                    break
                }
            }
            // "... suspended from January 31 to May 31, 2020. In that period, just 592 people were expelled":
            // a stretch named only as "that period" is the one the sentence before named
            if case .span(nil, nil) = period, let named = previous?.times.compactMap({ expression -> Period? in
                guard case .span(_?, _?)? = expression.period, !expression.baseline else { return nil }
                return expression.period
            }), named.count == 1 {
                period = named[0]
                strength = .relative
            }
            // "18,016 ..., against 17,827 in Italy": a compared figure set in a place of its own counts there
            let ownPlace = figure.range.upperBound + 1 < sentence.range.upperBound && words[figure.range.upperBound] == "in"
                && sentence.mentions.contains { $0.position == figure.range.upperBound + 1 }
            var (region, via) = comparedTo.flatMap { ownPlace ? nil : ($0.fact.region, $0.fact.via) } ?? place(for: figure, metric: metric, in: sentence)
            // ... and over the same stretch, when it names no time of its own
            if let comparedTo, strength == .weak, case .day = period {
                (period, strength) = (comparedTo.fact.period, comparedTo.strength)
            }
            var inherited = false
            // "In den ersten zehn Monaten des vergangenen Jahres ... 12 323 Versuche ... Wie die „Bild“-Zeitung
            // (Montag) berichtet, wiesen die Beamten 5083 Migranten ... zurück": a figure dated only by the
            // day its figures were reported goes on with the bounded stretch of the count just told
            if strength == .report, case .day = period, comparedTo == nil, sentence.times.contains(where: { time in
                   time.strength == .report && time.range.lowerBound > sentence.range.lowerBound && words[time.range.lowerBound - 1] == "("
               }),
               let previousPeriod = nearbyPeriod(before: sentence.range, metric: metric, region: region, ownBody: false),
               case .span(_?, _?) = previousPeriod {
                period = previousPeriod
                strength = .relative
                inherited = true
            }
            // "On Monday almost 700 migrants made the crossing. That tally, 696 according to the Ministry
            // of Defence, ...": the count just told, on its day (the tally is no running total here)
            if strength == .weak, let whole = entries.last, whole.sentence.upperBound <= sentence.range.lowerBound,
               namesCountBefore(figure, in: sentence) {
                (period, strength, inherited) = (whole.fact.period, .relative, true)
            }
            if strength == .weak, case .day = period {
                if let whole = entries.last, whole.sentence.upperBound <= sentence.range.lowerBound,
                   sentence.range.count > 2, words[sentence.range.lowerBound] == "of",
                   isOneOf(words[sentence.range.lowerBound + 1], "those", "them", "these"), whole.strength >= .relative {
                    // "... since Friday. Of those, around 500 made it ashore": the group's own stretch
                    period = whole.fact.period
                    strength = .relative
                    inherited = true
                } else if isAlreadyDone(figure, in: sentence) {
                    // "about 1,500 adults had already been sent back": all so far, from no stated start
                    period = .span(start: nil, end: articleDate)
                    strength = .relative
                } else if let cut = sentence.times.first(where: { $0.asOf != nil && $0.period == nil })?.asOf {
                    // "as of 4 May more than 56,000 people had come in": all so far up to that day, from
                    // no stated start (SCHEMA.md: "by midnight on August 15" has only an end)
                    period = .span(start: nil, end: cut)
                    strength = .relative
                } else if isPerfect(figure, in: sentence) {
                    // "Lithuania has detained 4,000 migrants": a running total
                    period = .ytd(year: articleDate.year, asOf: articleDate)
                } else if let day = eventDay(of: previous) {
                    // "A boat capsized on Thursday. Of the 58 on board, 12 drowned": the day of the event just told
                    period = .day(day)
                    strength = .relative
                    inherited = true
                } else if let previousPeriod = recentPeriod(before: sentence.range, metric: metric, region: region,
                                                                         ownBody: namesBody(of: region, in: sentence)) {
                    // "They were part of a group of more than 380 ...": the day of the count just before;
                    // "... reached 380,000 in 2023. Crossings on one route rose to 158,000": its year.
                    // As well dated as that count, so a headline's weaker twin folds into it.
                    period = previousPeriod
                    strength = .relative
                    inherited = true
                }
            }
            // "promised to process 100,000 asylum claims by the end of next year": a target, not a count
            if isFuture(period) || isIntended(figure, in: sentence) || isThreshold(figure, in: sentence) { continue }
            if isSuspects(figure, in: sentence) || isStock(figure, in: sentence) { continue }
            if case .ytd(let year, let asOf) = period, asOf == articleDate {
                period = .ytd(year: year, asOf: self.asOf(for: figure, metric: metric, region: region, in: sentence, previous: previous))
            }
            if let counted = region { (metric, via) = sideOfTheBorder(metric, via: via, counted: counted, figure: figure, in: sentence) }
            if metric == .returns, let side = pulledBack(figure, in: sentence) { (metric, region, via) = (.prevented, side, nil) }
            if metric == .arrivals, isRescuedOffTheFarSide(figure, in: sentence) { metric = .prevented; region = article.via }
            // "French ships rescued 102 ... and brought them back": people stopped on the far side of the
            // article's route, where that side guards the article's border (neighbours.tsv "+"), were kept
            // from the article's country (dev2 note 10)
            if metric == .prevented, let far = article.via, region == far, let home = article.region,
               vocabulary.guardedBy[home]?.contains(far) == true {
                (region, via) = (home, far)
            }
            if metric == .arrivals || metric == .prevented || metric == .attempts, isSentHome(figure, in: sentence, reach: 10) { metric = .returns }
            var fact = Fact(metric: metric, value: figure.value, bound: figure.bound, period: period,
                            region: region, via: via, evidence: sentenceEvidence ?? evidence(sentence.range))
            fact.strength = readingStrength(governed: governed, inherited: inherited, period: period, time: strength)
            sentenceEvidence = fact.evidence
            entries.append(Entry(fact: fact, strength: strength, sentence: sentence.range, position: figure.range.lowerBound,
                                 inherited: inherited, compared: comparedTo != nil))
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
            // "A record 110 boats carrying 5,000 migrants": the claim is about the number it stands before
            let next = cue.range.upperBound
            if next < sentence.range.upperBound, tokens[next].kind == .number,
               !sentence.figures.contains(where: { $0.range.contains(next) }) { continue }
            // "the asylum backlog reached a record 175,457": the claim is about a figure that is no fact
            // (a part, "among them some 1,500 minors", belongs to its whole)
            if sentence.figures.contains(where: { figure in
                gap(cue.range, figure.range.lowerBound..<(figure.range.lowerBound + 1)) < best && !isPart(figure, in: sentence)
                    && !entries[firstEntry...].contains { $0.position == figure.range.lowerBound }
            }) { continue }
            if let nearest {
                entries[nearest].fact.record = true
                if cue.value == "previous" { entries[nearest].fact.isPreviousRecord = true }
            }
            // "46,843 reached the islands, breaking the previous year's record of 39,910", "Saturday's 828
            // arrivals beat the previous one-day record": the figure that beat the old record (grammar.tsv
            // `beats`) is the new one
            if cue.value == "previous", let beaten = (max(sentence.range.lowerBound, cue.range.lowerBound - 3)..<cue.range.lowerBound).first(where: {
                vocabulary.grammar[id: ids[$0]] == "beats"
            }), let winner = entries[firstEntry...].indices.last(where: {
                entries[$0].position < beaten && $0 != nearest && !entries[$0].compared
            }) {
                entries[winner].fact.record = true
            }
        }
    }

    /// How firmly a fact was read: strong when a phrase of its own sentence governs the figure and
    /// its own wording dates it; weak when its metric was taken from the article's main count or
    /// the count told before, its period from an earlier sentence, or its day from no time
    /// wording at all (the article's date).
    func readingStrength(governed: Bool, inherited: Bool, period: Period, time: TimeExpression.Strength) -> BorderwatchCore.Strength {
        if !governed || inherited { return .weak }
        if case .day = period, time == .weak { return .weak }
        return .strong
    }

    /// "among them 13 Iraqis", "of whom 40 were children", "including 25 children" (with no time
    /// of its own, after a larger figure): a part of a count already read.
    func isPart(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        if start - 2 >= sentence.range.lowerBound, isOneOf(words[start - 2], "among", "of"), isOneOf(words[start - 1], "them", "whom") {
            return true
        }
        // "Of the apprehended persons, 4,561 were Syrian nationals", "Among those rescued, 40 were
        // children" ("Of the 58 people on board, 12 drowned" names the group: its figures count)
        if isOneOf(words[sentence.range.lowerBound], "of", "among"),
           let comma = words[sentence.range.lowerBound..<min(start, sentence.range.lowerBound + 10)].firstIndex(of: ","),
           !tokens[sentence.range.lowerBound..<comma].contains(where: { $0.kind == .number }),
           !sentence.figures.contains(where: { $0.range.lowerBound > comma && $0.range.upperBound <= start }),
           // ("Of the attempts, 280 took place on Saturday": a stretch of its own)
           !sentence.times.contains(where: {
               $0.period != nil && $0.range.lowerBound >= figure.range.upperBound && $0.range.lowerBound - figure.range.upperBound <= 5
           }),
           // ("Of those, around 500 made it ashore": a verb of its own counting something else)
           !sentence.metrics.contains(where: { cue in
               cue.value != "name" && cue.range.lowerBound >= figure.range.upperBound && cue.range.lowerBound - figure.range.upperBound <= 1
                   && entries.last.map { !cue.value.hasPrefix($0.fact.metric.rawValue) } ?? false
           }) { return true }
        // "among them 40 women and 12 children": the rest of the list
        if start > sentence.range.lowerBound, isOneOf(words[start - 1], "and", ","),
           let previous = sentence.figures.last(where: { $0.range.upperBound < start }),
           start - previous.range.upperBound <= 3, isPart(previous, in: sentence) { return true }
        // "about 8,000 migrants ..., 2,000 of them outside camps", "27,000 of those people" (but
        // "8,000 entered ...; Spain has returned 4,000 of them": the object of a verb counting
        // something else is a count of its own)
        let end = figure.range.upperBound
        if end + 1 < sentence.range.upperBound, words[end] == "of",
           !sentence.metrics.contains(where: { cue in
               (cue.range.upperBound == start || ofThemPassive(cue, after: end, in: sentence)) && cue.value != "name"
                   && entries.last.map { !cue.value.hasPrefix($0.fact.metric.rawValue) } ?? false
           }),
           // "The Central Mediterranean accounted for 158,000 of the total": a route's share is its own count
           !sentence.mentions.contains(where: { if case .route = $0.role { return $0.position < start } else { return false } }),
           isOneOf(words[end + 1], "them", "those", "whom", "these", "the", "this", "all"),
           // "the 66,237 of the same period of 2022" is dated, not a part ("of this year's arrivals" is one)
           !sentence.times.contains(where: {
               $0.range.lowerBound > end && $0.range.lowerBound <= end + 2 && !tokens[$0.range.upperBound - 1].possessive
           }),
           // "6,000 attempts since January, around 1,000 of them in the past week": a stretch of its own
           !(words[end + 1] == "them" && sentence.times.contains(where: {
               $0.range.lowerBound > end + 1 && $0.range.lowerBound <= end + 5 && $0.period != nil
           })) { return true }
        // "Three migrants, a woman and two children, drowned": an aside listing who they were
        if let previous = sentence.figures.last(where: { $0.range.upperBound <= start }), previous.value > figure.value,
           start - previous.range.upperBound <= 6, previous.range.upperBound + 1 < start, words[previous.range.upperBound + 1] == ",",
           let close = (end..<min(end + 3, sentence.range.upperBound)).first(where: { words[$0] == "," }),
           !sentence.metrics.contains(where: { $0.range.lowerBound >= previous.range.upperBound && $0.range.upperBound <= close }),
           !sentence.times.contains(where: { $0.range.lowerBound >= previous.range.upperBound && $0.range.lowerBound < close }) {
            return true
        }
        // "11,400 were from Guinea, 10,000 from Ivory Coast": a breakdown by nationality
        if isNationality(figure, in: sentence) { return true }
        guard start > sentence.range.lowerBound, words[start - 1] == "including",
              sentence.figures.contains(where: { $0.range.upperBound <= start && $0.value > figure.value }) else { return false }
        return !sentence.times.contains { $0.range.lowerBound >= figure.range.upperBound && $0.range.lowerBound - figure.range.upperBound <= 4 }
    }

    /// "Eleven people were detained on suspicion of helping migrants", "12 men accused of
    /// smuggling": suspected smugglers in the figure's own clause, not migrants.
    func isSuspects(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        if movedOthers(figure, in: sentence) { return true }
        var i = figure.range.upperBound
        while i < min(figure.range.upperBound + 8, sentence.range.upperBound) {
            switch words[i] {
            case ",", ";", "and", "but", "while", "who", "after": return false
            case "suspicion": return true
            case "suspected", "accused", "charged", "convicted":
                if i + 1 < sentence.range.upperBound, isOneOf(words[i + 1], "of", "with") { return true }
            default: if tokens[i].kind == .number { return false }
            }
            i += 1
        }
        return false
    }

    /// "That tally, 696 ...", "This figure, 1,200, ...": a demonstrative and a noun of counting set off
    /// by a comma right before the figure name the count told before.
    func namesCountBefore(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        guard start - 3 >= sentence.range.lowerBound, words[start - 1] == "," else { return false }
        return isOneOf(words[start - 2], "tally", "total", "figure", "number", "count") && isOneOf(words[start - 3], "that", "this")
    }

    /// "caught 135 people, most of whom had tried to drive illegal immigrants into Poland": a relative
    /// clause about the figure's people conveying others (grammar.tsv `conveys`, then a noun of people)
    /// makes them drivers or smugglers.
    func movedOthers(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let relative = relativePronoun(after: figure, within: 7, in: sentence) else { return false }
        let clause = (relative + 1)..<min(relative + 9, sentence.range.upperBound)
        guard let verb = clause.first(where: { vocabulary.grammar[id: ids[$0]] == "conveys" }) else { return false }
        return ((verb + 1)..<min(verb + 4, sentence.range.upperBound)).contains { vocabulary.counted.longestMatch(in: ids, at: $0) != nil }
    }

    /// "... 164 people suspected of helping others cross, and 14 of them were arrested": "N of them"
    /// after a figure of suspects in the same sentence is a part of them.
    func isPartOfSuspects(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let end = figure.range.upperBound
        guard end + 1 < sentence.range.upperBound, words[end] == "of", isOneOf(words[end + 1], "them", "whom", "those") else { return false }
        return sentence.figures.last(where: { $0.range.upperBound <= figure.span.lowerBound }).map { isSuspects($0, in: sentence) } ?? false
    }

    /// "9,500 migrants have been intercepted and returned to Libya": people caught at sea and
    /// brought back to a country they left (one no route leads into) were stopped by that side.
    func pulledBack(_ figure: Figure, in sentence: SentenceAnalysis) -> String? {
        guard sentence.metrics.contains(where: { cue in
            cue.value == "arrivals^" && (cue.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - cue.range.upperBound <= 3
                || cue.range.lowerBound >= figure.range.upperBound && cue.range.lowerBound - figure.range.upperBound <= 4)
        }) else { return nil }
        return sentence.mentions.first(where: {
            $0.role == .origin && $0.position > figure.range.upperBound && $0.position - figure.range.upperBound <= 10
                && vocabulary.neighbours[$0.code] == nil && words[$0.position - 1] == "to"
        })?.code
    }

    /// "6,000 attempts since January, around 1,000 of them in the past week": a share, dated on its
    /// own, of the figure just before in the sentence counts what that one counts.
    func shareOfWhole(_ figure: Figure, in sentence: SentenceAnalysis) -> Metric? {
        let end = figure.range.upperBound
        guard end + 1 < sentence.range.upperBound, words[end] == "of", words[end + 1] == "them",
              let last = entries.last, last.sentence == sentence.range, last.position < figure.span.lowerBound,
              !sentence.metrics.contains(where: { $0.range.upperBound == figure.span.lowerBound || ofThemPassive($0, after: end, in: sentence) })
        else { return nil }
        return last.fact.metric
    }

    /// "prevented 14,200 attempts from January to August, and 2,900 earlier this month": a bare
    /// figure after "and", with no verb of its own in its clause, counts what the one before counted.
    /// "its lowest number of requests (1,600), and September its highest (4,435)": a clause after
    /// "and" with its verb left out, the figure in brackets, counts the same.
    func andMore(_ figure: Figure, in sentence: SentenceAnalysis) -> Metric? {
        let start = figure.span.lowerBound
        guard figure.elliptical, start > sentence.range.lowerBound,
              let last = entries.last, last.sentence == sentence.range, last.position < start else { return nil }
        if words[start - 1] == "(" {
            guard let and = (last.position..<start).last(where: { words[$0] == "and" }), start - and <= 6,
                  !tokens[(and + 1)..<(start - 1)].contains(where: { $0.kind != .word }),
                  // ("... and Syria (715)": a country's share of a count)
                  !((and + 1)..<(start - 1)).contains(where: { vocabulary.gazetteer.longestMatch(in: ids, at: $0) != nil }),
                  !sentence.metrics.contains(where: { $0.range.lowerBound > and && $0.range.lowerBound < start })
            else { return nil }
            return last.fact.metric
        }
        // "arrested 309 on Friday, with 359 following on Saturday": "with" adds the next item as "and" does;
        // "The figure for September was about 7.5 thousand, and for August more than 3.5 thousand": the
        // item's own time may stand between
        var joint = start - 1
        if let time = sentence.times.first(where: { $0.range.upperBound == start }), time.range.lowerBound - 1 > last.position {
            joint = time.range.lowerBound - 1
            if isOneOf(words[joint], "for", "in", "on"), joint - 1 > last.position { joint -= 1 }
        }
        guard isOneOf(words[joint], "and", "with") else { return nil }
        var clauseEnd = figure.range.upperBound
        while clauseEnd < sentence.range.upperBound, tokens[clauseEnd].kind != .punct, words[clauseEnd] != "and" { clauseEnd += 1 }
        if sentence.metrics.contains(where: { $0.range.lowerBound >= figure.range.upperBound && $0.range.lowerBound < clauseEnd }) { return nil }
        return last.fact.metric
    }

    /// "60 of them were returned": `cue` is a passive verb right after "of them" (`of` at `of`).
    func ofThemPassive(_ cue: Cue, after of: Int, in sentence: SentenceAnalysis) -> Bool {
        cue.range.lowerBound >= of + 3 && cue.range.lowerBound <= of + 4
            && isOneOf(words[of + 2], "were", "was", "have", "had") && (cue.range.lowerBound == of + 3 || words[of + 3] == "been")
    }

    /// "Greek police said ...", "the Italian coast guard": a body of `region` (a country with an
    /// authority noun) speaks in the sentence.
    func namesBody(of region: String?, in sentence: SentenceAnalysis) -> Bool {
        sentence.mentions.contains { mention in
            mention.role == .authority && mention.code == region && mention.position + 1 < sentence.range.upperBound
                && vocabulary.authorityNouns.longestMatch(in: ids, at: mention.position + 1) != nil
        }
    }

    /// The last number before the figure in its sentence is a rate ("3,400 a day", "50 per boat",
    /// "averaged 8,000").
    func followsRate(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let number = (sentence.range.lowerBound..<figure.span.lowerBound).last(where: { tokens[$0].kind == .number }) else { return false }
        // "arrests have averaged more than 8,000 in December, up from 6,000 in November"
        if (max(sentence.range.lowerBound, number - 3)..<number).contains(where: { isOneOf(words[$0], "averaged", "averaging", "average", "averages") }) {
            return true
        }
        var j = number + 1
        while j + 1 < figure.span.lowerBound, j - number <= 4, tokens[j].kind == .word {
            if words[j] == "per" { return true }
            if isOneOf(words[j], "a", "an", "each", "every"), isOneOf(words[j + 1], "day", "week", "month", "night", "hour") { return true }
            j += 1
        }
        return false
    }

    /// "Between 3,000 and 4,000 migrants are camped near the Kuznica crossing": people staying
    /// somewhere, not a count of crossings (a state verb right after the figure's noun).
    func isStock(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        // "arrested 309 foreign nationals who were staying in the country illegally": the object of a
        // counting verb; the clause after it only says who they were
        if sentence.metrics.contains(where: {
            $0.value != "name" && $0.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - $0.range.upperBound <= 1
        }) { return false }
        var i = figure.range.upperBound
        var sawBe = false
        while i < min(figure.range.upperBound + 6, sentence.range.upperBound) {
            switch words[i] {
            case "are", "were", "remain", "remained", "is", "was", "still", "currently", "now": sawBe = true
            case "camped", "stranded", "staying", "living", "housed", "sheltering", "waiting", "gathered", "trapped",
                 "sleeping", "massed", "crammed":
                // "The 1,400 migrants living at the camp": right after the noun, a reduced relative clause
                return sawBe || i > figure.range.upperBound && vocabulary.counted.contains(id: ids[i - 1])
            default:
                if tokens[i].kind != .word || sawBe { return false }
            }
            i += 1
        }
        return false
    }

    /// Keeps the last day the sentence names for an event, so that "that day" after it can be read.
    mutating func noteNamedDay(_ sentence: SentenceAnalysis) {
        for expression in sentence.times.reversed() where expression.strength >= .relative && !expression.baseline
            && !expression.duration && !expression.yearBack && !expression.anaphoric {
            if case .day(let day)? = expression.period {
                lastNamedDay = day
                return
            }
        }
    }

    /// A sentence ending in a colon heads a list with what it counts; a sentence that is no
    /// list item ends the list.
    mutating func noteListHeading(_ sentence: SentenceAnalysis) {
        guard let last = sentence.range.last else { return }
        if words[last] == ":" {
            // a specific count ("asylum applications") over the generic arrival verbs ("registered")
            let named = sentence.metrics.compactMap { cue in
                Metric(cueValue: cue.value)
            }
            listHeading = named.first(where: { $0 != .arrivals }) ?? named.first
            listRegion = sentence.mentions.first(where: { $0.role != .origin && $0.role != .dateline })?.code
        } else if !isListItem(sentence) {
            listHeading = nil
            listRegion = nil
        }
    }

    /// "- 2021: 28,526", "• June 3: 166": a bullet, or a short line of a time, a colon and a figure.
    func isListItem(_ sentence: SentenceAnalysis) -> Bool {
        guard let first = sentence.range.first else { return false }
        if tokens[first].kind == .punct, isBullet(words[first]) { return true }
        return sentence.range.count <= 6 && words[sentence.range].contains(":")
    }

    /// "11,400 were from Guinea", "4,561 were Syrians", and the figures listed after such a one
    /// ("10,000 from Ivory Coast"): people of a nationality among a count.
    func isNationality(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        /// 1: "N were from X", "N were Syrians"; 2: "N from X"; 0: neither
        func kind(_ figure: Figure) -> Int {
            var j = figure.range.upperBound
            let copula = j < sentence.range.upperBound && isOneOf(words[j], "were", "was", "are", "is")
            if copula { j += 1 }
            if j < sentence.range.upperBound, words[j] == "from" { j += 1 } else if !copula { return 0 }
            guard j < sentence.range.upperBound, tokens[j].capitalized, vocabulary.gazetteer.longestMatch(in: ids, at: j) != nil else { return 0 }
            return copula ? 1 : 2
        }
        switch kind(figure) {
        case 1: return true
        case 2: return sentence.figures.contains { $0.range.upperBound < figure.span.lowerBound && kind($0) == 1 }
        default: return false
        }
    }

    /// "the fourth day in a row of more than 100", "topped 10,000 for the third month running": a
    /// level that counts were above, not a count.
    func isThreshold(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        func repeats(_ word: String) -> Bool { isOneOf(word, "row", "running", "consecutive", "straight") }
        let start = figure.span.lowerBound
        if start - 1 > sentence.range.lowerBound, words[start - 1] == "of",
           words[max(sentence.range.lowerBound, start - 6)..<(start - 1)].contains(where: repeats) { return true }
        var j = figure.range.upperBound
        if j < sentence.range.upperBound, tokens[j].kind == .word, words[j] != "for" { j += 1 }
        guard j < sentence.range.upperBound, words[j] == "for" else { return false }
        return words[j..<min(j + 6, sentence.range.upperBound)].contains(where: repeats)
    }

    /// "aims to deport 10,000 people", "plans to return 5,000", "wants to send back 2,000": a
    /// target, not a count. The verb of intention stands before "to" and the verb governing the figure.
    func isIntended(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        // "expects some 50,000 asylum applications this year": a forecast
        if figure.span.lowerBound > sentence.range.lowerBound,
           isOneOf(words[figure.span.lowerBound - 1], "expects", "expected", "forecast", "forecasts", "predicts", "predicted", "projects", "projected") {
            return true
        }
        var j = figure.span.lowerBound - 1
        if j > sentence.range.lowerBound, words[j] == "back" { j -= 1 }
        guard j - 2 >= sentence.range.lowerBound, tokens[j].kind == .word, words[j - 1] == "to" else { return false }
        switch words[j - 2] {
        case "aims", "aim", "aimed", "plans", "plan", "planned", "wants", "want", "wanted", "intends", "intend", "intended",
             "hopes", "hope", "seeks", "seek", "pledged", "promised", "vowed", "expects", "expect", "expected", "projected",
             "likely", "target", "targets", "goal":
            return true
        default:
            return false
        }
    }

    /// "the highest since 2016", "the highest since March", "the most in two decades": the highest
    /// of a stretch, not so far ("the highest since the start of the year" is still a record for
    /// the year, "the largest since records began" one ever); "the highest per capita", "the largest in the world": a
    /// superlative across places.
    func bySpan(_ cue: Cue, in sentence: Range<Int>) -> Bool {
        var sawIn = false
        for i in cue.range.upperBound..<min(cue.range.upperBound + 8, sentence.upperBound) {
            switch words[i] {
            case "since":
                // "since records began", "since counting started": ever; "since the start of the year",
                // "since January": this year's record; "since 2016", "since March", "since last
                // summer", "since the pandemic": only the highest of that stretch
                guard i + 1 < sentence.upperBound, tokens[i + 1].kind != .punct else { return false }
                for j in (i + 1)..<min(i + 4, sentence.upperBound) {
                    if tokens[j].kind == .punct { break }
                    if isOneOf(words[j], "records", "record", "counting", "data", "figures", "statistics", "monitoring",
                               "start", "beginning", "january", "jan", "jan.") { return false }
                }
                return true
            case "per": return i + 1 < sentence.upperBound && words[i + 1] == "capita"
            case "in", "for": sawIn = true
            case "world": if sawIn { return true }
            case "years", "decade", "decades", "months", "weeks": if sawIn { return true }
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

    /// The metric most facts so far have, arrivals when there are none.
    var mainMetric: Metric {
        metricCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? .arrivals
    }

    /// The sentence's text; a line wrapped inside it reads as one line.
    func evidence(_ range: Range<Int>) -> String {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        guard bytes[start..<end].contains(0x0A) else { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return String(decoding: bytes[start..<end].map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
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
                Metric(cueValue: cue.value)
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
                if entry.fact.strength == .strong { result[existing].strength = .strong }
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
        fitWeekendsToNamedDays(&result)
        dateRecordLeads(&result)
        // one day's count stated twice with different precision ("more than 200" / "202") shares a record claim
        shareRecordsWithinFivePercent(&result)
        return withoutStoppedAttempts(result)
    }

    /// "Over the weekend ... prevented 80. ... 20 on Friday, September 10, another 26 on Saturday
    /// and 34 on Sunday": a weekend runs over the days the article counts. A Saturday-Sunday span
    /// starts on the Friday before when a figure of the article is told for that Friday; a
    /// Friday-Monday holiday weekend ends on the Sunday when figures are told for the Friday and
    /// the Sunday but none for the Monday.
    func fitWeekendsToNamedDays(_ facts: inout [Fact]) {
        var counted = Set<Day>()
        for fact in facts {
            switch fact.period {
            case .day(let day): counted.insert(day)
            // (the bounds of a stretch told in days, not of another weekend)
            case .span(let start?, let end?) where start.days(until: end) <= 3 && !isWeekend(start, end):
                counted.insert(start)
                counted.insert(end)
            default: break
            }
        }
        guard !counted.isEmpty else { return }
        for i in facts.indices {
            guard case .span(let start?, let end?) = facts[i].period else { continue }
            guard isWeekend(start, end) else { continue }
            if start.weekday == 6, counted.contains(start.adding(days: -1)) {
                facts[i].period = .span(start: start.adding(days: -1), end: end)
            } else if start.weekday == 5, counted.contains(start),
                      counted.contains(end.adding(days: -1)), !counted.contains(end) {
                facts[i].period = .span(start: start, end: end.adding(days: -1))
            }
        }
    }

    /// "In the largest one-day total ever recorded, more than 800 people tried to cross ... Saturday's
    /// 828 arrivals beat the previous one-day record": a record figure the text gives no day, dated
    /// the article's, is of the day of the one firmly dated figure of the article its bound allows
    /// (within 10%).
    func dateRecordLeads(_ facts: inout [Fact]) {
        let dated = facts.filter { fact in
            guard !fact.isPreviousRecord, fact.strength == .strong, case .day(let day) = fact.period else { return false }
            return day != articleDate
        }
        guard !dated.isEmpty else { return }
        for i in facts.indices where facts[i].record && !facts[i].isPreviousRecord && facts[i].strength == .weak
            && facts[i].period == .day(articleDate) {
            let value = facts[i].value
            let fits = dated.filter { other in
                let close = other.value * 10 <= value * 11 && value * 10 <= other.value * 11
                switch facts[i].bound {
                case .atLeast: return close && other.value >= value
                case .atMost: return close && other.value <= value
                default: return close
                }
            }
            if fits.count == 1 { facts[i].period = fits[0].period }
        }
    }

    /// Saturday to Sunday, or a holiday weekend from Friday to Monday.
    func isWeekend(_ start: Day, _ end: Day) -> Bool {
        start.weekday == 6 && start.days(until: end) == 1 || start.weekday == 5 && start.days(until: end) == 3
    }

    /// "612 attempts on Sunday" (a headline) and "612 attempts ... were thwarted on Sunday" are one
    /// statistic: an attempts count with a prevented twin of the same value and period goes.
    func withoutStoppedAttempts(_ facts: [Fact]) -> [Fact] {
        struct Count: Hashable { let value: Int; let period: Period }
        let prevented = Set(facts.lazy.filter { $0.metric == .prevented }.map { Count(value: $0.value, period: $0.period) })
        guard !prevented.isEmpty, facts.contains(where: { $0.metric == .attempts }) else { return facts }
        return facts.filter { $0.metric != .attempts || !prevented.contains(Count(value: $0.value, period: $0.period)) }
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
