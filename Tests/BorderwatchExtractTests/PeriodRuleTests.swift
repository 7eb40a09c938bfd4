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
    ]

    @Test(arguments: cases) func periodRules(_ probe: Case) {
        let found = facts(probe.text, date: probe.date).filter { $0.value == probe.value }
        #expect(found.map(\.period) == [probe.period], "\(probe.value): \(found.map(\.period))")
    }
}
