import BorderwatchCore

/// How a figure's metric is chosen: the governing phrase, comparisons, and which side of the
/// border counted.
extension FactBuilder {
    /// The metric of the nearest governing phrase; a specific one (turned back, tried to cross,
    /// repatriated...) close by wins over the generic arrival verbs.
    func metric(for figure: Figure, in sentence: SentenceAnalysis) -> Metric? {
        reading(for: figure, in: sentence)?.metric
    }

    /// The metric and whether a phrase of the figure's own sentence governs it (`governed` false
    /// when it was taken from the article's main count, a list heading or the count told before).
    func reading(for figure: Figure, in sentence: SentenceAnalysis) -> (metric: Metric, governed: Bool)? {
        var specific: (String, Int)?
        var generic: (String, Int)?
        // "apprehended 1,700 people and pushed back 300": a verb right before each figure governs it
        var stopped = Int.max
        var fate: String?
        let governed = sentence.metrics.contains {
            $0.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - $0.range.upperBound <= 3
        }
        // "30 drowned and 470 were rescued": a passive verb right after the figure governs it, not
        // the verbs of the clauses before (a relative clause, "who were trying to", does not)
        let passive = sentence.metrics.contains { cue in
            guard cue.value != "name", cue.range.lowerBound >= figure.range.upperBound,
                  cue.range.lowerBound - figure.range.upperBound <= 4 else { return false }
            let between = words[figure.range.upperBound..<cue.range.lowerBound]
            // "... had been recovered and 104 people rescued": the auxiliary left out after "and"
            let elided = cue.range.lowerBound - figure.range.upperBound <= 1 && figure.span.lowerBound > sentence.range.lowerBound
                && words[figure.span.lowerBound - 1] == "and"
            return (elided || between.contains { $0 == "were" || $0 == "was" || $0 == "been" })
                && !between.contains { $0 == "who" || $0 == "that" || $0 == "which" }
                && !sentence.figures.contains { $0.range.lowerBound >= figure.range.upperBound && $0.range.lowerBound < cue.range.lowerBound }
        }
        // "127,549 unauthorised entries ... and refused entry to 35,600": the figure's own noun
        let ownNoun = sentence.metrics.contains { $0.value != "name" && $0.range.lowerBound == figure.range.upperBound }
        for var cue in sentence.metrics {
            if ownNoun, cue.range.lowerBound > figure.range.upperBound, sentence.figures.contains(where: { other in
                other.span.lowerBound >= cue.range.upperBound && other.span.lowerBound - cue.range.upperBound <= 3
            }) { continue }
            // "the Red Cross said", "the Kuznica crossing point": a name, not a verb of counting
            if cue.value == "name" { continue }
            // "around 3,500 apprehended; most have filed an asylum application", "... of all asylum
            // decisions; 1,852 people got subsidiary protection": a semicolon closes the figure's clause
            if cue.range.lowerBound >= figure.range.upperBound, words[figure.range.upperBound..<cue.range.lowerBound].contains(";")
                || cue.range.upperBound <= figure.span.lowerBound && words[cue.range.upperBound..<figure.span.lowerBound].contains(";") { continue }
            // "35 migrants got into Lithuania, most were sent back": a figure with its own verb right
            // before it is not governed by one past a comma after it
            // (a wording of legal stay, "none", still says what the people are)
            if governed, cue.value != "none", cue.range.lowerBound >= figure.range.upperBound,
               words[figure.range.upperBound..<cue.range.lowerBound].contains(",") { continue }
            // ("the bodies of 18 people were found": the noun the figure belongs to still counts)
            if passive, cue.range.upperBound <= figure.span.lowerBound,
               !(cue.range.upperBound + 1 == figure.span.lowerBound && words[cue.range.upperBound] == "of"),
               // ("the body of one more migrant has been found": the phrase holds its "of")
               !(cue.range.upperBound == figure.span.lowerBound && words[cue.range.upperBound - 1] == "of") { continue }
            // "stopped<": the phrase governs only a figure after it
            if cue.value.hasSuffix("<") {
                guard cue.range.upperBound <= figure.span.lowerBound else { continue }
                cue.value.removeLast()
            }
            // "intercepted^": arrivals, unless the side people leave from intercepts (see `read`)
            if cue.value.hasSuffix("^") { cue.value.removeLast() }
            // "intercepted 1,200 migrants and returned them to shore": what happened to them next
            if governed, cue.range.lowerBound >= figure.range.upperBound, cue.range.upperBound < sentence.range.upperBound,
               words[cue.range.upperBound] == "them" { continue }
            // "lives~": the noun yields to a verb right before the figure ("saved 120 lives")
            if cue.value.hasSuffix("~") {
                if sentence.metrics.contains(where: { $0.value != "name" && $0.range.upperBound == figure.span.lowerBound }) { continue }
                cue.value.removeLast()
            }
            // ("let 89 migrants disembark but refused to allow 35 men ...": the verb of the next clause's figure)
            if cue.range.lowerBound >= figure.range.upperBound, sentence.figures.contains(where: {
                $0.span.lowerBound >= cue.range.upperBound && $0.span.lowerBound - cue.range.upperBound <= 1
            }), governed || words[figure.range.upperBound..<cue.range.lowerBound].contains(where: { isOneOf($0, "but", "while", "and") }) {
                continue
            }
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
            // "had deported 230 people ... and that about 8,000 migrants were in the country": the
            // verb of one figure does not reach into a clause of its own after it
            if cue.range.upperBound <= figure.span.lowerBound, sentence.figures.contains(where: { other in
                (other.span.lowerBound >= cue.range.upperBound && other.span.lowerBound - cue.range.upperBound <= 3
                    || cue.range.lowerBound >= other.range.upperBound && cue.range.lowerBound - other.range.upperBound <= 1)
                    && other.range.upperBound <= figure.span.lowerBound
                    && words[other.range.upperBound..<figure.span.lowerBound].contains { $0 == "that" || $0 == "which" }
            }) { continue }
            // "Two people were taken to hospital and one man died": the verb right after another
            // figure's noun is that figure's, unless the two are listed together ("two men and one woman died")
            if cue.range.lowerBound >= figure.range.upperBound, sentence.figures.contains(where: { other in
                other.span.lowerBound - figure.range.upperBound > 3 && other.range.upperBound <= cue.range.lowerBound
                    && cue.range.lowerBound - other.range.upperBound <= 2 && !isPart(other, in: sentence)
            }) { continue }
            // "2,500 people tried to cross in two days, and nearly 500 succeeded": a verb right after
            // another figure before this one is that figure's, when this one has a verb of its own (not
            // when it stands right before this one: "arrested 348 people and prevented 44,353 attempts")
            if cue.range.upperBound < figure.span.lowerBound, sentence.figures.contains(where: { other in
                   other.range.upperBound <= cue.range.lowerBound && cue.range.lowerBound - other.range.upperBound <= 2
               }), sentence.metrics.contains(where: { own in
                   own.value != "name" && own.range.lowerBound >= figure.range.upperBound && own.range.lowerBound - figure.range.upperBound <= 1
               }) { continue }
            // "At least 23 migrants died when about 2,000 people tried to cross": the verb of the main
            // clause belongs to its own figure, not to the one in the clause it opens
            if cue.range.upperBound <= figure.span.lowerBound,
               words[cue.range.upperBound..<figure.span.lowerBound].contains(where: isSubordinator),
               sentence.figures.contains(where: {
                   $0.range.upperBound <= cue.range.lowerBound && cue.range.lowerBound - $0.range.upperBound <= 2
               }) { continue }
            // "to help Tunisia stop departures, after 13,000 migrants reached Italian shores": the figure's
            // own clause, opened by a subordinator, has its own verb
            if cue.range.upperBound <= figure.span.lowerBound,
               let opener = (cue.range.upperBound..<figure.span.lowerBound).last(where: { isSubordinator(words[$0]) }),
               sentence.metrics.contains(where: { verb in
                   verb.value != "name" && verb.range.lowerBound > opener
                       && (verb.range.lowerBound >= figure.range.upperBound && verb.range.lowerBound - figure.range.upperBound <= 3
                           || verb.range.upperBound <= figure.span.lowerBound)
               }) { continue }
            let distance = gap(cue.range, figure.span)
            // "arrested 309 foreign nationals ... and escorted them back": what was done with them, the
            // pronoun in the phrase itself, says what the count was
            if cue.value != "arrivals", cue.range.lowerBound >= figure.range.upperBound, words[cue.range].contains("them"),
               words[figure.range.upperBound..<cue.range.lowerBound].contains("and"),
               !sentence.figures.contains(where: { $0.range.lowerBound >= figure.range.upperBound && $0.range.upperBound <= cue.range.lowerBound }) {
                fate = fate ?? cue.value
            }
            if cue.value == "prevented" { stopped = min(stopped, distance) }
            if cue.value == "arrivals" {
                if distance < (generic?.1 ?? Int.max) { generic = (cue.value, distance) }
            } else if distance < (specific?.1 ?? Int.max) {
                specific = (cue.value, distance)
            }
        }
        // "75,184 attempts were thwarted", "foiled 3,300 attempts", "131,000 attempts to cross the
        // border foiled": attempts stopped are prevented
        if let attempts = specific, attempts.0 == "attempts", stopped <= 6 || passiveStop(after: figure, in: sentence) {
            specific = ("prevented", min(stopped, attempts.1))
        }
        if let fate, let verb = generic, verb.1 <= 1, specific.map({ $0.1 > 1 }) ?? true { specific = (fate, 0) }
        if !governed, let main = mainClauseCue(after: figure, in: sentence) { specific = (main, 0) }
        let chosen: String?
        var ownPhrase = true
        if let specific, specific.1 <= 12, specific.1 <= (generic?.1 ?? 1_000) + 8 {
            chosen = specific.0
        } else if let generic, generic.1 <= 30 {
            chosen = generic.0
        } else if let specific, specific.1 <= 30 {
            chosen = specific.0
        } else if sentence.records.contains(where: { ($0.value == "previous" || $0.value == "record") && !bySpan($0, in: sentence.range) })
                    || !figure.elliptical && figure.span.lowerBound > sentence.range.lowerBound && words[figure.span.lowerBound - 1] == "the"
                        && figure.range.upperBound < sentence.range.upperBound && !tokens[figure.range.upperBound].capitalized
                    || raisesTotal(to: figure, in: sentence) || isShareOfTotal(figure, in: sentence) {
            // "the previous record high of 235 people", "The 202 migrants on board": a record claim
            // or a definite figure names the article's main count ("the 2 million Syrians in
            // Turkey", a nationality, does not)
            // ("12,148 people attempted the crossing ... For the whole of 2020 the count was 9,551": the
            // count told in the sentence just before, when it is a whole stretch's)
            var told: Metric?
            if raisesTotal(to: figure, in: sentence), let last = entries.last, last.sentence.upperBound <= sentence.range.lowerBound,
               sentence.range.lowerBound - last.sentence.upperBound <= 2, !last.inherited {
                switch last.fact.period {
                case .year, .ytd, .span(_?, _?): told = last.fact.metric
                default: break
                }
            }
            chosen = (told ?? mainMetric).rawValue
            ownPhrase = false
        } else if figure.elliptical, let last = entries.last, sentence.range.lowerBound - last.sentence.upperBound <= 40,
                  isFurther(figure, in: sentence) || last.sentence == sentence.range && continuesList(from: last.position, to: figure, in: sentence) {
            // "On July 29, 178 attempts were prevented. On July 30, a further 201": more of the count told
            // a sentence or two before;
            // "in September there were 7,700 (and 3,500 in August)": the list goes on
            chosen = last.fact.metric.rawValue
            ownPhrase = false
        } else if figure.elliptical, let heading = listHeading, isListItem(sentence) {
            // "- 2021: 28,526" under "The number of people crossing ... has risen every year:"
            chosen = heading.rawValue
            ownPhrase = false
        } else if !figure.elliptical, !entries.isEmpty, isListItem(sentence), words[sentence.range].contains(":") {
            // "– August 21 2021: 828 people": an item of a list of days with a count of people and
            // no verb counts what the article counts
            chosen = (listHeading ?? mainMetric).rawValue
            ownPhrase = false
        } else {
            chosen = nil
        }
        // "a boat carrying 200 migrants capsized and 50 died": the people aboard did not all die
        if chosen == "deaths", isLoad(figure) { return nil }
        return chosen.flatMap(Metric.init(rawValue:)).map { ($0, ownPhrase) }
    }

    /// "More than 40 Albanian migrants who had tried to reach Britain ... are back in their home
    /// country": the figure's people are the subject of a relative clause and then of the main verb,
    /// which says what the count is. The main verb follows the relative clause's, after an auxiliary.
    func mainClauseCue(after figure: Figure, in sentence: SentenceAnalysis) -> String? {
        let end = figure.range.upperBound
        // (the figure's noun phrase, words only, before "who": "Albanian offenders and migrants who")
        guard let relative = relativePronoun(after: figure, within: 6, in: sentence),
              !tokens[end..<relative].contains(where: { $0.kind != .word }),
              let inner = sentence.metrics.first(where: { $0.value != "name" && $0.range.lowerBound > relative && $0.range.lowerBound - relative <= 3 })
        else { return nil }
        let later = sentence.metrics.first { cue in
            guard cue.value != "name", cue.range.lowerBound >= inner.range.upperBound, cue.value != inner.value,
                  !sentence.figures.contains(where: { $0.range.lowerBound > end && $0.range.lowerBound < cue.range.lowerBound }) else { return false }
            let between = inner.range.upperBound..<cue.range.lowerBound
            return between.count <= 12 && !words[between].contains { $0 == "," || $0 == "and" || isSubordinator($0) }
                && between.contains { isOneOf(words[$0], "are", "were", "is", "was") || isOneOf(words[$0], "have", "has") }
        }
        return later.flatMap { Metric(cueValue: $0.value)?.rawValue }
    }

    /// Where "who", "whom" or "that" opens a relative clause within `within` words after the figure
    /// ("some 7,000 migrants who had arrived", "135 people, most of whom ...").
    func relativePronoun(after figure: Figure, within: Int, in sentence: SentenceAnalysis) -> Int? {
        let end = figure.range.upperBound
        return (end..<min(end + within, sentence.range.upperBound)).first { isOneOf(words[$0], "who", "whom", "that") }
    }

    /// "Germany received 334,000 applications, while France received 167,000 and Spain 162,000": a
    /// figure without its noun, after the same verb as a figure before it that named its count
    /// ("applications"), counts that. `nil` when another verb stands between.
    func listedMetric(for figure: Figure, in sentence: SentenceAnalysis) -> Metric? {
        // ("... and Spain 162,000": past other figures without a noun, to the one that named it)
        guard figure.elliptical, let head = sentence.figures.last(where: { $0.range.upperBound < figure.span.lowerBound && !$0.elliptical }),
              let noun = sentence.metrics.first(where: { $0.range.lowerBound == head.range.upperBound }),
              let headMetric = Metric(rawValue: noun.value), headMetric != .arrivals else { return nil }
        let verbs = sentence.metrics.filter {
            $0.range.upperBound <= head.span.lowerBound && head.span.lowerBound - $0.range.upperBound <= 3
        }
        // ("46 asylum applications lodged last year, while Slovakia registered 544": a verb that counts
        // whatever its noun is, grammar.tsv `counts`, or one of the noun's own metric, goes on with it)
        for cue in sentence.metrics where cue.range.lowerBound >= noun.range.upperBound && cue.range.upperBound <= figure.span.lowerBound {
            guard verbs.contains(where: { ids[$0.range].elementsEqual(ids[cue.range]) })
                    || Metric(cueValue: cue.value) == headMetric
                    || cue.range.count == 1 && vocabulary.grammar[id: ids[cue.range.lowerBound]] == "counts" else { return nil }
        }
        return headMetric
    }

    /// The fact a figure is set against ("17,300 attempts in October, up from 7,700 in September",
    /// "That compared with 235,785 in November"): it counts the same thing.
    func compared(with figure: Figure, in sentence: SentenceAnalysis) -> Entry? {
        guard isCompared(figure, in: sentence), let last = entries.last, last.position < figure.range.lowerBound else { return nil }
        if last.sentence == sentence.range { return last }
        return last.sentence.upperBound <= sentence.range.lowerBound && sentence.range.lowerBound - last.sentence.upperBound <= 2 ? last : nil
    }

    /// A comparison wording ("up from", "compared with") stands right before the figure.
    func isCompared(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        for length in 1...3 where figure.span.lowerBound - length >= sentence.range.lowerBound {
            if let (kind, matched) = vocabulary.connectors.longestMatch(in: ids, at: figure.span.lowerBound - length),
               matched == length, kind == "compare" {
                return true
            }
        }
        let start = figure.span.lowerBound
        // "nearly double last year's 66,237 in the same period": a figure of the period before
        if start - 2 >= sentence.range.lowerBound, tokens[start - 1].possessive, isOneOf(words[start - 1], "year", "month", "week"),
           isOneOf(words[start - 2], "last", "previous") {
            return true
        }
        // "35% higher than at this point in 2023 (7,715)": the figure of a compared time, in brackets
        if start - 1 > sentence.range.lowerBound, words[start - 1] == "(", figure.range.upperBound < sentence.range.upperBound,
           words[figure.range.upperBound] == ")",
           sentence.times.contains(where: { $0.range.upperBound == start - 1 }) {
            return true
        }
        // "up from 7,700 in September and fewer than 3,500 in August": the next item of a comparison
        // ("compared with 2,643 in the whole of 2023, 11,211 in 2022": the time of the item before,
        // with its preposition, is no distance)
        guard start - 1 > sentence.range.lowerBound, isOneOf(words[start - 1], "and", "or", ","),
              let previous = sentence.figures.last(where: { $0.range.upperBound <= start - 1 }),
              start - (sentence.times.last(where: { $0.range.lowerBound >= previous.range.upperBound
                                                       && $0.range.lowerBound - previous.range.upperBound <= 4 && $0.range.upperBound < start })?
                        .range.upperBound ?? previous.range.upperBound) <= 5,
              !sentence.metrics.contains(where: { $0.range.lowerBound >= previous.range.upperBound && $0.range.upperBound <= start })
        else { return false }
        return isCompared(previous, in: sentence)
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

    /// The verb right before the figure is an interception ("intercepted^" in metrics.tsv) by an
    /// authority of `region` named before it (or a passive one, with the authority as its agent), and `region` is a side people leave from: a country
    /// no route leads into (no neighbours row) or the far side of the article's own route.
    func interceptedOnTheWayOut(_ figure: Figure, by region: String, in sentence: SentenceAnalysis) -> Bool {
        // "the Turkish Coast Guard apprehended more than 21,400 irregular migrants": the coast guard of
        // a country no usual route leads into (defaultVia none) catches people leaving by sea
        if vocabulary.defaultVia[region] == nil, sentence.mentions.contains(where: { mention in
            mention.role == .authority && mention.code == region && mention.position < figure.span.lowerBound
                && (mention.position + 1..<min(mention.position + 3, sentence.range.upperBound)).contains {
                    vocabulary.grammar.longestMatch(in: ids, at: $0)?.value == "coastguard" }
        }) {
            return true
        }
        guard vocabulary.neighbours[region] == nil || region == article.via else { return false }
        // "Off Hardelot, a second group of 60 migrants was brought to safety": rescued or picked up
        // where the far side of the article's route counts them, they did not get across
        if region == article.via, sentence.metrics.contains(where: { cue in
            cue.value == "arrivals^" && (cue.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - cue.range.upperBound <= 12
                || cue.range.lowerBound >= figure.range.upperBound && cue.range.lowerBound - figure.range.upperBound <= 4)
        }) {
            return true
        }
        // "intercepted 1,200", or passive: "63 migrants were intercepted ... by French police"
        if sentence.metrics.contains(where: {
            $0.value == "arrivals^" && $0.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - $0.range.upperBound <= 3
        }) {
            return sentence.mentions.contains { $0.role == .authority && $0.code == region && $0.position < figure.span.lowerBound }
        }
        guard sentence.metrics.contains(where: { cue in
            cue.value == "arrivals^" && cue.range.lowerBound >= figure.range.upperBound && cue.range.lowerBound - figure.range.upperBound <= 4
                && words[figure.range.upperBound..<cue.range.lowerBound].contains { $0 == "were" || $0 == "was" }
        }) else { return false }
        return sentence.mentions.contains { $0.role == .authority && $0.code == region && $0.position > figure.range.upperBound && isAgent($0) }
    }

    /// "trying to reach Italy", "heading to the UK": the country at `position` is where people
    /// were going, not where they got in.
    func isHeading(to position: Int) -> Bool {
        var j = position - 1
        if j >= 0, words[j] == "the" { j -= 1 }
        guard j >= 0 else { return false }
        switch words[j] {
        case "reach", "reaching", "to", "toward", "towards", "for": return true
        default: return false
        }
    }

    /// "612 attempts to illegally cross the border with Belarus were thwarted": a passive prevented
    /// verb closes the figure's own clause.
    func passiveStop(after figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        sentence.metrics.contains { cue in
            cue.value.hasPrefix("prevented") && cue.range.lowerBound > figure.range.upperBound
                && cue.range.lowerBound - figure.range.upperBound <= 12 && isOneOf(words[cue.range.lowerBound - 1], "were", "was", "been")
                && !sentence.figures.contains { $0.range.lowerBound > figure.range.upperBound && $0.range.upperBound <= cue.range.lowerBound }
                && !(figure.range.upperBound..<cue.range.lowerBound).contains { j in
                    // ("had tried to get in and had been stopped": a second verb of the same subject;
                    // "tried to enter Lithuania, but were turned back": the same subject goes on after ", but")
                    words[j] == "and" && !(j + 1 < cue.range.lowerBound && isOneOf(words[j + 1], "had", "have", "has", "were", "was"))
                        || words[j] == "," && !(j + 1 < cue.range.lowerBound && words[j + 1] == "but")
                }
        }
    }

    /// Only list punctuation and "and" lie between a figure at `position` and `figure`.
    func continuesList(from position: Int, to figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let previous = sentence.figures.first(where: { $0.range.lowerBound == position }) else { return false }
        var i = previous.range.upperBound
        // the dot of an abbreviated scale ("17,5 tys. w październiku") and the previous figure's own
        // time ("7,700 in September") may sit between
        if i < figure.span.lowerBound, words[i] == "." { i += 1 }
        if let time = sentence.times.first(where: { $0.range.lowerBound == i || $0.range.lowerBound == i + 1 && isOneOf(words[i], "in", "on") }) {
            i = time.range.upperBound
        }
        // and so may this one's, set off by a dash or colon ("20 on Wednesday, on Tuesday – 10, on Monday – 38")
        var end = figure.span.lowerBound
        if end - 1 > i, isOneOf(words[end - 1], "–", "—", "-", ":"),
           let own = sentence.times.first(where: { $0.range.upperBound == end - 1 && $0.range.lowerBound >= i }) {
            end = own.range.lowerBound
            if end - 1 > i, isOneOf(words[end - 1], "on", "in") { end -= 1 }
        }
        guard end - i <= 3 else { return false }
        return (i..<end).allSatisfy { isOneOf(words[$0], "and", ",", "(", ")", "with") }
    }

    /// "a further 201", "another 56", "an additional 40", "there were 7,700", "32,024 such cases":
    /// more of the count just told.
    func isFurther(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        guard start - 1 >= sentence.range.lowerBound else { return false }
        if words[start - 1] == "another" { return true }
        if figure.range.upperBound < sentence.range.upperBound, words[figure.range.upperBound] == "such" { return true }
        // "Ankstesnę parą tokių migrantų užfiksuota daugiau nei 40" (such migrants, more than 40, were
        // recorded the day before): "such" before the figure in its clause, no other figure between
        if let such = (max(sentence.range.lowerBound, start - 6)..<start).last(where: { words[$0] == "such" }),
           !sentence.figures.contains(where: { $0.range.lowerBound > such && $0.range.upperBound <= start }),
           !words[such..<start].contains(",") { return true }
        if start - 2 >= sentence.range.lowerBound, words[start - 2] == "there", isOneOf(words[start - 1], "were", "was") { return true }
        return start - 2 >= sentence.range.lowerBound && isOneOf(words[start - 1], "further", "additional") && isOneOf(words[start - 2], "a", "an")
    }

    /// "The Central Mediterranean accounted for 158,000 of the total": a share of the article's count.
    func isShareOfTotal(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let end = figure.range.upperBound
        return end + 2 < sentence.range.upperBound && words[end] == "of" && words[end + 1] == "the"
            && isOneOf(words[end + 2], "total", "tally", "figure")
    }

    /// "The figures bring the total for January to 1,194", "the total for the year so far stands
    /// at 16,000", "the cumulative total is now 16,755": a running total of the article's count.
    func raisesTotal(to figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        guard start - 1 > sentence.range.lowerBound else { return false }
        // "last year's total of 29,437", "That tally, 696 according to the Ministry of Defence, ..."
        if words[start - 1] == "of" || words[start - 1] == ",", isOneOf(words[start - 2], "total", "tally") { return true }
        guard isOneOf(words[start - 1], "to", "at", "is", "was", "now") else { return false }
        // "the total stands at 16,000", "The figure for the first four months of the year was 7,567";
        // not "the number of boats was 15"
        let window = max(sentence.range.lowerBound, start - 12)..<(start - 1)
        guard let noun = window.first(where: { isOneOf(words[$0], "total", "tally", "figure", "number", "count") }) else { return false }
        return !(noun + 2 < start && words[noun + 1] == "of" && vocabulary.distractors.longestMatch(in: ids, at: noun + 2) != nil)
    }
}

extension Metric {
    /// The metric a metrics.tsv value names, without its mark ("intercepted^", "stopped<", "lives~").
    init?(cueValue value: String) {
        guard let last = value.last else { return nil }
        self.init(rawValue: "<^~".contains(last) ? String(value.dropLast()) : value)
    }
}
