/// The tables of one language's `Lexicon` that the engine reads, looked up once.
struct Vocabulary: Sendable {
    let numbers, scales, qualifiers, counted, distractors, before, connectors: PhraseTable
    let metrics, records, times, months, weekdays, abbreviations: PhraseTable
    let gazetteer, authorities, authorityNouns, routes: PhraseTable
    /// Region -> the countries people usually come from across its border, most usual first.
    let neighbours: [String: [String]]

    init(_ lexicon: Lexicon) {
        numbers = lexicon.table("numbers")
        scales = lexicon.table("scales")
        qualifiers = lexicon.table("qualifiers")
        counted = lexicon.table("counted")
        distractors = lexicon.table("distractors")
        before = lexicon.table("before")
        connectors = lexicon.table("connectors")
        metrics = lexicon.table("metrics")
        records = lexicon.table("records")
        times = lexicon.table("times")
        months = lexicon.table("months")
        weekdays = lexicon.table("weekdays")
        abbreviations = lexicon.table("abbreviations")
        gazetteer = lexicon.table("gazetteer")
        authorities = lexicon.table("authorities")
        authorityNouns = lexicon.table("authority_nouns")
        routes = lexicon.table("routes")
        var neighbours: [String: [String]] = [:]
        for (region, list) in lexicon.table("neighbours").entries {
            neighbours[region.uppercased()] = list.split(separator: " ").map(String.init)
        }
        self.neighbours = neighbours
    }
}
