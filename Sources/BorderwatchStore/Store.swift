import BorderwatchCore
import BorderwatchRules
import Crypto
import Foundation

/// What storing one article did.
public enum IngestOutcome: Hashable, Sendable {
    /// The article was new: its facts, the observations they created, the NEW alerts they raised
    /// (posted) and those held by a plausibility rule (stored with their reason, not posted).
    case stored(articleID: Int64, facts: Int, newObservations: Int, alerts: [AlertEvent], held: [AlertEvent])
    /// The same bytes were stored before (matched by SHA-256): nothing was written or raised.
    case duplicate(articleID: Int64)
}

/// borderwatch's database: articles, facts, observations and the alert outbox.
///
/// One owner per `Store`, like its `Database`: it is `@unchecked Sendable` so that the owner can
/// hand it to another thread or actor, never so that two threads use it at once. Other
/// processes (the query commands, a second daemon) open their own `Store` on the same file;
/// SQLite's WAL locking keeps them consistent and `busy_timeout` makes a writer wait.
public final class Store: @unchecked Sendable {
    /// The connection, for the outbox queries and ad-hoc reads.
    public let database: Database

    /// Opens the file at `path` (its folder must exist), in WAL mode, migrating it to the current schema.
    public init(path: String, options: Database.Options = Database.Options()) throws {
        database = try Database(path: path, options: options)
        if !options.readOnly { try Schema.migrate(database) }
    }

    /// `PRAGMA quick_check` bounded to `limit` problems: an empty list when the file is sound. A
    /// file too damaged to run the check gives its error as the one problem.
    public func quickCheck(limit: Int = 20) -> [String] {
        do {
            let rows = try database.rows("PRAGMA quick_check(\(max(1, limit)))") { $0.string(0) }
            return rows == ["ok"] ? [] : rows
        } catch {
            return ["\(error)"]
        }
    }

    /// Opens an existing database for the query commands: a missing file is an error, not a new empty database.
    public static func existing(path: String) throws -> Store {
        var options = Database.Options()
        options.create = false
        return try Store(path: path, options: options)
    }

    /// The schema version this borderwatch writes.
    public static var schemaVersion: Int { Schema.version }

    /// Stores one article's facts, its content hash and the alerts they raise in one transaction.
    ///
    /// The same bytes seen before return `.duplicate` after one indexed lookup, raising nothing.
    /// With `raiseAlerts` false (backfill) facts are stored and nothing goes to the outbox.
    /// Each new alert gets one pending `deliveries` row per name in `destinations`.
    public func ingest(_ article: ExtractedArticle, content: [UInt8], raiseAlerts: Bool,
                       rules: RulesConfiguration, destinations: [String], now: Date) throws -> IngestOutcome {
        try database.transaction {
            var stale = Set<Int64>()
            let outcome = try store(article, content: content, raiseAlerts: raiseAlerts, rules: AlertRules(configuration: rules),
                                    destinations: destinations, now: now, stale: &stale)
            for id in stale { try recompute(observation: id) }
            return outcome
        }
    }

    /// Stores many articles in one transaction (one fsync), each article in its own savepoint:
    /// an article that fails is rolled back alone and reported as a failure, the others commit.
    /// The results are in the order of `articles`. Without alerts, the observations the batch
    /// touched are recomputed once at its end rather than after every article: nothing reads
    /// them in between, and they are exact again before the commit.
    public func ingest(batch articles: [(article: ExtractedArticle, content: [UInt8])], raiseAlerts: Bool,
                       rules: RulesConfiguration, destinations: [String], now: Date) throws -> [Result<IngestOutcome, Error>] {
        let alertRules = AlertRules(configuration: rules)
        return try database.transaction {
            var stale = Set<Int64>()
            let results = articles.map { item in
                Result {
                    try database.savepoint {
                        try store(item.article, content: item.content, raiseAlerts: raiseAlerts, rules: alertRules,
                                  destinations: destinations, now: now, stale: &stale)
                    }
                }
            }
            for id in stale { try recompute(observation: id) }
            return results
        }
    }

    /// Hex SHA-256 of an article's bytes: its identity in the store.
    public static func contentHash(_ content: [UInt8]) -> String {
        SHA256.hash(data: content).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    // MARK: Ingest, inside a transaction

    /// Stores one article. Observations it touches are recomputed before the rules read them;
    /// without alerts they are only added to `stale`, for the caller to recompute before committing.
    private func store(_ article: ExtractedArticle, content: [UInt8], raiseAlerts: Bool, rules: AlertRules,
                       destinations: [String], now: Date, stale: inout Set<Int64>) throws -> IngestOutcome {
        let hash = Store.contentHash(content)
        if let existing = try database.scalarInt("SELECT id FROM articles WHERE sha256 = ?", [.text(hash)]) {
            return .duplicate(articleID: existing)
        }
        let meta = article.metadata
        try database.run("""
            INSERT INTO articles (sha256, file_name, title, url, date, date_source, language, format, size, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(hash), .text(meta.fileName), SQLValue(meta.title), SQLValue(meta.url), SQLValue(meta.date?.iso),
                  .text(meta.dateSource.rawValue), .text(meta.language), .text(meta.format.rawValue),
                  .integer(Int64(content.count)), .real(now.timeIntervalSince1970)])
        let articleID = database.lastInsertRowID
        let articleKey = Store.articleKey(date: meta.date, id: articleID)

        var touched: [Int64] = []
        var created = 0
        for (ordinal, fact) in article.facts.enumerated() {
            var observationID: Int64?
            if let region = fact.region {
                let (id, isNew) = try observation(region: region, fact: fact)
                observationID = id
                if isNew { created += 1 }
                if !touched.contains(id) { touched.append(id) }
            }
            try insert(fact, ordinal: ordinal, articleID: articleID, observationID: observationID, articleKey: articleKey)
        }
        var raised: [AlertEvent] = []
        var held: [AlertEvent] = []
        if !raiseAlerts {
            stale.formUnion(touched)
        } else {
            for id in touched { try recompute(observation: id) }
            let observations = try rules.requests(for: article).flatMap { try load($0) }
            for (ordinal, reason) in rules.failedChecks(article, observations: observations) {
                try database.run("UPDATE facts SET failed = ? WHERE article_id = ? AND ordinal = ?",
                                 [.text(reason), .integer(articleID), .integer(Int64(ordinal))])
            }
            let today = Store.day(of: now)
            for var event in rules.evaluate(article, observations: observations, today: today) {
                // every article that reports the figure, not only the one that raised it
                let all = try sources(of: event)
                if all.count > event.sources.count { event.sources = all }
                if case .day(let value, let date)? = event.previous { event.previousSource = try firstReport(of: event, value: value, on: date) }
                switch try enqueue(event, articleID: articleID, destinations: destinations, now: now) {
                case .raised: raised.append(event)
                case .held: held.append(event)
                case .known: break
                }
            }
            try refreshSources(reportedBy: article)
        }
        return .stored(articleID: articleID, facts: article.facts.count, newObservations: created, alerts: raised, held: held)
    }

    /// "Latest article" order: the article's date, then the order of ingestion.
    static func articleKey(date: Day?, id: Int64) -> String {
        let number = String(id)
        return (date?.iso ?? "0000-00-00") + String(repeating: "0", count: max(0, 12 - number.count)) + number
    }

    /// The UTC day of `date`.
    static func day(of date: Date) -> Day {
        Day(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    private func observation(region: String, fact: Fact) throws -> (id: Int64, isNew: Bool) {
        let key: [SQLValue] = [.text(region), .text(fact.metric.rawValue), .text(fact.period.kind.rawValue),
                               .text(fact.period.anchor), .text(fact.via ?? "")]
        if let id = try database.scalarInt(
            "SELECT id FROM observations WHERE region = ? AND metric = ? AND period = ? AND anchor = ? AND via = ?", key) {
            return (id, false)
        }
        try database.run("""
            INSERT INTO observations (region, metric, period, anchor, via, year, day_ordinal, value, bound, sources, distinct_values)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)
            """, key + [SQLValue(fact.period.year), SQLValue(fact.period.dayOrdinal), .integer(Int64(fact.value)),
                        .text(fact.bound.rawValue)])
        return (database.lastInsertRowID, true)
    }

    private func insert(_ fact: Fact, ordinal: Int, articleID: Int64, observationID: Int64?, articleKey: String) throws {
        var date: String?, asOf: String?, year: Int?, month: String?, start: String?, end: String?
        switch fact.period {
        case .day(let d): date = d.iso
        case .ytd(let y, let a): asOf = a.iso; year = y
        case .year(let y): year = y
        case .month(let y, let m): month = Period.monthString(year: y, month: m)
        case .span(let s, let e): start = s?.iso; end = e?.iso
        }
        try database.run("""
            INSERT INTO facts (article_id, observation_id, ordinal, metric, value, bound, bound_rank, period, date, as_of,
                               year, month, start, end, region, via, record, previous_record, evidence, article_key, strength)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.integer(articleID), SQLValue(observationID), .integer(Int64(ordinal)), .text(fact.metric.rawValue),
                  .integer(Int64(fact.value)), .text(fact.bound.rawValue), .integer(Int64(fact.bound.rank)),
                  .text(fact.period.kind.rawValue), SQLValue(date), SQLValue(asOf), SQLValue(year), SQLValue(month),
                  SQLValue(start), SQLValue(end), SQLValue(fact.region), SQLValue(fact.via), SQLValue(fact.record),
                  SQLValue(fact.isPreviousRecord), .text(fact.evidence), .text(articleKey), .text(fact.strength.rawValue)])
    }

    /// Brings up to date the sources of every outbox alert that reports one of the article's figures
    /// and has not been sent yet (no delivery attempted) or is held: an alert lists every article
    /// that reports its figure at the time it is sent. A delivery attempted once keeps its payload,
    /// so every destination and every retry of an alert gets the same body.
    private func refreshSources(reportedBy article: ExtractedArticle) throws {
        var patterns = Set<String>()
        for fact in article.facts {
            guard let region = fact.region else { continue }
            switch fact.period {
            case .day(let d): patterns.insert("daily_%:\(region):\(fact.metric.rawValue):\(d.iso)%")
            case .ytd(let year, _): patterns.insert("ytd_%:\(region):\(fact.via ?? "-"):\(fact.metric.rawValue):\(year)%")
            case .year, .month, .span: continue
            }
        }
        for pattern in patterns.sorted() {
            let unsent = try database.rows("""
                SELECT seq, payload FROM alerts a WHERE id LIKE ? AND NOT EXISTS (
                    SELECT 1 FROM deliveries d WHERE d.alert_seq = a.seq AND (d.state != 'pending' OR d.attempts > 0))
                """, [.text(pattern)]) { (seq: $0.int64(0), payload: $0.string(1)) }
            for alert in unsent {
                guard var event = try? JSONDecoder().decode(AlertEvent.self, from: Data(alert.payload.utf8)) else { continue }
                let all = try sources(of: event)
                guard !all.isEmpty, all != event.sources else { continue }
                event.sources = all
                try database.run("UPDATE alerts SET payload = ? WHERE seq = ?",
                                 [.text(String(decoding: try JSONEncoder().encode(event), as: UTF8.self)), .integer(alert.seq)])
            }
        }
    }

    /// The articles whose facts report the alert's figure (same observation and value), oldest
    /// first, one per article.
    func sources(of event: AlertEvent) throws -> [AlertSource] {
        let period: Period
        switch event.kind {
        case .dailyRecord, .dailyThreshold: period = .day(event.date)
        case .ytdMilestone, .ytdExceedsYear: period = .ytd(year: event.date.year, asOf: event.date)
        }
        return try reports(region: event.region, via: event.via, metric: event.metric, period: period, value: event.value)
    }

    /// The articles that report `value` for one observation, oldest first, one per article (its
    /// first sentence that does), with title and link: the sources an alert, `facts` and `series`
    /// show alike.
    public func reports(region: String, via: String?, metric: Metric, period: Period, value: Int) throws -> [AlertSource] {
        var seen = Set<String>()
        return try database.rows("""
            SELECT a.file_name, a.title, a.url, f.evidence FROM facts f
            JOIN observations o ON o.id = f.observation_id JOIN articles a ON a.id = f.article_id
            WHERE o.region = ? AND o.metric = ? AND o.period = ? AND o.anchor = ? AND o.via = ? AND f.value = ?
            ORDER BY a.date, a.id, f.ordinal
            """, [.text(region), .text(metric.rawValue), .text(period.kind.rawValue), .text(period.anchor),
                  .text(via ?? ""), .integer(Int64(value))]) { row in
            AlertSource(article: row.string(0), title: row.optionalString(1), url: row.optionalString(2), evidence: row.string(3))
        }.filter { seen.insert($0.article).inserted }
    }

    /// The first stored article that reported `value` for the alert's series on `date` (the
    /// previous record's source).
    func firstReport(of event: AlertEvent, value: Int, on date: Day) throws -> String? {
        try database.first("""
            SELECT a.file_name FROM facts f JOIN observations o ON o.id = f.observation_id JOIN articles a ON a.id = f.article_id
            WHERE o.region = ? AND o.metric = ? AND o.period = 'day' AND o.anchor = ? AND f.value = ?
            ORDER BY a.date, a.id LIMIT 1
            """, [.text(event.region), .text(event.metric.rawValue), .text(date.iso), .integer(Int64(value))]) { $0.string(0) }
    }

    private enum Enqueued { case raised, held, known }

    /// Puts `event` in the outbox: a new alert gets a pending delivery per destination; a held one
    /// is stored with its reason and no delivery; an alert stored held before and now raised by a
    /// figure that passes is released (its payload replaced, its deliveries created). An alert
    /// already raised is left as it is: nothing is ever sent twice.
    private func enqueue(_ event: AlertEvent, articleID: Int64, destinations: [String], now: Date) throws -> Enqueued {
        let payload = String(decoding: try JSONEncoder().encode(event), as: UTF8.self)
        let time = now.timeIntervalSince1970
        try database.run("INSERT OR IGNORE INTO alerts (id, kind, payload, article_id, created_at, held) VALUES (?, ?, ?, ?, ?, ?)",
                         [.text(event.id), .text(event.kind.rawValue), .text(payload), .integer(articleID), .real(time),
                          SQLValue(event.held)])
        var seq = database.lastInsertRowID
        if database.changes == 1 {
            if event.held != nil { return .held }
        } else {
            // stored before: released only when it was held and this figure passes
            guard event.held == nil,
                  let earlier = try database.scalarInt("SELECT seq FROM alerts WHERE id = ? AND held IS NOT NULL", [.text(event.id)])
            else { return .known }
            seq = earlier
            try database.run("UPDATE alerts SET payload = ?, held = NULL, article_id = ? WHERE seq = ?",
                             [.text(payload), .integer(articleID), .integer(seq)])
        }
        for destination in destinations {
            try database.run("""
                INSERT OR IGNORE INTO deliveries (alert_seq, destination, state, attempts, next_attempt_at, updated_at)
                VALUES (?, ?, 'pending', 0, ?, ?)
                """, [.integer(seq), .text(destination), .real(time), .real(time)])
        }
        return .raised
    }
}
