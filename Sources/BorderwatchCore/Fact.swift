/// What a figure counts (SCHEMA.md "Metrics").
public enum Metric: String, Codable, CaseIterable, Sendable, Comparable {
    case arrivals
    case prevented
    case attempts
    case returns
    case deaths
    case asylumClaims = "asylum_claims"

    public static func < (lhs: Metric, rhs: Metric) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How the text qualifies a figure: "about 180" is approximate, "more than 4,000" a lower bound.
public enum Bound: String, Codable, CaseIterable, Sendable {
    case exact
    case approx
    case atLeast = "at_least"
    case atMost = "at_most"
}

/// The stretch of time a figure covers (SCHEMA.md "Dates").
public enum Period: Hashable, Sendable {
    /// One day's count.
    case day(Day)
    /// A running total since 1 January of `year`, as of a day.
    case ytd(year: Int, asOf: Day)
    /// A whole calendar year.
    case year(Int)
    /// A calendar month, finished or not.
    case month(year: Int, month: Int)
    /// Any other stretch; either bound may be unknown.
    case span(start: Day?, end: Day?)

    public var kind: Kind {
        switch self {
        case .day: return .day
        case .ytd: return .ytd
        case .year: return .year
        case .month: return .month
        case .span: return .span
        }
    }

    public enum Kind: String, Codable, CaseIterable, Sendable {
        case day, ytd, year, month, span
    }

    /// The calendar year the period belongs to, when it has one.
    public var year: Int? {
        switch self {
        case .day(let d): return d.year
        case .ytd(let y, _): return y
        case .year(let y): return y
        case .month(let y, _): return y
        case .span(let start, let end): return (end ?? start)?.year
        }
    }

    /// `YYYY-MM` for a month period.
    public static func monthString(year: Int, month: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}

/// How firmly a fact was read: `strong` when a people noun, a counting predicate of its own
/// clause and an explicit time phrase all support it; `weak` when the metric or the day was
/// inherited from another sentence, guessed from a default, or the figure stands alone.
/// Alerts weigh it (a weak figure waits for corroboration); it is an extra `--json` field.
public enum Strength: String, Codable, CaseIterable, Sendable, Comparable {
    case weak
    case strong

    public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs == .weak && rhs == .strong }
}

/// One statistic stated in an article, as SCHEMA.md defines it.
public struct Fact: Hashable, Sendable {
    public var metric: Metric
    /// Number of people, normalised ("3 thousand" is 3000).
    public var value: Int
    public var bound: Bound
    public var period: Period
    /// ISO 3166-1 alpha-2 code of the country whose border or authority counted the people.
    public var region: String?
    /// Alpha-2 code of the country they came from across that border.
    public var via: String?
    /// The text itself calls the figure a record, the highest or the largest so far.
    public var record: Bool
    /// The sentence the fact was read from.
    public var evidence: String
    /// The text names the figure only as an earlier record ("the previous record was 235"),
    /// so it must never raise an alert of its own. Not part of the JSON contract.
    public var isPreviousRecord: Bool
    /// How firmly the figure was read; see `Strength`.
    public var strength: Strength

    public init(metric: Metric, value: Int, bound: Bound = .exact, period: Period, region: String? = nil,
                via: String? = nil, record: Bool = false, evidence: String, isPreviousRecord: Bool = false,
                strength: Strength = .strong) {
        self.metric = metric
        self.value = value
        self.bound = bound
        self.period = period
        self.region = region
        self.via = via
        self.record = record
        self.evidence = evidence
        self.isPreviousRecord = isPreviousRecord
        self.strength = strength
    }
}

extension Fact {
    /// One line of `extract --json`: exactly SCHEMA.md's fields, in its order.
    public func jsonLine(article: String) -> String {
        var bytes: [UInt8] = []
        appendJSONLine(article: article, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `jsonLine(article:)`'s bytes (without a newline) to `bytes`.
    public func appendJSONLine(article: String, to bytes: inout [UInt8]) {
        var json = JSONObjectWriter(appendingTo: &bytes)
        json.add("article", article)
        json.add("metric", metric.rawValue)
        json.add("value", value)
        json.add("bound", bound.rawValue)
        json.add("period", period.kind.rawValue)
        switch period {
        case .day(let d):
            json.add("date", d)
        case .ytd(let y, let asOf):
            json.add("as_of", asOf)
            json.add("year", y)
        case .year(let y):
            json.add("year", y)
        case .month(let y, let m):
            json.add("month", Period.monthString(year: y, month: m))
        case .span(let start, let end):
            if let start { json.add("start", start) }
            if let end { json.add("end", end) }
        }
        if let region { json.add("region", region) }
        if let via { json.add("via", via) }
        json.add("record", record)
        json.add("evidence", evidence)
        json.add("strength", strength.rawValue)
        json.finish(into: &bytes)
    }
}
