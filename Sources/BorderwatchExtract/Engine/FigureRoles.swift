import BorderwatchCore

/// Why a figure's own phrase makes it no count of people who moved, though it counts people.
///
/// Each case is one rule about English phrase structure, read from the figure's head noun, the
/// words that introduce it and the verb group of its clause. The words live in `groups.tsv`
/// (parts of a group: men, women, children ...) and `grammar.tsv` (modal, partitive, part ...).
enum FigureRole: String, Sendable {
    /// "44,718 men, 33,699 women and 82,221 children", "23 Iraqis, three Iranians": a list of
    /// figures whose heads are parts of a group (by sex, age, family or nationality) breaks a
    /// count down.
    case listedGroup
    /// "Afghans (about 16,500)", "Georgians, at 32,": a figure set after a nationality names its share.
    case apposedToNationality
    /// "Two children were among the dead": the figure is a part of a group named after it.
    case amongGroup
    /// "including 40,899 men", "made up of 34,639 men": a group introduced as a part of a count.
    case introducedPart
    /// "he and four others jumped": the companions of a person told of, not a count.
    case companions
    /// "the month could end with close to 260,000", "2,000 ... would be put up on a ferry": a
    /// modal verb group makes the figure hypothetical or future.
    case hypothetical
    /// "On Tuesday 110 boats were registered ..., and a further 23 have been registered": a
    /// figure without its noun that goes on counting boats, incidents or other units.
    case unitsContinued
    /// "two boats at sea, each carrying 35 people": a figure per item after "each".
    case perItem
    /// "Nearly 10,000 Afghans claimed asylum, the second most common nationality", "ahead of 21,400
    /// Syrians": a sentence ranking nationalities breaks a count down.
    case nationalityRanking
    /// "Carried out among 1,624 British adults, the poll found ...": the people a poll asked.
    case respondents
    /// "52,547 refugees have come from Ukraine", "50,000 Ukrainian refugees": people of a country
    /// the Union shelters under temporary protection (`protection.tsv`) were admitted, not counted
    /// as irregular ("from countries other than Ukraine" still counts).
    case temporaryProtection
    /// "family units accounted for more than 84,000", "Unaccompanied minors reaching Italian shores
    /// numbered 2,886": a figure whose subject is a part of a group (groups.tsv) breaks a count down.
    case groupSubject
    /// "A video released by the Border Guard shows a group of 60 migrants trying to cross": the
    /// people a picture shows.
    case depicted
    /// "put controls in place at 27 crossings on the border": places where the border is crossed.
    case crossingPlaces
    /// "10,000 Albanians have come this year, close to a quarter of the record 44,000": a figure
    /// set off as a fraction of a larger one after it is a part of that count.
    case fractionOfLater
}

extension FactBuilder {
    /// The first rule that makes `figure` no count of people who moved, if any.
    func role(of figure: Figure, in sentence: SentenceAnalysis) -> FigureRole? {
        if isListedGroup(figure, in: sentence) { return .listedGroup }
        if isApposedToNationality(figure, in: sentence) { return .apposedToNationality }
        if isAmongGroup(figure, in: sentence) { return .amongGroup }
        if isIntroducedPart(figure, in: sentence) { return .introducedPart }
        if isCompanions(figure, in: sentence) { return .companions }
        if isHypothetical(figure, in: sentence) { return .hypothetical }
        if continuesUnits(figure, in: sentence) { return .unitsContinued }
        if isPerItem(figure, in: sentence) { return .perItem }
        if isNationalityRanking(figure, in: sentence) { return .nationalityRanking }
        if isRespondents(figure, in: sentence) { return .respondents }
        if isUnderTemporaryProtection(figure, in: sentence) { return .temporaryProtection }
        if hasGroupSubject(figure, in: sentence) { return .groupSubject }
        if isDepicted(figure, in: sentence) { return .depicted }
        if namesCrossingPlaces(figure, in: sentence) { return .crossingPlaces }
        if isFractionOfLater(figure, in: sentence) { return .fractionOfLater }
        return nil
    }

    // MARK: the head noun

    /// Where the head of a group noun ("men", "unaccompanied minors") or a nationality ("Iraqis",
    /// "Congolese citizens") after the figure ends; `nil` when the head is neither.
    func groupHeadEnd(of figure: Figure, in sentence: SentenceAnalysis) -> Int? {
        let start = figure.range.upperBound
        guard start < sentence.range.upperBound, tokens[start].kind == .word else { return nil }
        if let (_, length) = vocabulary.groups.longestMatch(in: ids, at: start) { return start + length }
        guard tokens[start].capitalized, let (_, length) = vocabulary.gazetteer.longestMatch(in: ids, at: start) else { return nil }
        // "one Congolese citizen", "15 Afghan nationals": the demonym and the noun it qualifies
        var end = start + length
        if end < sentence.range.upperBound, let (_, nounLength) = vocabulary.counted.longestMatch(in: ids, at: end) { end += nounLength }
        // a country's name is no group of people: "Iraq" is, "Iraqis" or "Iraqi nationals" are
        return end > start + length || isPluralDemonym(start) ? end : nil
    }

    /// "Iraqis", "Afghans", "Sudanese": an English plural demonym is a gazetteer adjective with an
    /// "s" (Iraqi, Afghan), or one ending in "-ese", which is its own plural.
    func isPluralDemonym(_ i: Int) -> Bool {
        let word = words[i]
        if word.hasSuffix("ese") { return true }
        guard word.hasSuffix("s"), word.utf8.count > 3 else { return false }
        return vocabulary.gazetteer[word.dropLast()] != nil
    }

    // MARK: the rules

    /// A figure whose head is a group noun or a nationality, with a neighbour in the same list
    /// ("N men, M women and K children") whose head is one too.
    func isListedGroup(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard groupHeadEnd(of: figure, in: sentence) != nil else { return false }
        return sentence.figures.contains { other in
            guard other.range != figure.range, groupHeadEnd(of: other, in: sentence) != nil else { return false }
            let (first, second) = other.range.lowerBound < figure.range.lowerBound ? (other, figure) : (figure, other)
            guard let end = groupHeadEnd(of: first, in: sentence), end <= second.span.lowerBound else { return false }
            return second.span.lowerBound - end <= 2
                && (end..<second.span.lowerBound).allSatisfy { isOneOf(words[$0], ",", "and", "or") }
        }
    }

    /// "Afghans (about 16,500)", "Georgians, at 32, and Ukrainians, at 28": the figure in
    /// brackets or set off with "at" right after a plural demonym.
    func isApposedToNationality(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound, end = figure.range.upperBound
        let lower = sentence.range.lowerBound
        if start - 2 >= lower, words[start - 1] == "(", end < sentence.range.upperBound, words[end] == ")",
           tokens[start - 2].capitalized, isPluralDemonym(start - 2) {
            return true
        }
        if start - 3 >= lower && words[start - 1] == "at" && words[start - 2] == ","
            && tokens[start - 3].capitalized && isPluralDemonym(start - 3) { return true }
        // "aus Nigeria (1338), Afghanistan (1055), der Türkei (859)", "da Tunisia (959, 16%), Costa
        // d'Avorio (776, 13%)": a list of the countries people come from, each with its figure in
        // brackets, breaks a count down by origin ("ahead of Algeria (54)" names where they died)
        func countryInBrackets(_ figure: Figure) -> Bool {
            let s = figure.span.lowerBound
            return s - 2 >= lower && words[s - 1] == "(" && tokens[s - 2].capitalized
                && vocabulary.gazetteer[id: ids[s - 2]] != nil && figure.range.upperBound < sentence.range.upperBound
                && isOneOf(words[figure.range.upperBound], ")", ",")
        }
        let listed = sentence.figures.filter(countryInBrackets)
        guard countryInBrackets(figure), listed.count >= 2, let first = listed.first else { return false }
        let country = first.span.lowerBound - 2
        return (max(lower, country - 2)..<country).contains { j in
            words[j] == "from" || ids[j] >= 0 && vocabulary.glosses[id: ids[j]]?.hasPrefix("from") == true
        }
    }

    /// "Two children were among the dead", "More than 20 minors ... were among those saved": a
    /// partitive word in the figure's clause, before any other figure, names the whole.
    func isAmongGroup(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        var j = figure.range.upperBound
        while j + 1 < sentence.range.upperBound, j - figure.range.upperBound <= 10 {
            if tokens[j].kind != .word { return false }
            if vocabulary.grammar[id: ids[j]] == "partitive" {
                // "two women were among 27 people who died" names the whole by its figure: see `read`
                return tokens[j + 1].kind == .word && vocabulary.numbers[id: ids[j + 1]] == nil
            }
            j += 1
        }
        return false
    }

    /// "including 40,899 men", "made up of 34,639 men": a group noun introduced as a part.
    func isIntroducedPart(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard groupHeadEnd(of: figure, in: sentence) != nil else { return false }
        let start = figure.span.lowerBound
        for length in 1...3 where start - length >= sentence.range.lowerBound {
            if let (role, matched) = vocabulary.grammar.longestMatch(in: ids, at: start - length), matched == length, role == "part" {
                return true
            }
        }
        return false
    }

    /// "after he and four others jumped into the water": "N others" joined to a person told of.
    func isCompanions(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound, end = figure.range.upperBound
        guard end < sentence.range.upperBound, words[end] == "others", start - 2 >= sentence.range.lowerBound,
              isOneOf(words[start - 1], "and", "with") else { return false }
        return vocabulary.grammar[id: ids[start - 2]] == "pronoun"
    }

    /// A modal verb group in the figure's own clause: before the figure back to the clause's
    /// start ("the month could end with close to 260,000"), or right after its noun ("2,000 of
    /// those affected would be put up on a ferry").
    func isHypothetical(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        func isModal(_ j: Int) -> Bool {
            // "May" with a capital inside a sentence is the month
            if tokens[j].capitalized && j > sentence.range.lowerBound { return false }
            return vocabulary.grammar.longestMatch(in: ids, at: j)?.value == "modal"
        }
        var j = figure.span.lowerBound - 1
        while j >= sentence.range.lowerBound, figure.span.lowerBound - j <= 10 {
            if tokens[j].kind != .word || vocabulary.grammar[id: ids[j]] == "clause" { break }
            if isModal(j) { return true }
            j -= 1
        }
        j = figure.range.upperBound
        while j < sentence.range.upperBound, j - figure.range.upperBound <= 6 {
            if tokens[j].kind != .word || isOneOf(words[j], "who", "that", "which") || vocabulary.grammar[id: ids[j]] == "clause" { break }
            if isModal(j) { return true }
            j += 1
        }
        return false
    }

    /// A figure without its noun that goes on from the figure before it ("a further 23", "with
    /// 116, 113 and 127", "and 40"), where that figure, the nearest number before in the sentence
    /// (or the sentence before, after "a further"), counts units: boats, incidents ...
    /// ("110 boats were registered ..., and since midnight a further 23 have been registered",
    /// "saw the most incidents, with 116, 113 and 127 respectively").
    func continuesUnits(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        guard figure.elliptical, start > sentence.range.lowerBound else { return false }
        let further = isFurther(figure, in: sentence)
        guard further || isOneOf(words[start - 1], "with", "and", ",") else { return false }
        let lower = further ? max(0, sentence.range.lowerBound - 40) : sentence.range.lowerBound
        var j = start - 1
        while j >= lower {
            if tokens[j].kind == .number || isOneOf(words[j], "most", "such") {
                guard j + 1 < start, tokens[j + 1].kind == .word else { return false }
                if vocabulary.counted.longestMatch(in: ids, at: j + 1) != nil { return false }
                return vocabulary.distractors.longestMatch(in: ids, at: j + 1)?.value == "unit"
            }
            j -= 1
        }
        return false
    }

    /// "rescued 51 more migrants off the Pas-de-Calais coast", "Off Hardelot, a group of 60 was
    /// brought to safety": people picked up at sea off the far side of the article's border
    /// did not get in; they were stopped on the way (the interception verbs, "arrivals^").
    func isRescuedOffTheFarSide(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let farSide = article.via, sentence.metrics.contains(where: { cue in
            cue.value == "arrivals^" && (cue.range.upperBound <= figure.span.lowerBound && figure.span.lowerBound - cue.range.upperBound <= 3
                || cue.range.lowerBound >= figure.range.upperBound && cue.range.lowerBound - figure.range.upperBound <= 5)
        }) else { return false }
        return sentence.mentions.contains { mention in
            mention.code == farSide && isOffshore(mention.position, in: sentence)
        }
    }

    /// "off Hardelot", "off the Pas-de-Calais coast", "off the coast of Dunkirk": the place at
    /// `position` is named as the shore people were at sea off.
    func isOffshore(_ position: Int, in sentence: SentenceAnalysis) -> Bool {
        var j = position - 1
        guard j >= sentence.range.lowerBound else { return false }
        if words[j] == "of", j - 1 > sentence.range.lowerBound, vocabulary.grammar[id: ids[j - 1]] == "shore" { j -= 2 }
        if j > sentence.range.lowerBound, words[j] == "the" { j -= 1 }
        return j >= sentence.range.lowerBound && vocabulary.grammar[id: ids[j]] == "offshore"
    }

    /// "each carrying 35 people", "each with 40 on board": "each" up to two words before the figure.
    func isPerItem(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound
        return (max(sentence.range.lowerBound, start - 2)..<start).contains { vocabulary.grammar[id: ids[$0]] == "distributive" }
    }

    /// A sentence about a poll or survey: its figures of adults, voters or residents are those asked
    /// (its figures of migrants still count).
    func isRespondents(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard !figure.elliptical, sentence.range.contains(where: { vocabulary.grammar[id: ids[$0]] == "survey" }) else { return false }
        return (figure.range.upperBound..<min(figure.range.upperBound + 3, sentence.range.upperBound)).contains {
            vocabulary.grammar[id: ids[$0]] == "respondent"
        }
    }

    /// "A video released by the Border Guard shows a group of 60 migrants trying to cross", "Other
    /// footage shows two groups, of 90 and 130 people": a picture (grammar.tsv `depiction`) and a
    /// verb of showing (`shows`) before the figure: the people seen, not a count.
    func isDepicted(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let picture = (sentence.range.lowerBound..<figure.span.lowerBound).first(where: {
            vocabulary.grammar[id: ids[$0]] == "depiction"
        }) else { return false }
        return (picture..<figure.span.lowerBound).contains { vocabulary.grammar[id: ids[$0]] == "shows" }
    }

    /// "at 27 crossings": a preposition of place (grammar.tsv `at_place`) before a figure of crossings
    /// (`crossing_place`) names places, not events.
    func namesCrossingPlaces(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        let start = figure.span.lowerBound, end = figure.range.upperBound
        guard start > sentence.range.lowerBound, end < sentence.range.upperBound,
              vocabulary.grammar[id: ids[start - 1]] == "at_place",
              // ("the tally now stands at well over 12,000 crossings": a level, see `isLevel`)
              !isLevel(figure, in: sentence) else { return false }
        return vocabulary.grammar.longestMatch(in: ids, at: end)?.value == "crossing_place"
    }

    /// ", close to a quarter of the record 44,000": after a comma, a fraction (grammar.tsv `fraction`)
    /// and "of" name the larger figure right after as the whole the figure is part of.
    func isFractionOfLater(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let whole = sentence.figures.first(where: { $0.range.lowerBound >= figure.range.upperBound }),
              whole.value > figure.value else { return false }
        let between = figure.range.upperBound..<whole.span.lowerBound
        guard let comma = between.last(where: { words[$0] == "," }) else { return false }
        return (comma + 1..<whole.span.lowerBound).contains { j in
            guard vocabulary.grammar[id: ids[j]] == "fraction" else { return false }
            return (j + 1..<min(j + 3, whole.span.lowerBound)).contains { words[$0] == "of" }
        }
    }

    /// The figure's people are from a country under temporary protection since before the article:
    /// its name as their origin or nationality right before or within a few words after the figure,
    /// with no other figure between and not set apart ("other than Ukraine", grammar.tsv "except").
    func isUnderTemporaryProtection(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard !vocabulary.protectedFrom.isEmpty else { return false }
        let near = max(sentence.range.lowerBound, figure.span.lowerBound - 2)..<min(sentence.range.upperBound, figure.range.upperBound + 8)
        return sentence.mentions.contains { mention in
            guard near.contains(mention.position), let start = vocabulary.protectedFrom[mention.code], articleDate >= start else { return false }
            switch mention.role {
            case .origin, .people, .plain: break
            default: return false
            }
            let between = mention.position < figure.span.lowerBound ? mention.position..<figure.span.lowerBound
                                                                    : figure.range.upperBound..<mention.position
            if sentence.figures.contains(where: { $0.range != figure.range && between.contains($0.range.lowerBound) }) { return false }
            return !between.contains { vocabulary.grammar[id: ids[$0]] == "except" }
        }
    }

    /// A group noun (groups.tsv) stands within the six words before the figure, in its clause, with
    /// no number, punctuation, subordinator or partitive between ("two women were among 27 people":
    /// the whole): the figure's subject.
    func hasGroupSubject(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        var j = figure.span.lowerBound - 1
        while j >= sentence.range.lowerBound, figure.span.lowerBound - j <= 6 {
            if tokens[j].kind != .word || isSubordinator(words[j]) { return false }
            if let role = vocabulary.grammar[id: ids[j]], role == "clause" || role == "partitive" { return false }
            if let (_, length) = vocabulary.groups.longestMatch(in: ids, at: j), j + length <= figure.span.lowerBound {
                // another figure's head: a list of parts goes on ("58,474 family units and 31,606
                // single adults", "30,399 women and 76,675"), other people do not ("2,050 adults and 31 migrants")
                guard j > sentence.range.lowerBound, tokens[j - 1].kind == .number else { return true }
                return figure.elliptical || groupHeadEnd(of: figure, in: sentence) != nil
            }
            j -= 1
        }
        return false
    }

    /// A figure in the sentence of a count under temporary protection, or the sentence right after
    /// it, whose sentence names no origin or nationality of its own: more of that count.
    func continuesShelteredCount(in sentence: SentenceAnalysis, previous: SentenceAnalysis?) -> Bool {
        guard let end = shelteredUpTo,
              end == sentence.range.upperBound || previous.map({ $0.range.upperBound == end }) == true else { return false }
        return !sentence.mentions.contains { mention in
            // ("asylum seekers from countries other than Ukraine": set apart, an origin of its own)
            if vocabulary.protectedFrom[mention.code] != nil {
                return mention.position > sentence.range.lowerBound && vocabulary.grammar[id: ids[mention.position - 1]] == "except"
            }
            switch mention.role {
            case .origin, .people: return true
            default: return false
            }
        }
    }

    /// In a sentence that ranks nationalities (grammar.tsv "ranking"), a figure whose head is a
    /// nationality, or one in brackets or after "with" when the sentence's subject is one
    /// ("Albanians accounted for the largest number of asylum applications (14,223)").
    func isNationalityRanking(_ figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard sentence.range.contains(where: { vocabulary.grammar.longestMatch(in: ids, at: $0)?.value == "ranking" }) else { return false }
        let end = figure.range.upperBound
        if end < sentence.range.upperBound, tokens[end].capitalized, isPluralDemonym(end) { return true }
        let first = sentence.range.lowerBound
        guard tokens[first].capitalized, isPluralDemonym(first), figure.span.lowerBound > first else { return false }
        return isOneOf(words[figure.span.lowerBound - 1], "(", "with")
    }

    /// "flew more than 400 Haitians back to Port-au-Prince", "174,358 Afghan nationals have gone back
    /// to Afghanistan": people of a nationality taken or going to their own country are returns.
    /// `reach`: how many words after the figure the country may come (a verb of the figure's own
    /// clause, when it has one, must be near).
    func isSentHome(_ figure: Figure, in sentence: SentenceAnalysis, reach: Int = .max) -> Bool {
        let end = sentence.range.upperBound
        // the head is the nationality, right after the figure or one adjective ("2,127 undocumented Afghans")
        var k = figure.range.upperBound
        guard k + 1 < end else { return false }
        if !tokens[k].capitalized, tokens[k].kind == .word, vocabulary.counted[id: ids[k]] == nil,
           vocabulary.grammar[id: ids[k]] == nil, !isOneOf(words[k], "to", "from", "in", "of", "on", "at", "by") { k += 1 }
        guard tokens[k].capitalized,
              let own = vocabulary.gazetteer[words[k]] ?? (isPluralDemonym(k) ? vocabulary.gazetteer[words[k].dropLast()] : nil)
        else { return false }
        // "6,500 Afghan nationals crossed out of Pakistan", "6,584 Afghans ... left Pakistan": foreigners
        // leaving the country that counts them
        if let counted = article.region, counted != own, sentence.mentions.contains(where: { mention in
            mention.code == counted && mention.position > figure.range.upperBound && mention.position - figure.range.upperBound <= reach
                && (words[mention.position - 1] == "left" || mention.position >= 2 && words[mention.position - 2] == "out"
                    && words[mention.position - 1] == "of")
        }) {
            return true
        }
        return sentence.mentions.contains { mention in
            mention.code == own && mention.position > figure.range.upperBound + 1 && mention.position - figure.range.upperBound <= reach
                && words[mention.position - 1] == "to"
                && (mention.position - 2 >= sentence.range.lowerBound && words[mention.position - 2] == "back"
                    || sentence.range.contains { vocabulary.metrics[id: ids[$0]] == "returns" })
        }
    }
}
