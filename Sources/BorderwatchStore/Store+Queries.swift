import BorderwatchCore

/// One day of a daily series: the shown value and everything else reported for it.
public struct SeriesPoint: Hashable, Sendable {
    public var day: Day
    public var via: String?
    public var value: Int
    public var bound: Bound
    public var sources: Int
    /// The other values outlets gave for the same day (empty when they all agree).
    public var conflicts: [ReportedValue]
    /// The articles that report the shown value, oldest first (filled when asked for).
    public var reports: [AlertSource] = []
}

/// `stats`: the headline figures of one region and metric.
public struct SeriesStats: Hashable, Sendable {
    public var region: String
    public var metric: Metric
    /// The year every figure of the row refers to (the last year's total: the year before).
    public var year: Int
    public var latestDay: (day: Day, value: Int)? { latest.map { ($0.day, $0.value) } }
    public var recordDay: (day: Day, value: Int)? { record.map { ($0.day, $0.value) } }
    /// The latest running total of `year`.
    public var yearToDate: (asOf: Day, value: Int)? { ytd.map { ($0.day, $0.value) } }
    /// The whole-year total of `year - 1`.
    public var lastYear: Int?
    /// The whole-year total of `year`, when one is stored.
    public var yearTotal: Int?
    /// Distinct articles behind the figures of the region and metric dated in `year`.
    public var sources: Int

    struct Dated: Hashable, Sendable { var day: Day; var value: Int }
    var latest: Dated?
    var record: Dated?
    var ytd: Dated?
}

/// A stored fact with the article it was read from, for `facts`.
public struct StoredFact: Hashable, Sendable {
    public var fact: Fact
    public var article: String
    public var articleTitle: String?
    public var articleURL: String?
    public var articleDate: Day?
    /// The article had no date of its own: its date is its file's modification time.
    public var datedByFileTime = false
}

extension Store {
    /// The daily series of a region and metric (every via), oldest first, within `from...to` when given;
    /// with `reports`, each day lists the articles that report its shown value.
    public func series(region: String, metric: Metric, from: Day? = nil, to: Day? = nil, reports: Bool = false) throws -> [SeriesPoint] {
        let points = try database.rows("""
            SELECT id, day_ordinal, via, value, bound, sources, distinct_values FROM observations
            WHERE region = ? AND metric = ? AND period = 'day' AND day_ordinal BETWEEN ? AND ?
            ORDER BY day_ordinal, via
            """, [.text(region), .text(metric.rawValue), .integer(Int64(from?.ordinal ?? Int(Int32.min))),
                  .integer(Int64(to?.ordinal ?? Int(Int32.max)))]) { row in
            (id: row.int64(0), point: SeriesPoint(day: Day(ordinal: row.int(1)), via: row.string(2).isEmpty ? nil : row.string(2),
                                                  value: row.int(3), bound: Bound(rawValue: row.string(4)) ?? .exact,
                                                  sources: row.int(5), conflicts: []), disputed: row.int(6) > 1)
        }
        return try points.map { item in
            var point = item.point
            if item.disputed { point.conflicts = Array(try reportedValues(observation: item.id).dropFirst()) }
            if reports {
                point.reports = try self.reports(region: region, via: point.via, metric: metric, period: .day(point.day), value: point.value)
            }
            return point
        }
    }

    /// Headline figures per region and metric, sorted by region then metric.
    public func stats() throws -> [SeriesStats] {
        // one row per region, metric and year: every figure of a row is of that year
        struct Key: Hashable { var region: String; var metric: Metric; var year: Int }
        var days: [Key: [SeriesStats.Dated]] = [:]
        var totals: [Key: [SeriesStats.Dated]] = [:]
        var wholeYears: [Key: Int] = [:]
        try database.forEach("SELECT region, metric, period, anchor, year, value FROM observations WHERE period IN ('day', 'ytd', 'year')") { row in
            guard let metric = Metric(rawValue: row.string(1)),
                  let period = Period(kind: row.string(2), anchor: row.string(3), year: row.optionalInt(4)) else { return }
            let value = row.int(5)
            switch period {
            case .day(let d): days[Key(region: row.string(0), metric: metric, year: d.year), default: []].append(.init(day: d, value: value))
            case .ytd(let y, let asOf): totals[Key(region: row.string(0), metric: metric, year: y), default: []].append(.init(day: asOf, value: value))
            case .year(let y):
                let key = Key(region: row.string(0), metric: metric, year: y)
                wholeYears[key] = max(wholeYears[key] ?? 0, value)
            default: break
            }
        }
        var sourceCount: [Key: Int] = [:]
        try database.forEach("""
            SELECT o.region, o.metric, o.year, COUNT(DISTINCT f.article_id) FROM facts f JOIN observations o ON o.id = f.observation_id
            WHERE o.period IN ('day', 'ytd', 'year') AND o.year IS NOT NULL GROUP BY o.region, o.metric, o.year
            """) { row in
            guard let metric = Metric(rawValue: row.string(1)) else { return }
            sourceCount[Key(region: row.string(0), metric: metric, year: row.int(2)), default: 0] += row.int(3)
        }
        func later(_ a: SeriesStats.Dated, _ b: SeriesStats.Dated) -> Bool { a.day != b.day ? a.day < b.day : a.value < b.value }
        func higher(_ a: SeriesStats.Dated, _ b: SeriesStats.Dated) -> Bool { a.value != b.value ? a.value < b.value : a.day > b.day }
        let keys = Set(days.keys).union(totals.keys).union(wholeYears.keys)
        let result = keys.map { key in
            let lastYear = Key(region: key.region, metric: key.metric, year: key.year - 1)
            return SeriesStats(region: key.region, metric: key.metric, year: key.year, lastYear: wholeYears[lastYear],
                               yearTotal: wholeYears[key], sources: sourceCount[key] ?? 0, latest: days[key]?.max(by: later),
                               record: days[key]?.max(by: higher), ytd: totals[key]?.max(by: later))
        }
        // by region and metric, the latest year first
        return result.sorted { a, b in
            if a.region != b.region { return a.region < b.region }
            if a.metric != b.metric { return a.metric < b.metric }
            return a.year > b.year
        }
    }

    /// The facts of one article (by file name or hash prefix, as for `forget`), in their order.
    public func facts(article reference: String) throws -> [StoredFact] {
        let article = try findArticle(reference)
        return try storedFacts(where: "f.article_id = ?", [.integer(article.id)])
    }

    /// The facts about `region` on `date`: day figures of that day and running totals as of it.
    public func facts(region: String, date: Day) throws -> [StoredFact] {
        try storedFacts(where: "f.region = ? AND (f.date = ? OR f.as_of = ?)", [.text(region), .text(date.iso), .text(date.iso)])
    }

    private func storedFacts(where condition: String, _ values: [SQLValue]) throws -> [StoredFact] {
        try database.rows("""
            SELECT f.metric, f.value, f.bound, f.period, f.date, f.as_of, f.year, f.month, f.start, f.end, f.region, f.via,
                   f.record, f.previous_record, f.evidence, a.file_name, a.title, a.date, f.strength, a.date_source, a.url
            FROM facts f JOIN articles a ON a.id = f.article_id
            WHERE \(condition) ORDER BY a.date, a.id, f.ordinal
            """, values) { row -> StoredFact? in
            guard let metric = Metric(rawValue: row.string(0)), let bound = Bound(rawValue: row.string(2)),
                  let period = Store.period(kind: row.string(3), date: row.optionalString(4), asOf: row.optionalString(5),
                                            year: row.optionalInt(6), month: row.optionalString(7),
                                            start: row.optionalString(8), end: row.optionalString(9)) else { return nil }
            let fact = Fact(metric: metric, value: row.int(1), bound: bound, period: period, region: row.optionalString(10),
                            via: row.optionalString(11), record: row.int(12) != 0, evidence: row.string(14),
                            isPreviousRecord: row.int(13) != 0, strength: Strength(rawValue: row.string(18)) ?? .strong)
            return StoredFact(fact: fact, article: row.string(15), articleTitle: row.optionalString(16), articleURL: row.optionalString(20),
                              articleDate: row.optionalString(17).flatMap { Day(iso: $0) },
                              datedByFileTime: row.optionalString(19) == DateSource.fallback.rawValue)
        }.compactMap { $0 }
    }

    private static func period(kind: String, date: String?, asOf: String?, year: Int?, month: String?,
                               start: String?, end: String?) -> Period? {
        switch Period.Kind(rawValue: kind) {
        case .day?: return date.flatMap { Day(iso: $0) }.map { .day($0) }
        case .ytd?: return asOf.flatMap { Day(iso: $0) }.map { .ytd(year: year ?? $0.year, asOf: $0) }
        case .year?: return year.map { .year($0) }
        case .month?: return month.flatMap { Period(kind: "month", anchor: $0, year: nil) }
        case .span?: return .span(start: start.flatMap { Day(iso: $0) }, end: end.flatMap { Day(iso: $0) })
        case nil: return nil
        }
    }
}
