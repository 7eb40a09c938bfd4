import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Foundation

/// A day from `YYYY-MM-DD`, for readable tables.
func day(_ iso: String) -> Day { Day(iso: iso)! }

/// An LT arrivals-from-Belarus day figure.
func dayFact(_ value: Int, _ iso: String, region: String = "LT", metric: Metric = .arrivals, bound: Bound = .exact,
             record: Bool = false) -> Fact {
    Fact(metric: metric, value: value, bound: bound, period: .day(day(iso)), region: region, via: "BY", record: record,
         evidence: "\(value) people were detained on \(iso).")
}

func article(_ name: String, date: String, _ facts: [Fact]) -> ExtractedArticle {
    ExtractedArticle(metadata: ArticleMetadata(fileName: name, title: "Title of \(name)", url: "https://example.org/\(name)",
                                               date: day(date), dateSource: .header),
                     facts: facts)
}

/// A fresh store in a temporary directory; `body` gets the store and the file path.
func withStore<T>(_ body: (Store, String) throws -> T) throws -> T {
    let directory = try TemporaryDirectory(prefix: "bw-store")
    defer { directory.remove() }
    let path = directory.path + "/test.sqlite"
    return try body(try Store(path: path), path)
}

extension Store {
    /// Ingests with alerts on, the default rules and one destination, at a fixed time.
    @discardableResult
    func add(_ article: ExtractedArticle, content: String? = nil, raiseAlerts: Bool = true) throws -> IngestOutcome {
        try ingest(article, content: Array((content ?? article.metadata.fileName).utf8), raiseAlerts: raiseAlerts,
                   rules: RulesConfiguration(), destinations: ["ops"], now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    func count(_ table: String) throws -> Int {
        Int(try database.scalarInt("SELECT COUNT(*) FROM \(table)") ?? -1)
    }

    /// The shown value and source count of LT arrivals on a day.
    func shown(_ iso: String, metric: Metric = .arrivals) throws -> (value: Int, sources: Int, values: Int)? {
        try database.first("""
            SELECT value, sources, distinct_values FROM observations
            WHERE region = 'LT' AND metric = ? AND period = 'day' AND anchor = ?
            """, [.text(metric.rawValue), .text(iso)]) { ($0.int(0), $0.int(1), $0.int(2)) }
    }
}

extension IngestOutcome {
    var alerts: [AlertEvent] {
        if case .stored(_, _, _, let alerts, _) = self { return alerts }
        return []
    }

    var held: [AlertEvent] {
        if case .stored(_, _, _, _, let held) = self { return held }
        return []
    }

    var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}
