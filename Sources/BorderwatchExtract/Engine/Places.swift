/// A country named in a sentence, and the part it plays there.
struct PlaceMention: Sendable {
    enum Role: Sendable, Equatable {
        /// The body that counts: "Lithuanian border guards", "the Home Office".
        case authority
        /// Where people came from: "from Belarus".
        case origin
        /// Where people went: "into Lithuania", "reached the UK".
        case destination
        /// A sea or border that names the crossing ("the Channel"): `via` is the other side (none for
        /// a Union-wide route, "the Western Balkan route" counted for `EU`).
        case route(via: String?)
        /// "BRUSSELS - ", "ROME, Italy (AP) —": where the story was written.
        case dateline
        /// People of a nationality ("Syrians lodged 67,000 applications, Afghans 55,000, Turks (20,000)"):
        /// where they are from, never the counting country.
        case people
        case plain
    }
    var position: Int
    var code: String
    var role: Role
}

/// Finds countries in sentences and decides an article's region and via from them.
struct PlaceFinder {
    let vocabulary: Vocabulary
    let tokens: [Token]
    let words: [String]
    let ids: [Int32]

    func mentions(in sentence: Range<Int>) -> [PlaceMention] {
        var result: [PlaceMention] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard tokens[i].kind == .word else { i += 1; continue }
            if let (code, length) = vocabulary.authorities.longestMatch(in: ids, at: i), i + length <= sentence.upperBound {
                result.append(PlaceMention(position: i, code: code, role: .authority))
                i += length
                continue
            }
            // a one-word route ("Channel") only when capitalised
            if let (value, length) = vocabulary.routes.longestMatch(in: ids, at: i), i + length <= sentence.upperBound,
               length > 1 || tokens[i].capitalized {
                let parts = value.split(separator: " ").map(String.init)
                if parts.count == 2 {
                    result.append(PlaceMention(position: i, code: parts[0], role: .route(via: parts[1] == "-" ? nil : parts[1])))
                }
                i += length
                continue
            }
            // "the crisis-hit South American nation": a name the gazetteer marks as no country ("-")
            if let (code, length) = vocabulary.gazetteer.longestMatch(in: ids, at: i), code == "-", i + length <= sentence.upperBound {
                i += length
                continue
            }
            // a place in lower case only as a phrase with its article ("the bloc")
            if let (code, length) = vocabulary.gazetteer.longestMatch(in: ids, at: i), i + length <= sentence.upperBound,
               tokens[i].capitalized || words[i].utf8.contains(0x2E) || length > 1 && words[i] == "the" {
                result.append(PlaceMention(position: i, code: code, role: role(at: i, length: length, in: sentence)))
                i += length
                continue
            }
            if tokens[i].hyphen, tokens[i].capitalized {
                // "Belarusian-Lithuanian border", "Lithuania-Belarus"
                for part in words[i].split(separator: "-") {
                    if let code = vocabulary.gazetteer[part] { result.append(PlaceMention(position: i, code: code, role: .plain)) }
                }
            }
            i += 1
        }
        return result
    }

    func role(at i: Int, length: Int, in sentence: Range<Int>) -> PlaceMention.Role {
        if let (_, _) = vocabulary.authorityNouns.longestMatch(in: ids, at: i + length), i + length < sentence.upperBound {
            return .authority
        }
        // "the French national sea rescue society", "Spanish national police": a national body
        if i + length + 1 < sentence.upperBound, vocabulary.grammar[id: ids[i + length]] == "national",
           vocabulary.authorityNouns.longestMatch(in: ids, at: i + length + 1) != nil {
            return .authority
        }
        // "Syrians lodged 67,000 applications, Afghans 55,000": people of a nationality, not a counting country
        if length == 1, isPeople(words[i]) { return .people }
        // "4,561 were Syrian nationals", "Afghan migrants": a nationality, where people come from
        if length == 1, i + 1 < sentence.upperBound, !isOneOf(words[i], "eu", "european"),
           vocabulary.counted.longestMatch(in: ids, at: i + 1) != nil {
            return .origin
        }
        // the sentence's subject: "Mexico deported ...", "Hungary said it had pushed back ..."
        if i == sentence.lowerBound || i == sentence.lowerBound + 1 && words[sentence.lowerBound] == "the" {
            // a dateline ("BRUSSELS - ", "ROME, Italy (AP) —") names where the story was written
            if i == sentence.lowerBound, i + length < sentence.upperBound, isOneOf(words[i + length], "-", "(", ",") { return .dateline }
            return .authority
        }
        // "... and Latvia 30", "Poland 120, Lithuania 45": a country listed with its own figure
        if i + length < sentence.upperBound, tokens[i + length].kind == .number, i == sentence.lowerBound || words[i - 1] != "from" {
            return .authority
        }
        // "In Libya, the coast guard returned ...", "In Greece, police said ...": the sentence's setting
        if i == sentence.lowerBound + 1, words[sentence.lowerBound] == "in", i + length < sentence.upperBound, words[i + length] == "," {
            return .authority
        }
        // the subject of a counting verb: "Turkey says Greece has pushed back 42,000", "Spain returned 4,000"
        var verb = i + length
        if verb < sentence.upperBound, isOneOf(words[verb], "has", "have", "had") { verb += 1 }
        // ("arrivals from Mauritania jumped to 7,270": where they came from, not who counted)
        let afterFrom = i > sentence.lowerBound && words[i - 1] == "from"
            || i - 1 > sentence.lowerBound && words[i - 1] == "the" && words[i - 2] == "from"
        if !afterFrom, verb < sentence.upperBound, tokens[verb].kind == .word, let (value, _) = vocabulary.metrics.longestMatch(in: ids, at: verb),
           value != "name" {
            return .authority
        }
        var j = i - 1
        if j >= sentence.lowerBound, isOneOf(words[j], "the", "neighbouring", "neighboring", "neighbour", "neighbor", "next-door") { j -= 1 }
        guard j >= sentence.lowerBound else { return .plain }
        switch words[j] {
        case "from": return .origin
        case "to" where sendsBack(before: j, in: sentence), "into" where sendsBack(before: j, in: sentence):
            // "deported 320 people to Pakistan", "pushed back 300 to Serbia": where they were sent
            return .origin
        case "into", "to", "in", "reached", "reach", "reaching", "reaches", "entered", "enter", "entering", "toward", "towards":
            return .destination
        default: return .plain
        }
    }

    /// A plural demonym ("Syrians", "Iraqis"): the word without its final "s" names the same country.
    func isPeople(_ word: String) -> Bool {
        guard word.utf8.count > 3, word.utf8.last == UInt8(ascii: "s"), let code = vocabulary.gazetteer[word] else { return false }
        return vocabulary.gazetteer[word.dropLast()] == code
    }

    /// A returns or prevented phrase ("deported", "sent back", "pushed back") within the six words
    /// before `i`: a country after "to" there is where people were sent, not where they arrived.
    func sendsBack(before i: Int, in sentence: Range<Int>) -> Bool {
        var k = max(sentence.lowerBound, i - 6)
        while k < i {
            // "sent 500 migrants back to Serbia": the particle of a split phrasal verb
            if words[k] == "back" { return true }
            if let (value, length) = vocabulary.metrics.longestMatch(in: ids, at: k) {
                if value.hasPrefix("returns") || value.hasPrefix("prevented") { return true }
                k += length
            } else {
                k += 1
            }
        }
        return false
    }
}

/// The region and via an article speaks about overall, from every mention in it.
struct ArticlePlaces: Sendable {
    var region: String?
    var via: String?

    /// What the mentions say of one country. An article names a handful, so a list searched
    /// in order beats hashing every mention's code.
    private struct Tally {
        let code: String
        var score = 0.0
        var count = 0
        /// Index of the first mention; -1 for the dateline's country.
        var firstSeen: Int
        /// The far side of the first route named for this country.
        var routeVia: String?
        /// The country has a `neighbours` row (looked up once per country, not per mention).
        let hasNeighbours: Bool
    }

    init(mentions: [PlaceMention], datelineCode: String?, vocabulary: Vocabulary) {
        var tallies: [Tally] = []
        func slot(_ code: String, firstSeen: Int) -> Int {
            if let index = tallies.firstIndex(where: { $0.code == code }) { return index }
            tallies.append(Tally(code: code, firstSeen: firstSeen, hasNeighbours: vocabulary.neighbours[code] != nil))
            return tallies.count - 1
        }
        for (index, mention) in mentions.enumerated() {
            let i = slot(mention.code, firstSeen: index)
            switch mention.role {
            case .authority: tallies[i].score += 3
            case .route(let via):
                tallies[i].score += 2
                tallies[i].routeVia = tallies[i].routeVia ?? via
            case .destination: tallies[i].score += 2
            case .plain, .dateline, .people: tallies[i].score += 1
            case .origin: tallies[i].score -= 1
            }
            // "Latvian border guards detained 12": another counting country, not a side people cross from
            // nor is where the story was written
            if mention.role != .dateline, mention.role != .authority || !tallies[i].hasNeighbours {
                tallies[i].count += 1
            }
        }
        if let datelineCode { tallies[slot(datelineCode, firstSeen: -1)].score += 1 }
        for i in tallies.indices where tallies[i].hasNeighbours && tallies[i].score > 0 {
            tallies[i].score *= 2
        }
        // the far side of a route the article names ("the Channel": France) is where people leave
        // from; its own bodies' figures ("French authorities prevented 74") do not make it the region
        for i in tallies.indices where tallies.contains(where: { $0.routeVia == tallies[i].code && $0.score > 0 }) {
            tallies[i].score /= 2
        }
        // the highest score; between equals, the country named first
        var best: Tally?
        for tally in tallies where tally.score > 0 {
            if let current = best, current.score > tally.score || current.score == tally.score && current.firstSeen < tally.firstSeen {
                continue
            }
            best = tally
        }
        region = best?.code
        if let best {
            // the neighbour the article names most, else the far side of a route it names, else
            // the first (most usual) neighbour the lexicon lists
            var neighbour: (code: String, count: Int)?
            for code in vocabulary.neighbours[best.code] ?? [] {
                if let tally = tallies.first(where: { $0.code == code }), tally.count > (neighbour?.count ?? 0) {
                    neighbour = (code, tally.count)
                }
            }
            via = neighbour?.code ?? best.routeVia ?? vocabulary.defaultVia[best.code]
        }
    }
}
