/// The words the time rules and the fact builder read: another language's function words replaced by
/// the English words of the same role, so that one set of rules reads "seit August" as "since
/// August", "Von Januar bis September" as "from January to September" and "Między 6 a 10 sierpnia"
/// as "between 6 and 10 August". Content words (months, weekdays, the `times.tsv` phrases) are read
/// by their word ids and keep their own spelling; only the `words` a rule compares change.
///
/// English has no `glosses.tsv` and gets its words back unchanged (no copy).
enum Glosses {
    /// `words` with each glossed word replaced, and in a language that writes ordinal dots (rules
    /// below, in order):
    /// - a day's dot before a month is read as "of": "10. augusta" as "10 of augusta" ("3rd of August");
    /// - `from?to` glosses a word as "from" only when a word glossed "to" follows within four
    ///   words: Spanish "del 1 al 7 de agosto" is "from 1 to 7", "la del 28 de febrero" (the one
    ///   of 28 February) is no start of a stretch; `from?to:since` glosses it "since" otherwise
    ///   (Russian "с 1 по 7 августа" is "from 1 to 7", "с 3 августа" "since 3 August");
    /// - a word glossed "in" before a weekday is read "on" ("во вторник", "w piątek": "on Tuesday");
    /// - an article between a preposition and a day takes the preposition's gloss, as English
    ///   writes none there: "seit dem 1. März" reads "since since 1 of März", "depuis le 1er
    ///   janvier" "since since 1er janvier", "im Jahr 2020" and "en este 2018" "in in 2020" (`article` in
    ///   glosses.tsv: articles, demonstratives and a year noun before the year; otherwise kept);
    /// - a year's dot before the year noun is read as "figure": "2019. aastal 46" (in the year 2019)
    ///   as "2019 figure", the English wording that names a year on its own.
    static func timeWords(_ words: [String], tokens: [Token], ids: [Int32], vocabulary: Vocabulary) -> [String] {
        guard vocabulary.hasGlosses || vocabulary.ordinalDot else { return words }
        var result = words
        for i in words.indices {
            if tokens[i].kind == .word, ids[i] >= 0, let english = vocabulary.glosses[id: ids[i]] {
                if english.hasPrefix("from?to") {
                    let ahead = ids[(i + 1)..<min(ids.count, i + 5)]
                    if ahead.contains(where: { $0 >= 0 && vocabulary.glosses[id: $0] == "to" }) {
                        result[i] = "from"
                    } else if english.hasPrefix("from?to:") {
                        result[i] = String(english.dropFirst("from?to:".count))
                    }
                } else if english == "in", i + 1 < words.count, tokens[i + 1].kind == .word, vocabulary.weekdays.contains(id: ids[i + 1]) {
                    // "во вторник", "w piątek": the "in" of a weekday is English "on"
                    result[i] = "on"
                } else if english != "article" {
                    result[i] = english
                } else if i > 0, isOneOf(result[i - 1], "since", "from", "to", "until", "by", "in", "between", "and") {
                    // "en el año 2023": articles in a row before the number
                    var j = i + 1
                    while j < words.count, tokens[j].kind == .word, ids[j] >= 0, vocabulary.glosses[id: ids[j]] == "article" { j += 1 }
                    if j < words.count, tokens[j].kind == .number || tokens[j].kind == .ordinal { result[i] = result[i - 1] }
                }
            } else if vocabulary.ordinalDot, words[i] == ".", i > 0, i + 1 < words.count,
                      tokens[i - 1].kind == .number, tokens[i - 1].digits <= 2, !tokens[i - 1].separated,
                      tokens[i + 1].kind == .word, vocabulary.months.contains(id: ids[i + 1]) {
                result[i] = "of"
            } else if vocabulary.ordinalDot, words[i] == ".", i > 0, i + 1 < words.count,
                      tokens[i - 1].kind == .number, tokens[i - 1].digits == 4, !tokens[i - 1].separated,
                      tokens[i + 1].kind == .word, ids[i + 1] >= 0, vocabulary.glosses[id: ids[i + 1]] == "year" {
                result[i] = "figure"
            }
        }
        return result
    }
}
