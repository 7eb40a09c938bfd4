import BorderwatchCore

/// Checks a day figure against what is stored and what its own article says before it is
/// announced. A figure that fails one is stored and its alert kept, held, with the reason; it
/// is never posted unless the same alert is raised again by a figure that passes.
///
/// Each rule was chosen from replays of the dev sets, where misread figures raised record
/// alerts: a year-to-date total read as a day ("That brings 2023's total to 15,826"), a running
/// total read as a day ("lifting the number of repatriated Afghans to more than 174,350").
/// A check against the stored record ("many times the previous record") was tried and dropped:
/// on the dev set it held true escalations (6 a day, then 150 two weeks later in Lithuania 2021).
public enum HoldRule: String, Sendable, CaseIterable {
    /// The day figure is above a running total of the same series and year dated on or after
    /// that day: no day can count more than the whole year up to it.
    case aboveRunningTotal = "above_running_total"
    /// The article gives another figure for the same series and day that is many times smaller:
    /// the larger is a total, not the day's count.
    case manyTimesSameDay = "many_times_same_day"
    /// The figure equals the article's figure for a month, a year, a year to date or a stretch of
    /// the same series: the same number read twice, once wrongly as a day.
    case equalsLongerPeriod = "equals_longer_period"
    /// The article calls the figure a record and gives the same value for the same series on the
    /// day before: one record, read for two days (the day it was set and the day it was confirmed:
    /// "on Thursday 1,185 crossed, a new record ... only the following day did the Home Office
    /// confirm a record 1,185"; or a 24-hour count that runs across midnight). The earlier day
    /// carries it; the later copy neither ties nor beats it. Without the word record two equal
    /// counts on two days can be two events ("rescuing 51 on Saturday ... 51 more on Sunday").
    case repeatsEarlierDay = "repeats_earlier_day"
    /// The figure was read weakly (its metric or day taken from elsewhere, see `Fact.strength`)
    /// and no second article reports it yet: held until one does.
    case weakUncorroborated = "weak_uncorroborated"
    /// The figure was read weakly and its article reads another value for the same series and
    /// day firmly ("Yesterday 599 attempts were registered" beside "a record 739 such attempts
    /// were registered a month ago", its day guessed): the article contradicts it, and no second
    /// article reports it yet. Held until one does, whether or not the text calls it a record.
    case contradictedSameDay = "contradicted_same_day"

    /// Whether a figure held by this rule still stands in the way of another figure's record.
    /// A figure that fails a plausibility check is taken for a misreading and counts for nothing;
    /// a weakly read one is only unconfirmed: it is still the stored figure of its day.
    public var blocks: Bool { self == .weakUncorroborated || self == .contradictedSameDay }
}

/// Why a figure is held: the rule and the sentence shown in `alerts --held` and the log.
struct Hold: Hashable, Sendable {
    var rule: HoldRule
    var reason: String

    init(_ rule: HoldRule, _ detail: String) {
        self.rule = rule
        reason = "\(rule.rawValue): \(detail)"
    }
}

struct Plausibility {
    let factor: Int
    let weakNeedsCorroboration: Bool
    var weakRecordsNeedCorroboration = false

    /// Why the day figure `fact` should be held, if it should.
    func hold(_ fact: Fact, region: String, day: Day, in article: ExtractedArticle,
              observations: [StoredObservation]) -> Hold? {
        let series = { (other: Fact) in other.region == region && other.metric == fact.metric }
        // above_running_total
        for total in observations where total.region == region && total.metric == fact.metric {
            if case .ytd(let year, let asOf) = total.period, year == day.year, asOf >= day, total.value < fact.value {
                return Hold(.aboveRunningTotal, "\(fact.value) is above the running total \(total.value) of \(year) as of \(asOf.iso)")
            }
        }
        for other in article.facts where series(other) {
            if case .ytd(let year, let asOf) = other.period, year == day.year, asOf >= day, other.value < fact.value {
                return Hold(.aboveRunningTotal,
                            "\(fact.value) is above the article's running total \(other.value) of \(year) as of \(asOf.iso)")
            }
        }
        // equals_longer_period
        if let twin = article.facts.first(where: { other in
            guard series(other), other.value == fact.value else { return false }
            if case .day = other.period { return false }
            return true
        }) {
            return Hold(.equalsLongerPeriod, "the article gives \(fact.value) for \(twin.period.kind.rawValue) too")
        }
        // repeats_earlier_day
        let dayBefore = day.adding(days: -1)
        if let earlier = article.facts.first(where: { series($0) && $0.value == fact.value && $0.period == .day(dayBefore) }),
           fact.record || earlier.record {
            return Hold(.repeatsEarlierDay, "the article calls \(fact.value) a record and gives it for \(dayBefore.iso) too: "
                + "one record, carried by the earlier day")
        }
        // weak_uncorroborated and contradicted_same_day: one article of the observation is this one
        let alone = observations.first(where: { $0.isObservation(of: fact) }).map { $0.agreeing < 2 } ?? true
        if weakNeedsCorroboration, fact.strength == .weak, alone,
           let firm = article.facts.first(where: { series($0) && $0.period == .day(day) && $0.strength == .strong && !$0.admits(fact.value) }) {
            return Hold(.contradictedSameDay, "the figure was read weakly and the article reads \(firm.value) for \(day.iso) firmly; "
                + "no second article reports \(fact.value) yet")
        }
        if weakNeedsCorroboration, fact.strength == .weak, !fact.record || weakRecordsNeedCorroboration, alone {
            return Hold(.weakUncorroborated, "the figure was read weakly (its metric or day comes from elsewhere in the article) "
                + "and no second article reports it yet")
        }
        guard factor > 0 else { return nil }
        // many_times_same_day
        if let smaller = article.facts.first(where: { other in
            series(other) && other.period == .day(day) && other.value > 0 && other.value * factor <= fact.value
        }) {
            return Hold(.manyTimesSameDay, "the article also gives \(smaller.value) for \(day.iso), \(fact.value / smaller.value) times less")
        }
        return nil
    }
}

extension Fact {
    /// Whether the figure's wording allows `value`: "more than 800" allows 872, "about 1,000"
    /// allows 950 to 1,050 (a tenth either way), an exact figure only itself.
    func admits(_ other: Int) -> Bool {
        switch bound {
        case .exact: return other == value
        case .atLeast: return other >= value
        case .atMost: return other <= value
        case .approx: return abs(other - value) * 10 <= value
        }
    }
}
