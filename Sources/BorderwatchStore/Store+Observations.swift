import BorderwatchCore
import BorderwatchRules

/// One value reported for an observation, with how many articles report it.
public struct ReportedValue: Hashable, Sendable {
    public var value: Int
    /// The most trusted bound any article gives it.
    public var bound: Bound
    public var sources: Int
    /// Orders "the latest article": its date, then ingestion order.
    var latestArticle: String

    /// The documented choice of the shown value when outlets disagree: exact over
    /// approximate (exact, at least, at most, approximate), then the value with most
    /// sources, then the one from the latest article, then the higher value.
    static func shown(_ values: [ReportedValue]) -> ReportedValue? {
        values.min { a, b in
            if a.bound.rank != b.bound.rank { return a.bound.rank < b.bound.rank }
            if a.sources != b.sources { return a.sources > b.sources }
            if a.latestArticle != b.latestArticle { return a.latestArticle > b.latestArticle }
            return a.value > b.value
        }
    }
}

extension Store {
    /// Every value reported for an observation, the shown one first; with `passing`, only the facts
    /// that failed no plausibility check count.
    public func reportedValues(observation id: Int64, passing: Bool = false) throws -> [ReportedValue] {
        let values = try database.rows("""
            SELECT value, MIN(bound_rank), COUNT(DISTINCT article_id), MAX(article_key)
            FROM facts WHERE observation_id = ? \(passing ? "AND failed IS NULL" : "") GROUP BY value
            """, [.integer(id)]) {
            ReportedValue(value: $0.int(0), bound: Bound(rank: $0.int(1)), sources: $0.int(2), latestArticle: $0.string(3))
        }
        guard let shown = ReportedValue.shown(values) else { return [] }
        return [shown] + values.filter { $0 != shown }.sorted { $0.sources != $1.sources ? $0.sources > $1.sources : $0.value > $1.value }
    }

    /// Recomputes an observation's shown value and counts from its facts (never incrementally),
    /// deleting it when no fact rests on it any more.
    func recompute(observation id: Int64) throws {
        let values = try reportedValues(observation: id)
        guard let shown = values.first else {
            try database.run("DELETE FROM observations WHERE id = ?", [.integer(id)])
            return
        }
        let sources = values.count == 1 ? shown.sources : Int(try database.scalarInt(
            "SELECT COUNT(DISTINCT article_id) FROM facts WHERE observation_id = ?", [.integer(id)]) ?? 0)
        try database.run("UPDATE observations SET value = ?, bound = ?, sources = ?, distinct_values = ? WHERE id = ?",
                         [.integer(Int64(shown.value)), .text(shown.bound.rawValue), .integer(Int64(sources)),
                          .integer(Int64(values.count)), .integer(id)])
    }

    /// The stored observations a rule asked for. A day figure that failed a plausibility check
    /// counts for nothing here: its observation shows the value of the facts that passed, or is
    /// left out when none did.
    func load(_ request: SeriesRequest) throws -> [StoredObservation] {
        let columns = """
            SELECT region, via, metric, period, anchor, year, value, bound, sources,
                   (SELECT COUNT(DISTINCT f.article_id) FROM facts f WHERE f.observation_id = o.id AND f.value = o.value),
                   id, EXISTS (SELECT 1 FROM facts f WHERE f.observation_id = o.id AND f.failed IS NOT NULL)
            FROM observations o
            """
        switch request {
        case .days(let region, let metric, let year?):
            return try observations("\(columns) WHERE region = ? AND metric = ? AND period = 'day' AND year = ?",
                                    [.text(region), .text(metric.rawValue), .integer(Int64(year))])
        case .days(let region, let metric, nil):
            return try observations("\(columns) WHERE region = ? AND metric = ? AND period = 'day'",
                                    [.text(region), .text(metric.rawValue)])
        case .runningTotals(let region, let metric, let year):
            return try observations("\(columns) WHERE region = ? AND metric = ? AND period = 'ytd' AND year = ?",
                                    [.text(region), .text(metric.rawValue), .integer(Int64(year))])
        case .wholeYear(let region, let metric, let year):
            return try observations("\(columns) WHERE region = ? AND metric = ? AND period = 'year' AND year = ?",
                                    [.text(region), .text(metric.rawValue), .integer(Int64(year))])
        }
    }

    private func observations(_ sql: String, _ values: [SQLValue]) throws -> [StoredObservation] {
        let rows = try database.rows(sql, values) { row -> (observation: StoredObservation, id: Int64, failed: Bool)? in
            guard let metric = Metric(rawValue: row.string(2)),
                  let period = Period(kind: row.string(3), anchor: row.string(4), year: row.optionalInt(5)) else { return nil }
            let via = row.string(1)
            let observation = StoredObservation(region: row.string(0), via: via.isEmpty ? nil : via, metric: metric, period: period,
                                                value: row.int(6), bound: Bound(rawValue: row.string(7)) ?? .exact,
                                                sources: row.int(8), agreeing: row.int(9))
            return (observation, row.int64(10), row.int(11) != 0)
        }.compactMap { $0 }
        return try rows.compactMap { row in
            guard row.failed else { return row.observation }
            let passing = try reportedValues(observation: row.id, passing: true)
            guard let shown = passing.first else { return nil }
            var observation = row.observation
            observation.value = shown.value
            observation.bound = shown.bound
            observation.agreeing = shown.sources
            observation.sources = Int(try database.scalarInt(
                "SELECT COUNT(DISTINCT article_id) FROM facts WHERE observation_id = ? AND failed IS NULL", [.integer(row.id)]) ?? 0)
            return observation
        }
    }
}
