import BorderwatchCore

/// How a figure's region and via are chosen.
extension FactBuilder {
    /// Region from an authority just before the figure or another border country the sentence
    /// names instead of the article's; else the article's region and via.
    func place(for figure: Figure, metric: Metric, in sentence: SentenceAnalysis) -> (String?, String?) {
        var region = recentRegion(before: sentence.range, metric: metric) ?? article.region
        // an item of a list whose heading names the place ("... lodged in Germany by month:")
        if let listed = listRegion, listHeading != nil, isListItem(sentence) { region = listed }
        // the body named last before the figure, close by or with no other country named in between
        // ("French authorities said they had prevented 74 crossings ... and rescued 50 people")
        // ("followed by Spain (84,000), Italy (80,000)")
        let listedAt = figure.span.lowerBound - (figure.span.lowerBound > sentence.range.lowerBound && words[figure.span.lowerBound - 1] == "(" ? 2 : 1)
        if let listed = sentence.mentions.last(where: { $0.position == listedAt && $0.role != .origin && $0.role != .people }),
           vocabulary.neighbours[listed.code] != nil {
            // "Lithuania detained 50 migrants and Latvia 30", "Poland stopped 120, Lithuania 45": a list
            region = listed.code
        } else if let authority = sentence.mentions.last(where: {
            // "Tunisia's coast guard foiled 1,310 attempts to cross toward Italy and intercepted 23,000":
            // where people were heading names no counting body; "to help Tunisia stop departures, after
            // 13,000 migrants reached Italian shores": nor does a body outside the figure's own clause
            $0.position < figure.span.lowerBound && !($0.role == .destination && isHeading(to: $0.position))
                && !opensClause(between: $0.position, and: figure, in: sentence)
                && !isAgent($0, ofAnotherFigureThan: figure, in: sentence)
        }).flatMap({ $0.role == .authority ? $0 : nil }) ??
            sentence.mentions.last(where: {
                $0.role == .authority && $0.position < figure.span.lowerBound && figure.span.lowerBound - $0.position <= 8
                && !isAgent($0, ofAnotherFigureThan: figure, in: sentence) && !opensClause(between: $0.position, and: figure, in: sentence)
            }) {
            region = authority.code
        } else if let agent = sentence.mentions.first(where: { mention in
            // "9,000 people were arrested by the Mauritanian coast guard": the passive's agent counted
            mention.role == .authority && mention.position >= figure.range.upperBound && mention.position - figure.range.upperBound <= 12
                && isAgent(mention) && !sentence.figures.contains { $0.range.lowerBound > figure.range.upperBound && $0.range.lowerBound < mention.position }
        }) {
            region = agent.code
        } else if metric == .arrivals || metric == .asylumClaims, let landing = sentence.mentions.first(where: { mention in
            mention.role == .destination && mention.position >= figure.range.upperBound && mention.position - figure.range.upperBound <= 6
                && (vocabulary.neighbours[mention.code] != nil || mention.code == "EU")
                && !sentence.figures.contains { $0.range.lowerBound >= figure.range.upperBound && $0.range.upperBound <= mention.position }
        }) {
            // "disembarked 234 people in Toulon", "400 migrants crossed into Lithuania": where they got
            // in; "519,000 asylum applications were lodged in the EU": where they were made
            region = landing.code
        } else if metric == .arrivals || metric == .asylumClaims, let landing = sentence.mentions.last(where: { mention in
            mention.role == .destination && mention.position < figure.span.lowerBound && figure.span.lowerBound - mention.position <= 6
                && (vocabulary.neighbours[mention.code] != nil || mention.code == "EU")
                && !sentence.figures.contains { $0.range.lowerBound > mention.position && $0.range.upperBound <= figure.span.lowerBound }
        }) {
            // "irregular crossings into the bloc rose to 331,600", "arrivals in Italy reached 34,000"
            region = landing.code
        } else if let route = sentence.mentions.first(where: { mention in
            // "5,500 were recorded on the Eastern land border", "on the Western Balkan route fell to 99,000":
            // the route named in the figure's own clause, with no other figure in between
            guard case .route = mention.role else { return false }
            let between = mention.position < figure.span.lowerBound ? mention.position..<figure.span.lowerBound
                                                                     : figure.range.upperBound..<mention.position
            return between.count <= 8 && !sentence.figures.contains { between.contains($0.range.lowerBound) }
        }) {
            region = route.code
        } else if let route = sentence.mentions.first(where: { mention in
            if case .route = mention.role { return mention.code != region } else { return false }
        }) {
            // "On the Western Balkans route, detections fell to 75,000": the route's side counted
            region = route.code
        } else if let article = region, !sentence.mentions.contains(where: { $0.code == article }),
                  let other = sentence.mentions.first(where: {
                      $0.role != .origin && $0.role != .people && $0.code != self.article.via && vocabulary.neighbours[$0.code] != nil
                          && !namesBorder($0, in: sentence.range)
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
        // "crossed into Greece, Cyprus and Bulgaria on the Eastern Mediterranean route": the route's far side first
        for mention in sentence.mentions {
            if case .route(let via) = mention.role, mention.code == region { return (region, via) }
        }
        for mention in sentence.mentions where mention.role != .authority && mention.role != .dateline && mention.role != .people && neighbours.contains(mention.code) {
            return (region, mention.code)
        }
        // nothing names the far side: the usual route in, as for a whole article
        return (region, vocabulary.defaultVia[region])
    }

    /// "by French police", "by the Mauritanian coast guard": the agent of a passive verb.
    func isAgent(_ mention: PlaceMention) -> Bool {
        let j = mention.position - 1
        return j > 0 && (words[j] == "by" || words[j] == "the" && words[j - 1] == "by")
    }

    /// "63 were intercepted by French police, while a further 120 made it to Dover": the agent of
    /// an earlier figure's passive counts that figure only.
    func isAgent(_ mention: PlaceMention, ofAnotherFigureThan figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        isAgent(mention) && sentence.figures.contains { $0.range.upperBound <= mention.position && $0.range != figure.range }
    }

    /// A clause of its own ("after", "when", "because", "once") opens the figure's clause after
    /// `position`, and a verb of that clause governs the figure ("while" and "as" join parallel
    /// reports of the same body).
    func opensClause(between position: Int, and figure: Figure, in sentence: SentenceAnalysis) -> Bool {
        guard let opener = (position..<figure.span.lowerBound).last(where: { isOneOf(words[$0], "after", "when", "because", "once") })
        else { return false }
        return sentence.metrics.contains { verb in
            verb.value != "name" && verb.range.lowerBound > opener
                && (verb.range.lowerBound >= figure.range.upperBound && verb.range.lowerBound - figure.range.upperBound <= 3
                    || verb.range.upperBound <= figure.span.lowerBound)
        }
    }

    /// "on the Polish, Czech and Swiss borders", "the Polish border": the mention only says which
    /// border, not who counted.
    func namesBorder(_ mention: PlaceMention, in sentence: Range<Int>) -> Bool {
        guard mention.role == .plain else { return false }
        var j = mention.position + 1
        while j < sentence.upperBound, j - mention.position <= 8 {
            switch words[j] {
            case "border", "borders", "frontier", "frontiers": return true
            case ",", "and", "or": j += 1
            default:
                guard tokens[j].capitalized, vocabulary.gazetteer[words[j]] != nil else { return false }
                j += 1
            }
        }
        return false
    }

    /// The region of the facts of the sentence just before, when it had any: a sentence that
    /// names no country goes on about the same place ("Last year 28,526 people made the journey").
    func recentRegion(before sentence: Range<Int>, metric: Metric) -> String? {
        // a figure of another kind ("French authorities prevented 200 ...") says nothing of whose count follows
        // unless a pronoun carries on its subject ("It recovered the bodies of 210 migrants")
        let sameSubject = isOneOf(words[sentence.lowerBound], "it", "they", "its", "their")
        // (a fact of this very sentence, "rose from 900 to 1,400", is passed over for the one before it)
        guard let lastIndex = entries.lastIndex(where: { $0.sentence.upperBound <= sentence.lowerBound }),
              case let last = entries[lastIndex], last.fact.metric == metric || sameSubject else { return nil }
        // a list of countries ("Germany 121,000, followed by Spain (84,000)") is no one place to go on about;
        // entries are appended sentence by sentence, so that sentence's sit together up to `last`
        // (looking only there keeps an article of thousands of figures linear)
        var k = lastIndex
        while k >= 0, entries[k].sentence == last.sentence {
            if entries[k].fact.region != last.fact.region { return nil }
            k -= 1
        }
        let between = tokens[last.sentence.upperBound..<sentence.lowerBound]
        return between.count <= 2 ? last.fact.region : nil
    }
}
