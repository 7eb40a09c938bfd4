import BorderwatchCore
import Testing
@testable import BorderwatchExtract

/// The period rules of TimeExpressions.swift and FactPeriod.swift ported from the periods2 branch:
/// each case is a probe written for the rule (not a sentence of the gold sets), with the period one
/// figure of it must get.
@Suite struct PeriodRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        let rule: String
        let text: String
        let date: String
        let value: Int
        let period: Period
        var description: String { "\(rule): \(text)" }
    }

    static let cases: [Case] = [
        Case(rule: "fiscal abbreviation", text: "In FY23, agents apprehended 2,400,000 migrants at the border.",
             date: "2023-08-24", value: 2_400_000, period: .span(start: day("2022-10-01"), end: day("2023-08-24"))),
        Case(rule: "fiscal abbreviation, a year over", text: "The FY2021 total was 1,700,000 encounters at the border.",
             date: "2023-08-24", value: 1_700_000, period: .span(start: day("2020-10-01"), end: day("2021-09-30"))),
        Case(rule: "point in last year", text: "At this stage last year, 9,400 people had crossed the Channel in small boats.",
             date: "2023-06-15", value: 9_400, period: .ytd(year: 2022, asOf: day("2022-06-15"))),
        Case(rule: "point in a named year", text: "By the same date in 2019, 3,100 migrants had reached Lampedusa.",
             date: "2021-05-10", value: 3_100, period: .ytd(year: 2019, asOf: day("2019-05-10"))),
        Case(rule: "point in last year after a whole year",
             text: "In 2021, 28,526 people crossed the Channel. This time last year 14,000 people had made the crossing.",
             date: "2022-08-01", value: 14_000, period: .ytd(year: 2021, asOf: day("2021-08-01"))),
        Case(rule: "point in last year after a running total",
             text: "So far this year 20,100 migrants have crossed, up from 12,000 at the same point last year.",
             date: "2022-07-31", value: 12_000, period: .ytd(year: 2021, asOf: day("2021-07-31"))),
        Case(rule: "year after a baseline on", text: "Some 12,400 people applied for asylum in Austria, an increase of 30% on 2020.",
             date: "2022-02-10", value: 12_400, period: .year(2021)),
        Case(rule: "year after a baseline, a hint of a total yields", text: "In all, 12,400 people applied for asylum in Austria, up 30% over 2020.",
             date: "2022-02-10", value: 12_400, period: .year(2021)),
        Case(rule: "year after a baseline than in", text: "Greece registered 9,800 irregular arrivals, 25% more than in 2019.",
             date: "2021-01-15", value: 9_800, period: .year(2020)),
        Case(rule: "year after a compared figure's year", text: "Spain counted 41,000 irregular arrivals, compared with 32,000 in 2019.",
             date: "2021-01-03", value: 41_000, period: .year(2020)),
        Case(rule: "running total after a compared figure's year",
             text: "That takes the total of small-boat arrivals to 9,700, against 28,000 for the whole of last year.",
             date: "2022-05-03", value: 9_700, period: .ytd(year: 2022, asOf: day("2022-05-03"))),
        Case(rule: "the stretch a record is told over", text: "Border guards stopped 312 migrants on Tuesday, the most in any month since 2016.",
             date: "2022-03-10", value: 312, period: .day(day("2022-03-08"))),
        Case(rule: "that day", text: "A record number of boats reached Kent on Monday, officials said. Some 540 people made the crossing that day.",
             date: "2024-05-22", value: 540, period: .day(day("2024-05-20"))),
        Case(rule: "a weekday with its calendar date", text: "The previous high of 430 was set on Tuesday, March 5, the agency said.",
             date: "2024-04-20", value: 430, period: .day(day("2024-03-05"))),
        Case(rule: "a year right before a record phrase bounds the record",
             text: "Officials put Thursday's total at 512, above this year's previous high of 480.",
             date: "2024-04-20", value: 512, period: .day(day("2024-04-18"))),
        Case(rule: "a report's stretch, past a press conference and a baseline",
             text: "Between July 1, 2022 and June 30, 2023, 40,100 migrants arrived in Italy. The minister presented the figures at a press conference on Friday. Deportations fell to 3,100, a drop of 12% on the previous year.",
             date: "2023-07-10", value: 3_100, period: .span(start: day("2022-07-01"), end: day("2023-06-30"))),
        Case(rule: "in all is a sum, not a running total",
             text: "Greek police stopped 2,791 people from crossing the Evros on Wednesday. In all, 34 migrants were arrested.",
             date: "2020-03-05", value: 34, period: .day(day("2020-03-04"))),
        Case(rule: "a count raised to the figure is a running total",
             text: "Some 3,100 Afghans crossed out of Pakistan on Monday, bringing the number of returnees to 98,000.",
             date: "2023-10-04", value: 98_000, period: .ytd(year: 2023, asOf: day("2023-10-02"))),
        Case(rule: "a clause describing the day a stretch opens",
             text: "The number of migrants detained since March 3, when the new law took effect, has risen to 2,410.",
             date: "2022-04-20", value: 2_410, period: .span(start: day("2022-03-03"), end: nil)),
        Case(rule: "a clause counting on the day a record is told since",
             text: "Arrivals were the highest since 2016, when 181,436 people arrived.",
             date: "2023-01-10", value: 181_436, period: .year(2016)),
        Case(rule: "since the fiscal year", text: "Agents have made 310,000 arrests since the start of the fiscal year.",
             date: "2024-01-12", value: 310_000, period: .span(start: day("2023-10-01"), end: nil)),
        Case(rule: "since the new fiscal year opened on a date",
             text: "More than 520,000 migrants have been apprehended since the new fiscal year opened on October 1.",
             date: "2024-01-12", value: 520_000, period: .span(start: day("2023-10-01"), end: nil)),
        Case(rule: "a part of the day belongs to the day after it",
             text: "Rescuers picked up 48 migrants on Saturday night and a further 30 in the morning on Sunday.",
             date: "2022-11-14", value: 30, period: .day(day("2022-11-13"))),
        Case(rule: "a level told on a day is all so far up to it",
             text: "The number of refugees who have fled into Niger stands at about 21,000, the UN said on Thursday.",
             date: "2023-08-12", value: 21_000, period: .span(start: nil, end: day("2023-08-10"))),
        Case(rule: "N days before a level told before",
             text: "The number of refugees who have fled into Niger stands at about 21,000, the UN said on Thursday. Two days earlier it had put the figure at 17,500.",
             date: "2023-08-12", value: 17_500, period: .span(start: nil, end: day("2023-08-08"))),
        Case(rule: "as of a day, no stated start",
             text: "As of 2 June more than 31,000 people had crossed into Niger, the agency said.",
             date: "2023-06-05", value: 31_000, period: .span(start: nil, end: day("2023-06-02"))),
        Case(rule: "a dateline's date is the day of filing",
             text: "Kabul [Afghanistan], March 9 (ANI): More than 2,100 Afghans crossed back from Iran through Islam Qala on Tuesday.",
             date: "2024-03-09", value: 2_100, period: .day(day("2024-03-05"))),
        Case(rule: "a list item's date is no dateline",
             text: "Border Force counted 1,200 people crossing the Channel on Thursday, a new record. Previous highs:\n– March 3 2024: 940 people",
             date: "2024-03-09", value: 940, period: .day(day("2024-03-03"))),
        Case(rule: "people who had come by the day of the main clause",
             text: "The island was struggling on Friday to shelter some 4,000 migrants who had arrived by boat.",
             date: "2023-09-16", value: 4_000, period: .span(start: nil, end: day("2023-09-15"))),
        Case(rule: "that period is the stretch the sentence before named",
             text: "Deportations were suspended from March 1 to June 30, 2020. In that period, only 212 people were deported from Spain.",
             date: "2021-01-20", value: 212, period: .span(start: day("2020-03-01"), end: day("2020-06-30"))),
        Case(rule: "so far this week, with a named day's count",
             text: "With Friday's arrivals, 930 people have crossed so far this week.",
             date: "2023-09-02", value: 930, period: .span(start: day("2023-08-28"), end: day("2023-09-01"))),
        Case(rule: "since the beginning of the article's month is that month so far",
             text: "Guards have recorded 640 attempts since the beginning of March.",
             date: "2022-03-20", value: 640, period: .month(year: 2022, month: 3)),
        Case(rule: "since the beginning of an earlier month is a stretch",
             text: "Guards have recorded 4,640 attempts since the beginning of January.",
             date: "2022-03-20", value: 4_640, period: .ytd(year: 2022, asOf: day("2022-03-20"))),
        Case(rule: "the next item's own time between 'and' and its figure",
             text: "Guards recorded 9,100 attempts in October. The figure for September was about 6.2 thousand, and for August more than 2.5 thousand.",
             date: "2021-11-02", value: 2_500, period: .month(year: 2021, month: 8)),
        Case(rule: "a part of the year after the figure names its stretch",
             text: "Some 50,000 asylum applications were lodged by September. This year nearly 21,000 were filed in the first half.",
             date: "2022-10-20", value: 21_000, period: .span(start: day("2022-01-01"), end: day("2022-06-30"))),
    ]

    @Test(arguments: cases) func periodRules(_ probe: Case) {
        let found = facts(probe.text, date: probe.date).filter { $0.value == probe.value }
        #expect(found.map(\.period) == [probe.period], "\(probe.value): \(found.map(\.period))")
    }

    /// A perfect with "already" and no time of its own is all so far, from no stated start; a
    /// second reported clause ("and that ...") does not take the first clause's days.
    @Test func alreadyDoneIsAllSoFar() {
        let found = facts("Officials said 3,000 migrants swam ashore on Monday and Tuesday, and that 900 people had already been returned.", date: "2021-05-19")
        #expect(found.map(\.value) == [3000, 900])
        #expect(found.last?.period == .span(start: nil, end: day("2021-05-19")))
    }

    /// The items of a comparison list keep the compared metric across each item's own time phrase.
    @Test func comparisonListItemsKeepTheMetricAcrossTheirTimes() {
        let found = facts("Border guards have stopped 61 migrants from crossing so far this year, compared with 1,904 in the whole of 2023, 7,300 in 2022 and 4,470 in 2021.", date: "2024-03-06")
        #expect(found.map(\.value) == [61, 1904, 7300, 4470])
        #expect(found.allSatisfy { $0.metric == .prevented })
    }
}

/// A weekend runs over the days its article counts, and no further.
@Suite struct WeekendSpanTests {
    @Test func aWeekendStartsOnTheFridayItsArticleCounts() {
        let text = "Over the weekend, guards prevented 95 attempts to cross the border. "
            + "On Friday they stopped 25 people, another 30 on Saturday and 40 on Sunday."
        let found = facts(text, date: "2022-05-16").filter { $0.value == 95 }
        #expect(found.map(\.period) == [.span(start: day("2022-05-13"), end: day("2022-05-15"))])
    }

    @Test func aWeekendWithoutAFridayFigureStaysSaturdayAndSunday() {
        let text = "Over the weekend, guards prevented 70 attempts to cross the border, 30 on Saturday and 40 on Sunday."
        let found = facts(text, date: "2022-05-16").filter { $0.value == 70 }
        #expect(found.map(\.period) == [.span(start: day("2022-05-14"), end: day("2022-05-15"))])
    }
}
