import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

/// Held alerts in a real SQLite outbox: stored with their reason and no delivery, listed by
/// `Outbox.list(.held)`, released (deliveries created once) when a later figure raises the same
/// alert and passes, never sent twice.
@Suite struct HeldAlertTests {
    /// A running total read as a day: above the article's own running total of that day.
    static let misread = article("a.txt", date: "2021-08-03", [
        dayFact(9_000, "2021-08-03", record: true),
        Fact(metric: .arrivals, value: 4_000, period: .ytd(year: 2021, asOf: day("2021-08-03")), region: "LT", via: "BY",
             evidence: "So far this year 4,000 people have crossed."),
    ])

    @Test func aHeldAlertIsStoredWithItsReasonAndNoDelivery() throws {
        try withStore { store, _ in
            let outcome = try store.add(Self.misread)
            #expect(outcome.alerts.allSatisfy { !$0.id.hasPrefix("daily_record:") })
            let heldIDs = outcome.held.map(\.id)
            #expect(heldIDs.contains("daily_record:LT:arrivals:2021-08-03"), "\(heldIDs)")
            let listed = try Outbox(database: store.database).list(.held)
            #expect(listed.map(\.id) == ["daily_record:LT:arrivals:2021-08-03"])
            #expect(listed.first?.deliveries.isEmpty == true)
            #expect(listed.first?.held?.hasPrefix("above_running_total") == true)
        }
    }

    @Test func aHeldAlertIsReleasedOnceWhenAPlausibleFigureRaisesIt() throws {
        try withStore { store, _ in
            try store.add(Self.misread)
            // a correction: the day's true count, dated the same day, with a running total above it
            let correction = article("b.txt", date: "2021-08-03", [
                dayFact(290, "2021-08-03", record: true),
                Fact(metric: .arrivals, value: 4_100, period: .ytd(year: 2021, asOf: day("2021-08-03")), region: "LT", via: "BY",
                     evidence: "So far this year 4,100 people have crossed."),
            ])
            let released = try store.add(correction).alerts.filter { $0.kind == .dailyRecord }
            #expect(released.count == 1 && released[0].held == nil)
            let outbox = Outbox(database: store.database)
            #expect(try outbox.list(.held).isEmpty)
            let record = try outbox.list(.all).filter { $0.kind == "daily_record" }
            #expect(record.count == 1 && record[0].deliveries.count == 1)
            // raised again: nothing new
            let again = article("c.txt", date: "2021-08-03", [dayFact(290, "2021-08-03", record: true)])
            #expect(try store.add(again, content: "c").alerts.allSatisfy { $0.kind != .dailyRecord })
            let listedDeliveries = try outbox.list(.all).reduce(0) { $0 + $1.deliveries.count }
            #expect(try store.count("deliveries") == listedDeliveries)
            #expect(try outbox.list(.all).filter { $0.kind == "daily_record" }.first?.deliveries.count == 1)
        }
    }

    /// A figure that failed a check stays in the series but stands in the way of no later
    /// article's record (schema v5 `facts.failed`).
    @Test func aFailedFigureBlocksNoLaterRecord() throws {
        try withStore { store, _ in
            try store.add(article("earlier.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")]))
            try store.add(Self.misread)
            let failed = try store.database.rows("SELECT value, failed FROM facts WHERE failed IS NOT NULL") { "\($0.int(0)) \($0.string(1))" }
            #expect(failed.count == 1 && failed[0].hasPrefix("9000 above_running_total"), "\(failed)")
            let later = try store.add(article("later.txt", date: "2021-08-10", [dayFact(350, "2021-08-09")]))
            let record = try #require(later.alerts.first { $0.kind == .dailyRecord })
            #expect(record.value == 350 && record.previous == .day(value: 171, date: day("2021-07-27")))
            #expect(try store.series(region: "LT", metric: .arrivals).map(\.value) == [171, 9_000, 350])
        }
    }

    /// The fact's strength is stored and read back (schema v4).
    @Test func strengthIsStored() throws {
        try withStore { store, _ in
            var weak = dayFact(120, "2021-08-02")
            weak.strength = .weak
            try store.add(article("w.txt", date: "2021-08-03", [weak, dayFact(130, "2021-08-03")]))
            let stored = try store.facts(article: "w.txt").map { "\($0.fact.value) \($0.fact.strength.rawValue)" }
            #expect(stored == ["120 weak", "130 strong"])
        }
    }
}

/// A weakly read day figure: its day comes from no time wording of its own.
func weakDayFact(_ value: Int, _ iso: String) -> Fact {
    var fact = dayFact(value, iso)
    fact.strength = .weak
    fact.evidence = "\(value) people were detained."
    return fact
}

/// The outbox contract for held alerts across restarts: every `Store` below is a new connection
/// to the same file, as after a daemon restart. A held alert is released once, its deliveries
/// created once, and nothing raised again by re-ingested or further articles.
@Suite struct HeldAlertRestartTests {
    static let earlier = article("earlier.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")])
    static let weak = article("weak.txt", date: "2021-08-03", [weakDayFact(287, "2021-08-03")])
    static let confirming = article("confirming.txt", date: "2021-08-04", [dayFact(287, "2021-08-03")])
    static let id = "daily_record:LT:arrivals:2021-08-03"

    func deliveries(_ store: Store) throws -> [String] {
        try store.database.rows("""
            SELECT a.id || ' ' || d.destination || ' ' || d.state FROM deliveries d JOIN alerts a ON a.seq = d.alert_seq ORDER BY a.seq
            """) { $0.string(0) }
    }

    @Test func aHeldAlertReleasedAfterARestartIsDeliveredOnceAndNeverAgain() throws {
        let directory = try TemporaryDirectory(prefix: "bw-held")
        defer { directory.remove() }
        let path = directory.path + "/test.sqlite"
        do {
            let store = try Store(path: path)
            try store.add(Self.earlier)
            let outcome = try store.add(Self.weak)
            #expect(outcome.held.map(\.id) == [Self.id])
            #expect(outcome.held.first?.held?.hasPrefix("weak_uncorroborated") == true)
            #expect(try Outbox(database: store.database).list(.held).map(\.id) == [Self.id])
            #expect(try deliveries(store).isEmpty)
        }
        do { // restart: the held alert is still held, and the same article again raises nothing
            let store = try Store(path: path)
            #expect(try Outbox(database: store.database).list(.held).map(\.id) == [Self.id])
            #expect(try store.add(Self.weak) == .duplicate(articleID: 2))
            #expect(try deliveries(store).isEmpty)
        }
        do { // restart: a second article confirms the figure; the alert is released with both sources
            let store = try Store(path: path)
            let outcome = try store.add(Self.confirming)
            #expect(outcome.alerts.map(\.id) == [Self.id])
            #expect(outcome.alerts.first?.sources.map(\.article) == ["weak.txt", "confirming.txt"])
            #expect(try Outbox(database: store.database).list(.held).isEmpty)
            #expect(try deliveries(store) == ["\(Self.id) ops pending"])
            let head = try #require(try Outbox(database: store.database).head(destination: "ops"))
            try Outbox(database: store.database).markDelivered(alertSeq: head.alertSeq, destination: "ops", status: 200,
                                                               at: Date(timeIntervalSince1970: 1_700_000_100))
        }
        do { // restart: every article again, and a third report of the figure: nothing new, nothing sent twice
            let store = try Store(path: path)
            for item in [Self.earlier, Self.weak, Self.confirming] {
                if case .stored = try store.add(item) { Issue.record("\(item.metadata.fileName) stored twice") }
            }
            let third = try store.add(article("third.txt", date: "2021-08-05", [dayFact(287, "2021-08-03", record: true)]))
            #expect(third.alerts.isEmpty && third.held.isEmpty)
            #expect(try deliveries(store) == ["\(Self.id) ops delivered"])
            #expect(try store.count("alerts") == 1)
        }
    }

    /// A held alert that a later figure raises again while still failing stays held, with no
    /// delivery, across a restart.
    @Test func aHeldAlertRaisedAgainByAFigureThatFailsStaysHeld() throws {
        let directory = try TemporaryDirectory(prefix: "bw-held")
        defer { directory.remove() }
        let path = directory.path + "/test.sqlite"
        do {
            let store = try Store(path: path)
            try store.add(Self.earlier)
            try store.add(Self.weak)
        }
        let store = try Store(path: path)
        // another weak report of a higher figure for the same day, in an article of its own
        let outcome = try store.add(article("weak2.txt", date: "2021-08-03", [weakDayFact(300, "2021-08-03")]))
        #expect(outcome.alerts.isEmpty)
        #expect(try deliveries(store).isEmpty)
        #expect(try Outbox(database: store.database).list(.held).map(\.id) == [Self.id])
    }
}

/// An alert lists every stored article that reports its figure, oldest first.
@Suite struct AlertSourcesTests {
    @Test func everyArticleReportingTheFigureIsASource() throws {
        try withStore { store, _ in
            // the first report is the series' first day, not called a record: no alert
            try store.add(article("first.txt", date: "2021-08-03", [dayFact(287, "2021-08-02")]))
            let second = try store.add(article("second.txt", date: "2021-08-03", [dayFact(287, "2021-08-02", record: true)]),
                                       content: "second")
            let record = try #require(second.alerts.first { $0.kind == .dailyRecord })
            #expect(record.sources.map(\.article) == ["first.txt", "second.txt"])
            #expect(record.sources.first?.evidence == "287 people were detained on 2021-08-02.")
        }
    }

    func payloadSources(_ store: Store, _ id: String) throws -> [AlertSource] {
        let alert = try #require(try Outbox(database: store.database).list(.all).first { $0.id == id })
        return try JSONDecoder().decode(AlertEvent.self, from: Data(alert.payload.utf8)).sources
    }

    /// An article that reports the figure of an alert not sent yet joins its sources, with its
    /// title, link and sentence; once a delivery has been attempted the payload stays as sent.
    @Test func anAlertNotSentYetListsEveryLaterReport() throws {
        try withStore { store, _ in
            try store.add(article("first.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")]))
            try store.add(article("second.txt", date: "2021-08-03", [dayFact(287, "2021-08-02")]))
            let id = "daily_record:LT:arrivals:2021-08-02"
            #expect(try payloadSources(store, id).map(\.article) == ["second.txt"])
            let third = try store.add(article("third.txt", date: "2021-08-03", [dayFact(287, "2021-08-02", record: true)]))
            #expect(third.alerts.isEmpty)
            let sources = try payloadSources(store, id)
            #expect(sources.map(\.article) == ["second.txt", "third.txt"])
            #expect(sources.last == AlertSource(article: "third.txt", title: "Title of third.txt", url: "https://example.org/third.txt",
                                                evidence: "287 people were detained on 2021-08-02."))
            // another value for the day is no report of the figure
            try store.add(article("other.txt", date: "2021-08-03", [dayFact(280, "2021-08-02")]))
            #expect(try payloadSources(store, id).count == 2)
            // a first attempt (here a retry scheduled): the body is fixed from now on
            let outbox = Outbox(database: store.database)
            let head = try #require(try outbox.head(destination: "ops"))
            try outbox.scheduleRetry(alertSeq: head.alertSeq, destination: "ops", at: Date(timeIntervalSince1970: 1_700_000_060),
                                     status: 503, error: "busy", now: Date(timeIntervalSince1970: 1_700_000_000))
            try store.add(article("fourth.txt", date: "2021-08-04", [dayFact(287, "2021-08-02")]))
            #expect(try payloadSources(store, id).map(\.article) == ["second.txt", "third.txt"])
        }
    }

    /// The running total milestones gather their reports the same way.
    @Test func aRunningTotalAlertListsEveryLaterReport() throws {
        try withStore { store, _ in
            let total = { (name: String) in
                article(name, date: "2021-08-03", [Fact(metric: .arrivals, value: 4_112, period: .ytd(year: 2021, asOf: day("2021-08-03")),
                                                        region: "LT", via: "BY", evidence: "So far this year 4,112 people in \(name).")])
            }
            let raised = try store.add(total("a.txt")).alerts.map(\.id)
            #expect(raised.contains("ytd_milestone:LT:BY:arrivals:2021:4000"))
            try store.add(total("b.txt"))
            #expect(try payloadSources(store, "ytd_milestone:LT:BY:arrivals:2021:4000").map(\.article) == ["a.txt", "b.txt"])
        }
    }
}

/// An alert says why it fired: the rule, and the previous record with the article that reported it.
@Suite struct AlertExplanationTests {
    @Test func aRecordNamesTheRuleAndThePreviousRecordsSource() throws {
        try withStore { store, _ in
            try store.add(article("first.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")]))
            let outcome = try store.add(article("second.txt", date: "2021-08-03", [dayFact(287, "2021-08-02")]))
            let record = try #require(outcome.alerts.first { $0.kind == .dailyRecord })
            #expect(record.why?.hasPrefix("daily_record: higher than every other stored day of LT arrivals in 2021") == true,
                    "\(String(describing: record.why))")
            #expect(record.previous == .day(value: 171, date: day("2021-07-27")))
            #expect(record.previousSource == "first.txt")
        }
    }
}
