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
    /// The figure was read weakly (its metric or day taken from elsewhere, see `Fact.strength`)
    /// and no second article reports it yet: held until one does.
    case weakUncorroborated = "weak_uncorroborated"
}

struct Plausibility {
    let factor: Int
    let weakNeedsCorroboration: Bool

    /// Why the day figure `fact` should be held, if it should.
    func hold(_ fact: Fact, region: String, day: Day, in article: ExtractedArticle,
              observations: [StoredObservation]) -> String? {
        let series = { (other: Fact) in other.region == region && other.metric == fact.metric }
        // above_running_total
        for total in observations where total.region == region && total.metric == fact.metric {
            if case .ytd(let year, let asOf) = total.period, year == day.year, asOf >= day, total.value < fact.value {
                return "\(HoldRule.aboveRunningTotal.rawValue): \(fact.value) is above the running total "
                    + "\(total.value) of \(year) as of \(asOf.iso)"
            }
        }
        for other in article.facts where series(other) {
            if case .ytd(let year, let asOf) = other.period, year == day.year, asOf >= day, other.value < fact.value {
                return "\(HoldRule.aboveRunningTotal.rawValue): \(fact.value) is above the article's running total "
                    + "\(other.value) of \(year) as of \(asOf.iso)"
            }
        }
        // equals_longer_period
        if let twin = article.facts.first(where: { other in
            guard series(other), other.value == fact.value else { return false }
            if case .day = other.period { return false }
            return true
        }) {
            return "\(HoldRule.equalsLongerPeriod.rawValue): the article gives \(fact.value) for \(twin.period.kind.rawValue) too"
        }
        // weak_uncorroborated: one article of the observation is this one
        if weakNeedsCorroboration, fact.strength == .weak,
           let observation = observations.first(where: { $0.isObservation(of: fact) }), observation.sources < 2 {
            return "\(HoldRule.weakUncorroborated.rawValue): the figure was read weakly (its metric or day comes from "
                + "elsewhere in the article) and no second article reports it yet"
        }
        guard factor > 0 else { return nil }
        // many_times_same_day
        if let smaller = article.facts.first(where: { other in
            series(other) && other.period == .day(day) && other.value > 0 && other.value * factor <= fact.value
        }) {
            return "\(HoldRule.manyTimesSameDay.rawValue): the article also gives \(smaller.value) for \(day.iso), "
                + "\(fact.value / smaller.value) times less"
        }
        return nil
    }
}
