import BorderwatchCore
import Testing
@testable import BorderwatchExtract

@Suite struct DateTests {
    /// Every weekday names a day within the week up to the article's date, with that weekday.
    @Test func weekdaysResolveWithinTheWeekBefore() {
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        var article = day("2020-12-20")
        for _ in 0..<60 {
            for (index, name) in names.enumerated() {
                let fact = onlyFact("Border guards detained 50 migrants on \(name).", date: article.iso)
                guard case .day(let counted)? = fact?.period else {
                    Issue.record("no day fact for \(name) in an article of \(article)")
                    continue
                }
                #expect(counted.weekday == index + 1)
                #expect((0...6).contains(counted.days(until: article)))
            }
            article = article.adding(days: 5)
        }
    }

    @Test(arguments: [
        ("on August 3", Period.day(Day(iso: "2021-08-03")!)),
        ("on 3 August", .day(Day(iso: "2021-08-03")!)),
        ("on the 3rd of August", .day(Day(iso: "2021-08-03")!)),
        ("on Aug. 3", .day(Day(iso: "2021-08-03")!)),
        ("on 2021-08-03", .day(Day(iso: "2021-08-03")!)),
        ("on 03.08.2021", .day(Day(iso: "2021-08-03")!)),
        ("on December 30", .day(Day(iso: "2020-12-30")!)),
        ("yesterday", .day(Day(iso: "2021-08-04")!)),
        ("today", .day(Day(iso: "2021-08-05")!)),
        ("last night", .day(Day(iso: "2021-08-04")!)),
        ("over the past 24 hours", .day(Day(iso: "2021-08-05")!)),
        ("over the last day", .day(Day(iso: "2021-08-05")!)),
        ("on Tuesday night", .day(Day(iso: "2021-08-03")!)),
        ("this week", .span(start: Day(iso: "2021-08-02")!, end: Day(iso: "2021-08-05")!)),
        ("last week", .span(start: Day(iso: "2021-07-26")!, end: Day(iso: "2021-08-01")!)),
        ("in July", .month(year: 2021, month: 7)),
        ("last month", .month(year: 2021, month: 7)),
        ("so far in August", .month(year: 2021, month: 8)),
        ("in November", .month(year: 2020, month: 11)),
        ("so far this year", .ytd(year: 2021, asOf: Day(iso: "2021-08-05")!)),
        ("since the beginning of the year", .ytd(year: 2021, asOf: Day(iso: "2021-08-05")!)),
        ("in 2021 so far", .ytd(year: 2021, asOf: Day(iso: "2021-08-05")!)),
        ("in the whole of 2020", .year(2020)),
        ("for the whole of last year", .year(2020)),
        ("last year", .year(2020)),
        ("in 2019", .year(2019)),
        ("since August 1", .span(start: Day(iso: "2021-08-01")!, end: nil)),
        ("by midnight on August 4", .span(start: nil, end: Day(iso: "2021-08-04")!)),
        ("between Aug. 1 and Aug. 4", .span(start: Day(iso: "2021-08-01")!, end: Day(iso: "2021-08-04")!)),
        ("between Monday and Wednesday", .span(start: Day(iso: "2021-08-02")!, end: Day(iso: "2021-08-04")!)),
        ("since midnight on Tuesday", .day(Day(iso: "2021-08-03")!)),
        ("between 1 and 4 August", .span(start: Day(iso: "2021-08-01")!, end: Day(iso: "2021-08-04")!)),
        ("on Monday and Tuesday", .span(start: Day(iso: "2021-08-02")!, end: Day(iso: "2021-08-03")!)),
        ("over the weekend", .span(start: Day(iso: "2021-07-31")!, end: Day(iso: "2021-08-01")!)),
        ("the day before", .day(Day(iso: "2021-08-04")!)),
        ("between January and July", .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-07-31")!)),
        // durations end on the report day (the article's, when the sentence names none)
        ("in 24 hours", .day(Day(iso: "2021-08-05")!)),
        ("within 24 hours", .day(Day(iso: "2021-08-05")!)),
        ("in a single day", .day(Day(iso: "2021-08-05")!)),
        ("in the last 24 hours, officials said on Wednesday", .day(Day(iso: "2021-08-04")!)),
        ("within 48 hours", .span(start: Day(iso: "2021-08-04")!, end: Day(iso: "2021-08-05")!)),
        ("in the past two weeks, officials said on Tuesday", .span(start: Day(iso: "2021-07-21")!, end: Day(iso: "2021-08-03")!)),
        // months and parts of a year
        ("last November", .month(year: 2020, month: 11)),
        ("last July", .month(year: 2021, month: 7)),
        ("in November last year", .month(year: 2020, month: 11)),
        ("in March of this year", .month(year: 2021, month: 3)),
        ("in January and February", .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-02-28")!)),
        ("between January and September", .span(start: Day(iso: "2020-01-01")!, end: Day(iso: "2020-09-30")!)),
        ("between January and mid-July", .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-07-15")!)),
        ("in the first half of 2020", .span(start: Day(iso: "2020-01-01")!, end: Day(iso: "2020-06-30")!)),
        ("in the first six months of the year", .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-06-30")!)),
        ("in the first nine months of the year", .span(start: Day(iso: "2020-01-01")!, end: Day(iso: "2020-09-30")!)),
        ("in the third quarter of last year", .span(start: Day(iso: "2020-07-01")!, end: Day(iso: "2020-09-30")!)),
        ("in fiscal year 2021", .span(start: Day(iso: "2020-10-01")!, end: Day(iso: "2021-09-30")!)),
        ("on Christmas Day", .day(Day(iso: "2020-12-25")!)),
        ("on the 3rd", .day(Day(iso: "2021-08-03")!)),
        ("on the 20th", .day(Day(iso: "2021-07-20")!)),
        ("overnight Sunday", .day(Day(iso: "2021-08-01")!)),
        ("late on Friday", .day(Day(iso: "2021-07-30")!)),
        ("on New Year's Day", .day(Day(iso: "2021-01-01")!)),
        ("in the week to Sunday", .span(start: Day(iso: "2021-07-26")!, end: Day(iso: "2021-08-01")!)),
        ("in the seven days to August 3", .span(start: Day(iso: "2021-07-28")!, end: Day(iso: "2021-08-03")!)),
        ("in the 12 months to June", .span(start: Day(iso: "2020-07-01")!, end: Day(iso: "2021-06-30")!)),
        ("in the year to March", .span(start: Day(iso: "2020-04-01")!, end: Day(iso: "2021-03-31")!)),
        ("in the year ending June 2021", .span(start: Day(iso: "2020-07-01")!, end: Day(iso: "2021-06-30")!)),
        ("in the 12 months ended March", .span(start: Day(iso: "2020-04-01")!, end: Day(iso: "2021-03-31")!)),
        ("since 2015", .span(start: Day(iso: "2015-01-01")!, end: nil)),
        ("between 2015 and 2020", .span(start: Day(iso: "2015-01-01")!, end: Day(iso: "2020-12-31")!)),
    ])
    func timeWordingResolvesAgainstTheArticleDate(wording: String, period: Period) {
        // the article is dated Thursday 2021-08-05
        #expect(onlyFact("Border guards detained 150 migrants \(wording).")?.period == period)
    }

    /// A report day before the figure yields to the event's own day after it.
    @Test func eventDayBeatsReportDay() {
        #expect(onlyFact("The ministry said on Tuesday that 15 migrants drowned off Lesbos on Monday.", date: "2023-09-14")?.period
                == .day(day("2023-09-11")))
        #expect(onlyFact("Polish border guards said on Wednesday they had recorded 599 attempts to cross the border illegally from Belarus on Tuesday.")?.period
                == .day(day("2021-08-03")))
        #expect(onlyFact("Officials said on Tuesday that 40 migrants were detained.")?.period == .day(day("2021-08-03")))
        #expect(onlyFact("Greek authorities said on Wednesday they had stopped more than 800 migrants from crossing the Evros river from Turkey since Sunday.", date: "2023-06-28")?.period
                == .span(start: day("2023-06-25"), end: nil))
        // a duration after the figure keeps the report day
        #expect(onlyFact("Officials said on Tuesday that 40 migrants were detained in the past 24 hours.")?.period == .day(day("2021-08-03")))
    }

    /// "a year earlier", "the same period last year": the compared figure's period, a year back.
    @Test func aYearEarlierShiftsTheComparedPeriod() {
        let found = facts("Nearly 14,000 migrants have arrived in Italy since the start of the year, up from 5,200 a year earlier.", date: "2023-02-20")
        // a running total a year back is that year's running total on the same day (dev2 NOTES 7)
        #expect(found.map(\.period) == [.ytd(year: 2023, asOf: day("2023-02-20")), .ytd(year: 2022, asOf: day("2022-02-20"))])
        let same = facts("More than 12,900 migrants have reached Italy since the start of the year, compared with 4,100 arrivals in the same period last year.", date: "2020-05-10")
        #expect(same.map(\.period) == [.ytd(year: 2020, asOf: day("2020-05-10")), .ytd(year: 2019, asOf: day("2019-05-10"))])
        // "over the same months of 2018": the compared stretch moved into that year
        let months = facts("Between January and November 2019, the authorities recorded 18,815 attempted irregular crossings, against 7,502 attempts over the same months of 2018.", date: "2021-01-12")
        #expect(months.map(\.period) == [.span(start: day("2019-01-01"), end: day("2019-11-30")), .span(start: day("2018-01-01"), end: day("2018-11-30"))])
        let month = facts("Some 2,860 people were detained in July, against 120 in the same month last year.")
        #expect(month.map(\.period) == [.month(year: 2021, month: 7), .month(year: 2020, month: 7)])
    }

    /// "As of" a day, a count of this year is a running total to that day; one of no stated start
    /// is all so far, a span with only an end (as "by midnight on August 15" in SCHEMA.md).
    @Test func asOfADayIsATotalToThatDay() {
        #expect(onlyFact("The Home Office said 45,756 people crossed in 2022 as of Thursday.", date: "2022-11-11")?.period
                == .ytd(year: 2022, asOf: day("2022-11-10")))
        #expect(onlyFact("As of Wednesday, 44,000 people had crossed the Channel.", date: "2022-11-11")?.period
                == .span(start: nil, end: day("2022-11-09")))
    }

    @Test func aFigureWithoutTimeWordingTakesTheStretchOfTheSameCountBefore() {
        let found = facts("There were 2.48 million encounters at the southwest border in fiscal year 2023. Known gotaways totaled 670,000.", date: "2023-10-24")
        #expect(found.map(\.period) == [.span(start: day("2022-10-01"), end: day("2023-09-30")), .span(start: day("2022-10-01"), end: day("2023-09-30"))])
    }

    @Test func aWeekdayRangeEndsOnOrBeforeTheArticle() {
        #expect(onlyFact("Border guards detained 300 people from Monday to Thursday.", date: "2023-10-02")?.period
                == .span(start: day("2023-09-25"), end: day("2023-09-28")))
    }

    @Test func seasons() {
        #expect(onlyFact("Nine people have died on the border since the summer.", date: "2021-11-12")?.period == .span(start: day("2021-06-01"), end: nil))
        #expect(onlyFact("Last summer 400 migrants crossed into Lithuania.", date: "2021-07-12")?.period
                == .span(start: day("2020-06-01"), end: day("2020-08-31")))
        #expect(onlyFact("Over the winter 300 people crossed.", date: "2021-11-12")?.period
                == .span(start: day("2020-12-01"), end: day("2021-02-28")))
        #expect(onlyFact("Since early August 2,000 migrants were detained.")?.period == .span(start: day("2021-08-01"), end: nil))
    }

    @Test func explicitDateBeatsRelativeWording() {
        #expect(onlyFact("Last week, on July 30, at least 202 migrants reached Britain.", date: "2020-09-02")?.period
                == .day(day("2020-07-30")))
    }

    @Test func runningTotalIsAsOfTheCountItFollows() {
        let found = facts("On Tuesday night border guards detained 171 people crossing from Belarus, taking the count of migrants detained so far this year to 3,027.",
                          date: "2021-07-28")
        #expect(found.map(\.period) == [.day(day("2021-07-27")), .ytd(year: 2021, asOf: day("2021-07-27"))])
        let before = onlyFact("More than 3,400 migrants had reached the UK in small boats this year before Thursday's crossings.", date: "2020-07-30")
        #expect(before?.period == .ytd(year: 2020, asOf: day("2020-07-29")))
    }

    @Test func figuresWithoutTimeWordingAreTheArticleDayOrARunningTotal() {
        #expect(onlyFact("Border guards detained 150 migrants crossing from Belarus.")?.period == .day(day("2021-08-05")))
        #expect(onlyFact("Lithuania has detained 4,026 migrants, the ministry said.")?.period
                == .ytd(year: 2021, asOf: day("2021-08-05")))
    }

    @Test func trailingYearListGivesOneFactEach() {
        let found = facts("The border service detained 81 people in 2020, 46 in 2019 and 104 in 2018.", date: "2021-06-17")
        #expect(found.map(\.value) == [81, 46, 104])
        #expect(found.map(\.period) == [.year(2020), .year(2019), .year(2018)])
    }
}

/// The stretch rules (`TimeFinder.stretchRules`): examples that must read one way, near-misses beside them.
@Suite struct StretchRuleTests {
    @Test(arguments: [
        // running total from 1 January to a day
        ("Between January and Dec. 6 the coast guard apprehended 21,400 irregular migrants.", "2021-12-07",
         Period.ytd(year: 2021, asOf: Day(iso: "2021-12-06")!)),
        ("Greek data show that 50,720 migrants reached Greece from the beginning of the year to October 13, 2019.", "2019-10-16",
         .ytd(year: 2019, asOf: Day(iso: "2019-10-13")!)),
        ("Spain received 57,250 migrants between the start of the year and Dec. 26.", "2018-12-28",
         .ytd(year: 2018, asOf: Day(iso: "2018-12-26")!)),
        // near-miss: whole months stay a stretch
        ("Between January and November 2019, the authorities recorded 18,815 attempted crossings.", "2021-01-12",
         .span(start: Day(iso: "2019-01-01")!, end: Day(iso: "2019-11-30")!)),
        ("Police prevented 9,487 people from crossing from January to July 31 this year.", "2021-08-20",
         .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-07-31")!)),
        // the first month lies in the year of the second, not the article's
        ("Police prevented 9,487 people from crossing the border from January to September 2019.", "2021-01-12",
         .span(start: Day(iso: "2019-01-01")!, end: Day(iso: "2019-09-30")!)),
        // whole calendar year
        ("Border guards detained 3,800 migrants between January and December 2022.", "2023-06-15", .year(2022)),
        // "the" before ordinal days, "this year" after the last
        ("From the 1st of January to the 31st of July this year, the prefecture recorded 12,148 attempted crossings.", "2021-08-22",
         .span(start: Day(iso: "2021-01-01")!, end: Day(iso: "2021-07-31")!)),
        ("Between the 1st of January and the 6th of December last year, the coast guard apprehended 21,400 irregular migrants.", "2022-03-01",
         .ytd(year: 2021, asOf: Day(iso: "2021-12-06")!)),
    ])
    func stretchReadsAs(text: String, date: String, period: Period) {
        #expect(onlyFact(text, date: date)?.period == period)
    }

    /// "compared with 66,384 in the preceding 12 months": the stretch as long as the compared one, just before it.
    @Test func thePrecedingTwelveMonthsComeBeforeTheComparedStretch() {
        let found = facts("The UK received 78,768 asylum applications in the year to June 2023, compared with 66,384 applications in the preceding 12 months.", date: "2023-08-24")
        #expect(found.map(\.period) == [.span(start: day("2022-07-01"), end: day("2023-06-30")), .span(start: day("2021-07-01"), end: day("2022-06-30"))])
    }

    /// A month opening the sentence as its subject is that month; a month heading a name is not.
    @Test func aMonthAsSubjectDatesItsFigure() {
        #expect(onlyFact("March brought 146 arrivals of migrants by sea.", date: "2020-07-10")?.period == .month(year: 2020, month: 3))
        #expect(onlyFact("August has so far seen 6,271 migrants arrive by small boat.", date: "2022-08-20")?.period == .month(year: 2022, month: 8))
        // near-miss: "March" followed by a preposition or a name is no subject
        #expect(onlyFact("March of the migrants: 150 migrants crossed on Tuesday.", date: "2022-08-20")?.period != .month(year: 2022, month: 3))
    }

    /// "the following day": the day after the day named before.
    @Test func theFollowingDayIsTheDayAfterTheNamedOne() {
        let found = facts("Some 118 migrants reached Mallorca in eight boats on Tuesday, and another 80 were intercepted the following day.", date: "2024-08-15")
        #expect(found.map(\.period) == [.day(day("2024-08-13")), .day(day("2024-08-14"))])
    }

    /// "compared with the previous month (8,220)": the month before the compared figure's; the figure before keeps its own.
    @Test func thePreviousMonthIsTheComparedFiguresMonthBack() {
        let found = facts("Arrivals in Yemen fell in January 2023 to 7,904 migrants, a drop of 4 per cent compared with the previous month (8,220 migrants).", date: "2023-03-01")
        #expect(found.map(\.period) == [.month(year: 2023, month: 1), .month(year: 2022, month: 12)])
    }

    /// "the first half of October": the 1st to the 15th; "the first half of 2020" stays the year's half.
    @Test func aHalfOfAMonthIsItsDays() {
        #expect(onlyFact("Some 4,443 migrants landed on the islands in the first half of October.", date: "2019-10-16")?.period
                == .span(start: day("2019-10-01"), end: day("2019-10-15")))
        #expect(onlyFact("Some 4,443 migrants landed on the islands in the first half of 2019.", date: "2019-10-16")?.period
                == .span(start: day("2019-01-01"), end: day("2019-06-30")))
    }

    /// "in all", "in total": a hint of a running total that yields to the period the sentence names.
    @Test func inAllYieldsToANamedPeriod() {
        #expect(onlyFact("The agency says 1,699 people in all were rescued at sea and disembarked in Malta in the first six months of 2020.", date: "2020-07-10")?.period
                == .span(start: day("2020-01-01"), end: day("2020-06-30")))
        #expect(onlyFact("In all, 28,526 people crossed the Channel last year.", date: "2022-01-05")?.period == .year(2021))
    }

    /// "On Saturday Greece said ...": a weekday opening a statement is its report day; the running total after the figure dates it.
    @Test func aWeekdayOpeningAStatementIsTheReportDay() {
        let found = onlyFact("On Saturday Greece said it had kept some 40,000 migrants from illegally entering the country from Turkey across the Evros border in the northeast since the start of the year.", date: "2022-05-29")
        #expect(found?.period == .ytd(year: 2022, asOf: day("2022-05-28")))
        // near-miss: a weekday with no verb of saying after it is the day counted
        #expect(onlyFact("On Saturday police detained 40 migrants near the border.", date: "2022-05-29")?.period == .day(day("2022-05-28")))
    }

    /// A place phrase set off by commas between the figure and its day is an aside.
    @Test func anAsideBetweenCommasDoesNotHideTheEventDay() {
        #expect(onlyFact("Local media reported on Friday that thirteen boats carrying 547 migrants from the Turkish coast had landed on Lesvos, in the eastern Aegean, on Thursday afternoon.", date: "2019-08-30")?.period
                == .day(day("2019-08-29")))
    }

    /// "in 2015-16": both calendar years; "the 2015-2016 crisis" names an event, not a time.
    @Test func aYearRangeIsBothYears() {
        #expect(onlyFact("More than a million migrants arrived in Greece in 2015-16.", date: "2023-08-11")?.period
                == .span(start: day("2015-01-01"), end: day("2016-12-31")))
        #expect(onlyFact("Some 547 migrants landed on Lesvos on Thursday, the biggest one-day arrival since the 2015-2016 migration crisis.", date: "2019-08-30")?.period
                == .day(day("2019-08-29")))
    }

    /// An undated figure of the same country right after a running total shares it.
    @Test func anUndatedFigureSharesTheRunningTotalBefore() {
        let found = facts("Turkish security forces prevented more than 120,000 irregular migrants from entering the country this year. With the same measures they also caught 15,000 people at the Turkish borders.", date: "2021-12-29")
        #expect(found.map(\.period) == [.ytd(year: 2021, asOf: day("2021-12-29")), .ytd(year: 2021, asOf: day("2021-12-29"))])
    }

    /// A stretch not over by the article's date, with "so far", is counted up to that date.
    @Test func anUnfinishedStretchSoFarEndsOnTheArticlesDate() {
        #expect(onlyFact("With five months of Fiscal 2019 still to run, 531,711 people have been apprehended at the Southwest border so far.", date: "2019-05-09")?.period
                == .span(start: day("2018-10-01"), end: day("2019-05-09")))
    }

    /// An annual report: after a lead about last year and with no day named, undated figures are that year's.
    @Test func anAnnualReportDatesItsUndatedFigures() {
        let found = facts("Routes into the Middle East claimed nearly 3,800 lives last year, new data show. On the North African land routes 203 deaths were recorded.", date: "2023-06-15")
        #expect(found.map(\.period) == [.year(2022), .year(2022)])
        // near-miss: a count its own body reports is news of the day
        let news = facts("Detections on the central Mediterranean route reached 158,000 last year, Italian officials said. Greek police said they had detained 44 migrants near the Evros river.", date: "2024-01-12")
        #expect(news.last?.period == .day(day("2024-01-12")))
    }
}
