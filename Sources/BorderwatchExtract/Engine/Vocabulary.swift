import BorderwatchCore

/// The tables of one language's `Lexicon` that the engine reads, looked up once.
///
/// A class, so that the finders of every article share it without copying (and retaining) its tables.
final class Vocabulary: Sendable {
    let numbers, scales, qualifiers, counted, distractors, before, connectors: WordTable
    let metrics, records, times, months, weekdays: WordTable
    let gazetteer, authorities, authorityNouns, routes: WordTable
    /// Nouns of a part of a group (men, women, children ...) and the function words of the phrase rules, by role.
    let groups, grammar: WordTable
    /// Another language's function words of date wording -> the English word of the same role
    /// (`glosses.tsv`: "seit" -> since), read by the time rules through `Glosses`.
    let glosses: WordTable
    /// The language writes a day of the month with a dot ("10. augusta", "3. August"), as `format.tsv` says.
    let ordinalDot: Bool
    /// Whether `glosses` holds any word (English holds none and reads its own words).
    let hasGlosses: Bool
    let abbreviations: PhraseTable
    /// The word ids every table above is compiled against.
    let index: WordIndex
    /// The particles of split phrasal verbs, as word ids: "back" ("turned 180 people back"),
    /// "ashore" ("brought 2,600 people ashore"), "to safety" ("helped bring 447 people to safety").
    let particles: [[Int32]]
    /// Region -> the countries people usually come from across its border, most usual first.
    let neighbours: [String: [String]]
    /// Regions whose first neighbour is the usual route in, taken as via when an article names none.
    let defaultVia: [String: String]
    /// Region -> the neighbours whose stops of departures count for the region's border ("FR+" in
    /// `neighbours.tsv`: French interceptions are part of the UK's small-boat figures).
    let guardedBy: [String: Set<String>]
    /// Country -> the day from which its people are received under temporary protection (`protection.tsv`).
    let protectedFrom: [String: Day]
    /// Month and weekday names are read only when capitalised (English, German), as `format.tsv` says.
    let calendarCapitalized: Bool
    /// The language puts a genitive right after its noun ("obywateli Iraku", citizens of Iraq), as
    /// `format.tsv` says (`genitive_after yes`).
    let genitiveAfter: Bool

    init(_ lexicon: Lexicon) {
        let names = ["numbers", "scales", "qualifiers", "counted", "distractors", "before", "connectors",
                     "metrics", "records", "times", "months", "weekdays", "gazetteer", "authorities",
                     "authority_nouns", "routes", "groups", "grammar", "glosses"]
        let compiled = WordTable.compile(names.map { lexicon.table($0) })
        (numbers, scales, qualifiers, counted, distractors, before, connectors) =
            (compiled[0], compiled[1], compiled[2], compiled[3], compiled[4], compiled[5], compiled[6])
        (metrics, records, times, months, weekdays) = (compiled[7], compiled[8], compiled[9], compiled[10], compiled[11])
        (gazetteer, authorities, authorityNouns, routes) = (compiled[12], compiled[13], compiled[14], compiled[15])
        (groups, grammar, glosses) = (compiled[16], compiled[17], compiled[18])
        abbreviations = lexicon.table("abbreviations")
        index = numbers.index
        let metricTable = metrics
        particles = [["back"], ["ashore"], ["to", "safety"]].map { $0.map(metricTable.wordID) }.filter { !$0.contains { $0 < 0 } }
        var neighbours: [String: [String]] = [:]
        var defaultVia: [String: String] = [:]
        var guardedBy: [String: Set<String>] = [:]
        for (region, list) in lexicon.table("neighbours").entries {
            let marked = list.split(separator: " ").map(String.init)
            let codes = marked.map { $0.hasSuffix("+") ? String($0.dropLast()) : $0 }
            neighbours[region.uppercased()] = codes.filter { $0 != "-" }
            if let first = codes.first, first != "-" { defaultVia[region.uppercased()] = first }
            let guards = marked.filter { $0.hasSuffix("+") }.map { String($0.dropLast()) }
            if !guards.isEmpty { guardedBy[region.uppercased()] = Set(guards) }
        }
        self.guardedBy = guardedBy
        var protectedFrom: [String: Day] = [:]
        for (code, day) in lexicon.table("protection").entries {
            if let start = Day(iso: day) { protectedFrom[code.uppercased()] = start }
        }
        self.protectedFrom = protectedFrom
        self.neighbours = neighbours
        self.defaultVia = defaultVia
        calendarCapitalized = lexicon.table("format")["calendar_capitalized"] != "no"
        ordinalDot = lexicon.table("format")["ordinal_dot"] == "yes"
        genitiveAfter = lexicon.table("format")["genitive_after"] == "yes"
        hasGlosses = !lexicon.table("glosses").entries.isEmpty
    }
}
