import BorderwatchCore

/// One stored figure as the rules see it: the key (region, via, metric, period) and the
/// value shown for it once every outlet's report is taken into account.
public struct StoredObservation: Hashable, Sendable {
    public var region: String
    public var via: String?
    public var metric: Metric
    public var period: Period
    /// The shown value (exact over approximate, then most sources, then the latest article).
    public var value: Int
    public var bound: Bound
    /// Distinct articles behind the observation, whatever value they give.
    public var sources: Int
    /// Distinct articles that give the shown value: those that corroborate it.
    public var agreeing: Int

    public init(region: String, via: String? = nil, metric: Metric, period: Period, value: Int,
                bound: Bound = .exact, sources: Int = 1, agreeing: Int? = nil) {
        self.region = region
        self.via = via
        self.metric = metric
        self.period = period
        self.value = value
        self.bound = bound
        self.sources = sources
        self.agreeing = agreeing ?? sources
    }

    /// Whether this observation is the one `fact` belongs to.
    func isObservation(of fact: Fact) -> Bool {
        region == fact.region && via == fact.via && metric == fact.metric && period == fact.period
    }

    var day: Day? {
        if case .day(let d) = period { return d }
        return nil
    }
}

/// A slice of the stored observations the rules need to judge an article's facts.
/// The store answers each with every matching observation.
public enum SeriesRequest: Hashable, Sendable {
    /// Every `day` observation of the region and metric, in `year` (any year when `nil`), any via.
    case days(region: String, metric: Metric, year: Int?)
    /// Every `ytd` observation of the region and metric for `year`, any via.
    case runningTotals(region: String, metric: Metric, year: Int)
    /// Every whole-`year` observation of the region and metric for `year`, any via.
    case wholeYear(region: String, metric: Metric, year: Int)
}
