import BorderwatchCore

/// The threshold rules: an article's facts and the stored observations -> the alerts they raise.
///
/// Pure: the caller stores the article's facts first, asks `requests(for:)` which
/// observations to load, and passes them with today's date (the clock is injected).
/// Alerts carry stable ids, so evaluating the same figure again yields the same id and the
/// outbox (`INSERT OR IGNORE` by id) turns it into nothing new.
public struct AlertRules: Sendable {
    public var configuration: RulesConfiguration

    public init(configuration: RulesConfiguration) {
        self.configuration = configuration
    }

    /// The stored observations `evaluate` needs for `article`.
    public func requests(for article: ExtractedArticle) -> Set<SeriesRequest> {
        var requests = Set<SeriesRequest>()
        for fact in article.facts {
            guard let region = fact.region else { continue }
            switch fact.period {
            case .day(let day):
                let year = configuration.dailyRecord.scope == .year ? day.year : nil
                requests.insert(.days(region: region, metric: fact.metric, year: year))
                // above_running_total weighs the day against the stored running totals of its year
                requests.insert(.runningTotals(region: region, metric: fact.metric, year: day.year))
            case .ytd(let year, _):
                requests.insert(.runningTotals(region: region, metric: fact.metric, year: year))
                requests.insert(.wholeYear(region: region, metric: fact.metric, year: year - 1))
            case .year, .month, .span:
                break
            }
        }
        return requests
    }

    /// Every alert the article's facts raise, at most one per id, in the order of the facts.
    /// - Parameters:
    ///   - observations: the answers to `requests(for:)`, including the article's own facts.
    ///   - today: the day the article is judged on, for an article without a date of its own.
    public func evaluate(_ article: ExtractedArticle, observations: [StoredObservation], today: Day) -> [AlertEvent] {
        let datedByFileTime = article.metadata.dateSource == .fallback
        if datedByFileTime && !configuration.alertsFromFileTime { return [] }
        let articleDate = article.metadata.date ?? today
        var events: [AlertEvent] = []
        var position: [String: Int] = [:]
        // the article's day figures that fail a check: held themselves, and (unless only unconfirmed)
        // no obstacle to another's record
        let holds = self.holds(article, observations: observations)
        let trusted = Self.trusted(observations, article: article, holds: holds)
        for (index, fact) in article.facts.enumerated() {
            guard let region = fact.region, !fact.isPreviousRecord else { continue }
            let candidates: [AlertEvent?]
            var held: String?
            switch fact.period {
            case .day(let day):
                guard isNews(day, articleDate) else { continue }
                candidates = [dailyRecord(fact, region: region, day: day, trusted),
                              dailyThreshold(fact, region: region, day: day, observations)]
                held = holds[index]?.reason
            case .ytd(let year, let asOf):
                guard isNews(asOf, articleDate) else { continue }
                candidates = [ytdMilestone(fact, region: region, year: year, asOf: asOf, observations),
                              ytdExceedsYear(fact, region: region, year: year, asOf: asOf, observations)]
            case .year, .month, .span:
                continue
            }
            for case var event? in candidates {
                event.sources = [AlertSource(article: article.metadata.fileName, title: article.metadata.title,
                                             url: article.metadata.url, evidence: fact.evidence)]
                event.held = held
                if datedByFileTime { event.text += " (dated by the file's time)" }
                // one alert per id: the first figure that passes the checks, else the first held one
                if let index = position[event.id] {
                    if events[index].held != nil && held == nil { events[index] = event }
                    continue
                }
                position[event.id] = events.count
                events.append(event)
            }
        }
        return events
    }

    /// The checks of each day figure of the article, by the figure's index: why it is held, if it is.
    func holds(_ article: ExtractedArticle, observations: [StoredObservation]) -> [Int: Hold] {
        let plausibility = Plausibility(factor: configuration.holdJumpFactor,
                                        weakNeedsCorroboration: configuration.weakNeedsCorroboration,
                                        weakRecordsNeedCorroboration: configuration.weakRecordsNeedCorroboration)
        var holds: [Int: Hold] = [:]
        for (index, fact) in article.facts.enumerated() {
            guard let region = fact.region, case .day(let day) = fact.period else { continue }
            holds[index] = plausibility.hold(fact, region: region, day: day, in: article, observations: observations)
        }
        return holds
    }

    /// The day figures of the article that fail a plausibility check (not those only unconfirmed),
    /// by index, with the reason: the store keeps them so that they stand in the way of no later
    /// article's record either.
    public func failedChecks(_ article: ExtractedArticle, observations: [StoredObservation]) -> [Int: String] {
        holds(article, observations: observations).filter { !$0.value.rule.blocks }.mapValues(\.reason)
    }

    /// The observations as the daily record sees them once the article's checks are done. A day
    /// whose shown value is a figure that failed a check (one whose rule does not block) is shown,
    /// for this article, by the highest other value the article gives for it that did not fail,
    /// or left out when there is none (a running total misread as a day leaves its day out).
    static func trusted(_ observations: [StoredObservation], article: ExtractedArticle, holds: [Int: Hold]) -> [StoredObservation] {
        let failed = Set(holds.filter { !$0.value.rule.blocks }.keys)
        return observations.compactMap { observation in
            let facts = article.facts.indices.filter { observation.isObservation(of: article.facts[$0]) }
            guard facts.contains(where: { failed.contains($0) && article.facts[$0].value == observation.value }) else { return observation }
            guard let value = facts.filter({ !failed.contains($0) }).map({ article.facts[$0].value }).max() else { return nil }
            var shown = observation
            shown.value = value
            return shown
        }
    }

    /// A figure is news when its day is at most `newsWindowDays` before the article's date.
    private func isNews(_ day: Day, _ articleDate: Day) -> Bool {
        day.days(until: articleDate) <= configuration.newsWindowDays
    }

    /// The fact's value is the one shown for its observation (a contested, outvoted value raises nothing).
    private func isShown(_ fact: Fact, _ observations: [StoredObservation]) -> Bool {
        observations.first { $0.isObservation(of: fact) }.map { $0.value == fact.value } ?? true
    }

    /// Whether the text asserts the figure reached its value ("about" and "up to" do not).
    private func assertsLevel(_ fact: Fact) -> Bool {
        fact.bound == .exact || fact.bound == .atLeast
    }

    // MARK: daily_record

    /// SCHEMA.md reading R: strictly higher than every other stored day figure of the same region,
    /// metric and year (or all time), whatever their dates, and either another day is stored or
    /// the article calls it a record. Other observations of the same day (another via) count as
    /// other figures, so a tie with them is not a record either.
    func dailyRecord(_ fact: Fact, region: String, day: Day, _ observations: [StoredObservation]) -> AlertEvent? {
        guard configuration.dailyRecord.enabled, isShown(fact, observations) else { return nil }
        let scopeYear = configuration.dailyRecord.scope == .year ? day.year : nil
        let others = observations.filter {
            guard let d = $0.day, $0.region == region, $0.metric == fact.metric, !$0.isObservation(of: fact) else { return false }
            return scopeYear == nil || d.year == scopeYear
        }
        guard others.allSatisfy({ $0.value < fact.value }) else { return nil }
        guard fact.record || others.contains(where: { $0.day != day }) else { return nil }
        // The earlier record: the highest figure of an earlier day, on the first day it was reached
        // (a lower figure of a later day is beaten too, but was never the record before this one).
        let best = others.filter { $0.day! < day }.max { a, b in a.value != b.value ? a.value < b.value : a.day! > b.day! }
        let previous = best.map { PreviousFigure.day(value: $0.value, date: $0.day!) }
        var event = AlertEvent(id: "daily_record:\(region):\(fact.metric.rawValue):\(day.iso)", kind: .dailyRecord,
                               region: region, via: fact.via, metric: fact.metric, value: fact.value, bound: fact.bound,
                               date: day, previous: previous, sources: [],
                               text: AlertText.dailyRecord(fact, region: region, day: day, previous: best))
        let scope = scopeYear.map { "in \($0)" } ?? "ever"
        let days = Set(others.compactMap(\.day)).count
        event.why = "daily_record: higher than every other stored day of \(region) \(fact.metric.rawValue) \(scope) "
            + (days == 0 ? "(the first stored day, called a record by the text)" : "(\(days) other day\(days == 1 ? "" : "s"))")
        return event
    }

    // MARK: daily_threshold

    /// The highest configured level (region or `*`, metric) that the day figure reaches.
    func dailyThreshold(_ fact: Fact, region: String, day: Day, _ observations: [StoredObservation]) -> AlertEvent? {
        guard assertsLevel(fact), isShown(fact, observations) else { return nil }
        let level = configuration.dailyThresholds
            .filter { ($0.region == "*" || $0.region == region) && $0.metric == fact.metric && $0.level > 0 && fact.value >= $0.level }
            .map(\.level).max()
        guard let level else { return nil }
        var event = AlertEvent(id: "daily_threshold:\(region):\(fact.metric.rawValue):\(day.iso):\(level)", kind: .dailyThreshold,
                               region: region, via: fact.via, metric: fact.metric, value: fact.value, bound: fact.bound,
                               date: day, threshold: level, sources: [],
                               text: AlertText.dailyThreshold(fact, region: region, day: day, level: level))
        event.why = "daily_threshold: the day's figure reaches the configured level \(level)"
        return event
    }

    // MARK: ytd_milestone

    /// The highest multiple of `ytdMilestoneStep` the running total reaches, when no other stored
    /// running total of the same series (region, via, metric, year) had reached it already.
    func ytdMilestone(_ fact: Fact, region: String, year: Int, asOf: Day, _ observations: [StoredObservation]) -> AlertEvent? {
        let step = configuration.ytdMilestoneStep
        guard step > 0, assertsLevel(fact), isShown(fact, observations) else { return nil }
        let level = fact.value / step * step
        guard level > 0 else { return nil }
        let others = runningTotals(like: fact, region: region, year: year, observations)
        guard others.allSatisfy({ $0.value < level }) else { return nil }
        var event = AlertEvent(id: "ytd_milestone:\(region):\(fact.via ?? "-"):\(fact.metric.rawValue):\(year):\(level)",
                               kind: .ytdMilestone, region: region, via: fact.via, metric: fact.metric, value: fact.value,
                               bound: fact.bound, date: asOf, threshold: level, sources: [],
                               text: AlertText.ytdMilestone(fact, region: region, year: year, asOf: asOf, level: level))
        event.why = "ytd_milestone: the running total of \(year) passes \(level) (a multiple of ytd_milestone_step \(step)), "
            + "which no stored running total of the series had reached"
        return event
    }

    // MARK: ytd_exceeds_year

    /// The running total passes last year's whole total (same via preferred, else none given),
    /// and no other stored running total of the series had passed it already.
    func ytdExceedsYear(_ fact: Fact, region: String, year: Int, asOf: Day, _ observations: [StoredObservation]) -> AlertEvent? {
        guard configuration.ytdExceedsYear, assertsLevel(fact), isShown(fact, observations) else { return nil }
        let lastYear = observations.filter { $0.region == region && $0.metric == fact.metric && $0.period == .year(year - 1) }
        guard let total = (lastYear.first { $0.via == fact.via } ?? lastYear.first { $0.via == nil })?.value,
              total > 0, fact.value > total else { return nil }
        let others = runningTotals(like: fact, region: region, year: year, observations)
        guard others.allSatisfy({ $0.value <= total }) else { return nil }
        var event = AlertEvent(id: "ytd_exceeds_year:\(region):\(fact.via ?? "-"):\(fact.metric.rawValue):\(year)",
                               kind: .ytdExceedsYear, region: region, via: fact.via, metric: fact.metric, value: fact.value,
                               bound: fact.bound, date: asOf, previous: .year(year: year - 1, value: total), sources: [],
                               text: AlertText.ytdExceedsYear(fact, region: region, year: year, asOf: asOf, lastYear: total))
        event.why = "ytd_exceeds_year: the running total of \(year) passes the whole of \(year - 1) (\(total))"
        return event
    }

    /// The other running totals of the fact's series: same region, via, metric and year.
    private func runningTotals(like fact: Fact, region: String, year: Int, _ observations: [StoredObservation]) -> [StoredObservation] {
        observations.filter {
            guard case .ytd(let y, _) = $0.period else { return false }
            return y == year && $0.region == region && $0.via == fact.via && $0.metric == fact.metric && !$0.isObservation(of: fact)
        }
    }
}
