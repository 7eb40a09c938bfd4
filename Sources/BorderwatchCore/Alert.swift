/// The kinds of threshold event borderwatch announces (SCHEMA.md "An alert").
public enum AlertKind: String, Codable, CaseIterable, Sendable {
    case dailyRecord = "daily_record"
    case dailyThreshold = "daily_threshold"
    case ytdMilestone = "ytd_milestone"
    case ytdExceedsYear = "ytd_exceeds_year"
}

/// The figure an alert is measured against.
public enum PreviousFigure: Hashable, Sendable {
    /// `daily_record`: the earlier record day.
    case day(value: Int, date: Day)
    /// `ytd_exceeds_year`: last year's whole total.
    case year(year: Int, value: Int)
}

/// One article behind an alert.
public struct AlertSource: Hashable, Sendable, Codable {
    /// The article's file name.
    public var article: String
    public var title: String?
    public var url: String?
    public var evidence: String

    public init(article: String, title: String? = nil, url: String? = nil, evidence: String) {
        self.article = article
        self.title = title
        self.url = url
        self.evidence = evidence
    }
}

/// A threshold event, as stored in the outbox and posted to a `generic` webhook.
public struct AlertEvent: Hashable, Sendable {
    /// Stable id derived from what the event is (kind, region, metric, period, level):
    /// the same event always gets the same id, so it is never posted twice.
    public var id: String
    public var kind: AlertKind
    public var region: String
    public var via: String?
    public var metric: Metric
    /// The figure that triggered the alert.
    public var value: Int
    public var bound: Bound
    /// `daily_*`: the day; `ytd_*`: the as-of day.
    public var date: Day
    public var previous: PreviousFigure?
    /// `daily_threshold`, `ytd_milestone`: the level crossed.
    public var threshold: Int?
    public var sources: [AlertSource]
    /// One human sentence, as it would read in a chat.
    public var text: String
    /// Why it fired: the rule and what the figure beat or crossed, in one sentence.
    public var why: String?
    /// The article that reported the previous record (`previous`), when it is stored.
    public var previousSource: String?
    /// Why the alert is stored but not announced (a plausibility rule's name and explanation);
    /// `nil` for an alert that is posted.
    public var held: String?

    public init(id: String, kind: AlertKind, region: String, via: String? = nil, metric: Metric, value: Int,
                bound: Bound = .exact, date: Day, previous: PreviousFigure? = nil, threshold: Int? = nil,
                sources: [AlertSource], text: String) {
        self.id = id
        self.kind = kind
        self.region = region
        self.via = via
        self.metric = metric
        self.value = value
        self.bound = bound
        self.date = date
        self.previous = previous
        self.threshold = threshold
        self.sources = sources
        self.text = text
    }
}

extension AlertEvent: Codable {
    private enum Keys: String, CodingKey {
        case id, kind, region, via, metric, value, bound, date, previous, threshold, sources, text, held, why
        case previousSource = "previous_source"
    }

    private enum PreviousKeys: String, CodingKey {
        case value, date, year
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(AlertKind.self, forKey: .kind)
        region = try c.decode(String.self, forKey: .region)
        via = try c.decodeIfPresent(String.self, forKey: .via)
        metric = try c.decode(Metric.self, forKey: .metric)
        value = try c.decode(Int.self, forKey: .value)
        bound = try c.decodeIfPresent(Bound.self, forKey: .bound) ?? .exact
        date = try c.decode(Day.self, forKey: .date)
        threshold = try c.decodeIfPresent(Int.self, forKey: .threshold)
        sources = try c.decodeIfPresent([AlertSource].self, forKey: .sources) ?? []
        text = try c.decode(String.self, forKey: .text)
        held = try c.decodeIfPresent(String.self, forKey: .held)
        why = try c.decodeIfPresent(String.self, forKey: .why)
        previousSource = try c.decodeIfPresent(String.self, forKey: .previousSource)
        if c.contains(.previous), try !c.decodeNil(forKey: .previous) {
            let p = try c.nestedContainer(keyedBy: PreviousKeys.self, forKey: .previous)
            let value = try p.decode(Int.self, forKey: .value)
            if let year = try p.decodeIfPresent(Int.self, forKey: .year) {
                previous = .year(year: year, value: value)
            } else {
                previous = .day(value: value, date: try p.decode(Day.self, forKey: .date))
            }
        } else {
            previous = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(region, forKey: .region)
        try c.encodeIfPresent(via, forKey: .via)
        try c.encode(metric, forKey: .metric)
        try c.encode(value, forKey: .value)
        try c.encode(bound, forKey: .bound)
        try c.encode(date, forKey: .date)
        switch previous {
        case .day(let value, let date)?:
            var p = c.nestedContainer(keyedBy: PreviousKeys.self, forKey: .previous)
            try p.encode(value, forKey: .value)
            try p.encode(date, forKey: .date)
        case .year(let year, let value)?:
            var p = c.nestedContainer(keyedBy: PreviousKeys.self, forKey: .previous)
            try p.encode(year, forKey: .year)
            try p.encode(value, forKey: .value)
        case nil:
            break
        }
        try c.encodeIfPresent(threshold, forKey: .threshold)
        try c.encode(sources, forKey: .sources)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(held, forKey: .held)
        try c.encodeIfPresent(why, forKey: .why)
        try c.encodeIfPresent(previousSource, forKey: .previousSource)
    }
}
