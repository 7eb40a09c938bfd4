import Testing
@testable import BorderwatchCore

@Suite struct DayTests {
    @Test func ordinalRoundTripsOverFourCenturies() {
        var previous = Day(ordinal: -146_097 * 2)
        for ordinal in (-146_097 * 2 + 1)...(146_097 * 2) {
            let day = Day(ordinal: ordinal)
            #expect(day.ordinal == ordinal)
            #expect(previous < day)
            previous = day
        }
    }

    @Test func knownWeekdays() {
        #expect(Day(iso: "1970-01-01")!.weekday == 4)  // Thursday
        #expect(Day(iso: "2021-07-27")!.weekday == 2)  // Tuesday
        #expect(Day(iso: "2020-08-09")!.weekday == 7)  // Sunday
    }

    @Test func latestWeekdayIsWithinTheWeekBefore() {
        let article = Day(iso: "2021-07-29")!  // Thursday
        #expect(article.latest(weekday: 2) == Day(iso: "2021-07-27"))
        #expect(article.latest(weekday: 4) == article)
        #expect(article.latest(weekday: 5) == Day(iso: "2021-07-23"))
        for start in 0..<400 {
            let day = Day(ordinal: 18_000 + start)
            for weekday in 1...7 {
                let resolved = day.latest(weekday: weekday)
                #expect(resolved.weekday == weekday)
                #expect((0...6).contains(resolved.days(until: day)))
            }
        }
    }

    @Test func isoParsingValidates() {
        #expect(Day(iso: "2020-02-29") != nil)
        #expect(Day(iso: "2021-02-29") == nil)
        #expect(Day(iso: "2021-13-01") == nil)
        #expect(Day(iso: "2021-1-01") == nil)
        #expect(Day(iso: "2021-08-03")!.iso == "2021-08-03")
        #expect(Day(iso: "2021-08-03")!.mondayOfWeek == Day(iso: "2021-08-02"))
    }
}

@Suite struct EasterTests {
    /// Known dates, including both extremes of the computus (March 22, 1818; April 25, 1943).
    @Test(arguments: [(2019, "2019-04-21"), (2021, "2021-04-04"), (2023, "2023-04-09"), (2024, "2024-03-31"),
                      (2025, "2025-04-20"), (1818, "1818-03-22"), (1943, "1943-04-25"), (2038, "2038-04-25")])
    func knownEasterSundays(year: Int, iso: String) {
        #expect(Day.easterSunday(of: year) == Day(iso: iso))
    }

    /// Every Easter is a Sunday between March 22 and April 25.
    @Test func alwaysASundayInItsWindow() {
        for year in 1900...2200 {
            let easter = Day.easterSunday(of: year)
            #expect(easter.weekday == 7)
            #expect(easter >= Day(year: year, month: 3, day: 22)! && easter <= Day(year: year, month: 4, day: 25)!)
        }
    }
}

@Suite struct FactJSONTests {
    @Test func dayFactHasSchemaFieldsInOrder() {
        let fact = Fact(metric: .arrivals, value: 287, period: .day(Day(iso: "2021-08-02")!), region: "LT", via: "BY",
                        record: true, evidence: "a \"record\" 287\n")
        #expect(fact.jsonLine(article: "a.txt") ==
            #"{"article": "a.txt", "metric": "arrivals", "value": 287, "bound": "exact", "period": "day", "date": "2021-08-02", "region": "LT", "via": "BY", "record": true, "evidence": "a \"record\" 287\n", "strength": "strong"}"#)
    }

    @Test func ytdAndSpanFacts() {
        let ytd = Fact(metric: .arrivals, value: 4000, bound: .atLeast, period: .ytd(year: 2021, asOf: Day(iso: "2021-08-03")!), evidence: "x")
        #expect(ytd.jsonLine(article: "a").contains(#""period": "ytd", "as_of": "2021-08-03", "year": 2021"#))
        let span = Fact(metric: .prevented, value: 174, period: .span(start: Day(iso: "2021-08-10")!, end: nil), evidence: "x")
        #expect(span.jsonLine(article: "a").contains(#""period": "span", "start": "2021-08-10", "record""#))
    }
}
