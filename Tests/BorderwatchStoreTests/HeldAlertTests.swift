import BorderwatchCore
import BorderwatchStore
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
