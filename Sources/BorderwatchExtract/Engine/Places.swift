/// A country named in a sentence, and the part it plays there.
struct PlaceMention: Sendable {
    enum Role: Sendable, Equatable {
        /// The body that counts: "Lithuanian border guards", "the Home Office".
        case authority
        /// Where people came from: "from Belarus".
        case origin
        /// Where people went: "into Lithuania", "reached the UK".
        case destination
        /// A sea or border that names the crossing ("the Channel"): `via` is the other side.
        case route(via: String)
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
                if parts.count == 2 { result.append(PlaceMention(position: i, code: parts[0], role: .route(via: parts[1]))) }
                i += length
                continue
            }
            if let (code, length) = vocabulary.gazetteer.longestMatch(in: ids, at: i), i + length <= sentence.upperBound,
               tokens[i].capitalized || words[i].utf8.contains(0x2E) {
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
        // the sentence's subject: "Mexico deported ...", "Hungary said it had pushed back ..."
        if i == sentence.lowerBound || i == sentence.lowerBound + 1 && words[sentence.lowerBound] == "the" {
            return .authority
        }
        var j = i - 1
        if j >= sentence.lowerBound, isOneOf(words[j], "the", "neighbouring", "neighboring", "neighbour", "neighbor", "next-door") { j -= 1 }
        guard j >= sentence.lowerBound else { return .plain }
        switch words[j] {
        case "from": return .origin
        case "into", "to", "in", "reached", "reach", "reaching", "reaches", "entered", "enter", "entering": return .destination
        default: return .plain
        }
    }
}

/// The region and via an article speaks about overall, from every mention in it.
struct ArticlePlaces: Sendable {
    var region: String?
    var via: String?

    init(mentions: [PlaceMention], datelineCode: String?, vocabulary: Vocabulary) {
        var score: [String: Double] = [:]
        var firstSeen: [String: Int] = [:]
        var count: [String: Int] = [:]
        var routeVia: [String: String] = [:]
        for (index, mention) in mentions.enumerated() {
            let weight: Double
            switch mention.role {
            case .authority: weight = 3
            case .route(let via):
                weight = 2
                routeVia[mention.code] = routeVia[mention.code] ?? via
            case .destination: weight = 2
            case .plain: weight = 1
            case .origin: weight = -1
            }
            score[mention.code, default: 0] += weight
            count[mention.code, default: 0] += 1
            if firstSeen[mention.code] == nil { firstSeen[mention.code] = index }
        }
        if let datelineCode { score[datelineCode, default: 0] += 1; firstSeen[datelineCode] = firstSeen[datelineCode] ?? -1 }
        for (code, value) in score where vocabulary.neighbours[code] != nil && value > 0 { score[code] = value * 2 }
        let best = score.filter { $0.value > 0 }.max { a, b in
            a.value != b.value ? a.value < b.value : (firstSeen[a.key] ?? 0) > (firstSeen[b.key] ?? 0)
        }
        region = best?.key
        if let region {
            via = ArticlePlaces.via(for: region, counts: count, routeVia: routeVia, vocabulary: vocabulary)
        }
    }

    /// The neighbour of `region` the article names most, else the far side of a route it names,
    /// else the first (most usual) neighbour the lexicon lists.
    static func via(for region: String, counts: [String: Int], routeVia: [String: String], vocabulary: Vocabulary) -> String? {
        var best: (String, Int)?
        for neighbour in vocabulary.neighbours[region] ?? [] {
            if let n = counts[neighbour], n > (best?.1 ?? 0) { best = (neighbour, n) }
        }
        // an article that names no neighbour: the usual route into the region
        return best?.0 ?? routeVia[region] ?? vocabulary.defaultVia[region]
    }
}
