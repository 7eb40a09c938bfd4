import BorderwatchCore

/// Reads every statistic of a decoded article: figures, what they count, when, where, and record claims.
///
/// Pure and deterministic. All words come from a `Lexicon`; this type holds only grammar.
public struct FactEngine: Sendable {
    let vocabulary: Vocabulary

    public init(lexicon: Lexicon) {
        vocabulary = Vocabulary(lexicon)
    }

    /// The English engine, built once.
    public static let english = FactEngine(lexicon: .english)

    /// An engine for every language with a lexicon, by BCP 47 code, built once.
    public static let byLanguage: [String: FactEngine] = Lexicon.all.mapValues { lexicon in
        lexicon.language == "en" ? english : FactEngine(lexicon: lexicon)
    }

    /// Facts of `text` (paragraphs separated by blank lines) for an article dated `date`.
    /// Without a date, relative wording cannot be resolved and no facts are returned.
    public func facts(text: String, date: Day?, datelineCity: String? = nil) -> [Fact] {
        guard let date else { return [] }
        let bytes = Array(text.utf8)
        let list = Tokenizer.tokenize(bytes, index: vocabulary.index)
        let (tokens, words, ids) = (list.tokens, list.words, list.ids)
        let sentences = Sentences.split(tokens, words: words, abbreviations: vocabulary.abbreviations,
                                        dayMonths: vocabulary.ordinalDot ? vocabulary.months : nil, ids: ids)
        let timeWords = Glosses.timeWords(words, tokens: tokens, ids: ids, vocabulary: vocabulary)
        let figureFinder = FigureFinder(vocabulary: vocabulary, tokens: tokens, words: words, ids: ids)
        let timeFinder = TimeFinder(vocabulary: vocabulary, tokens: tokens, words: timeWords, ids: ids, articleDate: date)
        let placeFinder = PlaceFinder(vocabulary: vocabulary, tokens: tokens, words: words, ids: ids)

        var analyses: [SentenceAnalysis] = []
        var allMentions: [PlaceMention] = []
        for range in sentences {
            let mentions = placeFinder.mentions(in: range)
            allMentions += mentions
            // the lead and the sentences with figures say most about where the counting happens
            if analyses.count < 2 { allMentions += mentions }
            var records = cues(vocabulary.records, in: range, ids: ids, tokens: tokens)
            // most sentences hold no figure and no record claim: nothing more to read in them
            let mayCount = range.contains { tokens[$0].kind == .number || vocabulary.numbers.contains(id: ids[$0])
                || vocabulary.scales.contains(id: ids[$0])
                || tokens[$0].hyphen && tokens[$0].kind == .word }
            guard mayCount || !records.isEmpty else {
                // a list's heading ("Asylum applications by month:") says what its items count
                let heading = range.last.map { words[$0] == ":" } ?? false
                analyses.append(SentenceAnalysis(range: range, figures: [], times: [],
                                                 metrics: heading ? metricCues(in: range, ids: ids, tokens: tokens, words: words) : [],
                                                 records: [], mentions: mentions))
                continue
            }
            let (times, claimed) = timeFinder.expressions(in: range)
            let figures = mayCount ? figureFinder.figures(in: range, claimed: claimed) : []
            // "A boat capsized off Lesbos on Thursday. Twelve people drowned.": the sentence before
            // a count may date it, so its time wording is read too
            if !figures.isEmpty, let last = analyses.indices.last, analyses[last].times.isEmpty, analyses[last].figures.isEmpty {
                analyses[last].times = timeFinder.expressions(in: analyses[last].range).expressions
            }
            if !figures.isEmpty {
                allMentions += mentions
                records += yearInsideRecordCues(in: range, records: records, ids: ids, tokens: tokens, words: words)
            }
            analyses.append(SentenceAnalysis(range: range, figures: figures, times: times,
                                             metrics: metricCues(in: range, ids: ids, tokens: tokens, words: words),
                                             records: records, mentions: mentions))
        }
        let datelineCode = datelineCity.flatMap { vocabulary.gazetteer[$0.lowercased()] }
        let article = ArticlePlaces(mentions: allMentions, datelineCode: datelineCode, vocabulary: vocabulary)

        // the phrase rules joining figures ("10 donne e 3 bambini": "and") read the glossed words too
        var builder = FactBuilder(vocabulary: vocabulary, tokens: tokens, words: timeWords, ids: ids, bytes: bytes, articleDate: date, article: article)
        for index in analyses.indices {
            builder.read(analyses[index], previous: index > 0 ? analyses[index - 1] : nil)
        }
        builder.applyRecordSentences(analyses)
        return builder.deduplicated()
    }

    /// The metric phrases of the sentence, with phrasal verbs whose particle follows the object:
    /// "turned 180 migrants back", "escorted 10,847 people back across the border" read as
    /// "turned back", "escorted back" at the verb when the lexicon holds that phrase; likewise
    /// "brought 2,600 people ashore", "helped bring 447 people to safety".
    func metricCues(in range: Range<Int>, ids: [Int32], tokens: [Token], words: [String]) -> [Cue] {
        var result = cues(vocabulary.metrics, in: range, ids: ids, tokens: tokens)
        for particle in range where tokens[particle].kind == .word {
            guard let phrase = vocabulary.particles.first(where: { phrase in
                particle + phrase.count <= range.upperBound && phrase.indices.allSatisfy { ids[particle + $0] == phrase[$0] }
            }) else { continue }
            var verb = particle - 1
            var objectHasFigure = false
            while verb >= max(range.lowerBound, particle - 6), tokens[verb].kind != .punct {
                if tokens[verb].kind == .number || vocabulary.numbers.contains(id: ids[verb]) { objectHasFigure = true }
                if objectHasFigure, verb < particle - 1,
                   let (value, length) = vocabulary.metrics.longestMatch(in: [ids[verb]] + phrase, at: 0), length == 1 + phrase.count,
                   !result.contains(where: { $0.range.contains(verb) }) {
                    result.append(Cue(range: verb..<(verb + 1), value: value))
                    break
                }
                verb -= 1
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "the previous 2024 high of 882", "the previous 24-hour high for this year of 756": a record
    /// phrase ("previous high") with a year or a length of time inside, read as the phrase. Looks only
    /// after "previous", "last" or "old".
    func yearInsideRecordCues(in range: Range<Int>, records: [Cue], ids: [Int32], tokens: [Token], words: [String]) -> [Cue] {
        var result: [Cue] = []
        for i in range where i + 2 < range.upperBound && tokens[i].kind == .word && isOneOf(words[i], "previous", "last", "old") {
            let next = tokens[i + 1]
            let j: Int
            if next.kind == .number, next.digits == 4, !next.separated, !next.hyphenated {
                j = i + 2  // "previous 2024 high"
            } else if next.kind == .number, next.hyphenated {
                // "previous 24-hour high": the figure, its hyphen, its unit
                j = i + (words[i + 2] == "-" ? 4 : 3)
            } else {
                continue
            }
            guard j < range.upperBound, !records.contains(where: { $0.range.contains(i) || $0.range.contains(j) }),
                  let (value, length) = vocabulary.records.longestMatch(in: [ids[i], ids[j]], at: 0), length == 2 else { continue }
            result.append(Cue(range: i..<(j + 1), value: value))
        }
        return result
    }

    /// Every phrase of `table` in the sentence, longest first, not overlapping.
    func cues(_ table: WordTable, in range: Range<Int>, ids: [Int32], tokens: [Token]) -> [Cue] {
        var result: [Cue] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].kind == .word, let (value, length) = table.longestMatch(in: ids, at: i), i + length <= range.upperBound {
                result.append(Cue(range: i..<(i + length), value: value))
                i += length
            } else {
                i += 1
            }
        }
        return result
    }
}

/// A phrase found in a sentence with its lexicon value.
struct Cue: Sendable {
    var range: Range<Int>
    var value: String
}

/// What one sentence holds, before facts are built from it.
struct SentenceAnalysis: Sendable {
    var range: Range<Int>
    var figures: [Figure]
    var times: [TimeExpression]
    var metrics: [Cue]
    var records: [Cue]
    var mentions: [PlaceMention]
}
