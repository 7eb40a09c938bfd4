import BorderwatchCore
import Testing
@testable import BorderwatchExtract

@Suite struct NumberTests {
    @Test(arguments: [
        ("1,185", 1185), ("1.185", 1185), ("1 185", 1185), ("1\u{00A0}185", 1185), ("1\u{202F}185", 1185),
        ("1,234,567", 1_234_567), ("1.2 million", 1_200_000), ("3 thousand", 3000), ("2.5k", 2500),
        ("four", 4), ("twenty-one", 21), ("a dozen", 12), ("two hundred", 200), ("27.6 mln", 27_600_000),
        ("one hundred and twenty", 120), ("a hundred and twenty-five", 125), ("two thousand", 2000),
        ("two thousand five hundred", 2500), ("a hundred", 100), ("a thousand", 1000), ("twenty five", 25),
        ("one and a half million", 1_500_000), ("half a million", 500_000), ("two hundred and fifty thousand", 250_000),
        ("one million two hundred thousand", 1_200_000), ("seven thousand", 7000), ("two dozen", 24),
        ("a quarter of a million", 250_000), ("three quarters of a million", 750_000),
    ])
    func figureStylesParse(written: String, value: Int) {
        #expect(onlyFact("Border guards detained \(written) migrants on Tuesday.")?.value == value)
    }

    /// Any count rendered in the separator styles news uses parses back to itself.
    @Test func renderedNumbersParseBack() {
        var generator = SystemRandomNumberGenerator()
        let separators = [",", ".", " ", "\u{00A0}", "\u{202F}", "\u{2009}", ""]
        for _ in 0..<300 {
            let value = Int.random(in: 0..<50_000_000, using: &generator)
            for separator in separators {
                let text = render(value, separator: separator)
                // a 4-digit figure without separator between 1900 and 2100 reads as a year; no year reading with a noun
                let fact = onlyFact("Border guards detained \(text) migrants on Tuesday.")
                #expect(fact?.value == value, "\(text)")
            }
        }
    }

    func render(_ value: Int, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    @Test(arguments: [
        ("about 180", Bound.approx), ("around 180", .approx), ("some 180", .approx), ("nearly 180", .approx),
        ("almost 180", .approx), ("roughly 180", .approx), ("an estimated 180", .approx),
        ("more than 180", .atLeast), ("over 180", .atLeast), ("at least 180", .atLeast), ("upwards of 180", .atLeast),
        ("no fewer than 180", .atLeast), ("up to 180", .atMost), ("as many as 180", .exact), ("under 180", .atMost),
        ("fewer than 180", .atMost), ("less than 180", .atMost), ("just under 180", .atMost), ("180", .exact),
        ("a total of 180", .exact), ("at most 180", .atMost), ("no more than 180", .atMost), ("just shy of 180", .atMost),
        ("slightly more than 180", .atLeast),
    ])
    func qualifiersSetTheBound(written: String, bound: Bound) {
        let fact = onlyFact("Border guards detained \(written) migrants on Tuesday.")
        #expect(fact?.value == 180)
        #expect(fact?.bound == bound)
    }

    /// A range is one count of at least its lower end (or the qualifier's bound); a change is not a range.
    @Test(arguments: [
        ("between 300 and 400", 300, Bound.atLeast), ("300-400", 300, .atLeast), ("300 to 400", 300, .atLeast),
        ("some 3,000-4,000", 3000, .approx), ("3 to 4 million", 3_000_000, .atLeast), ("between 1.5 and 2 million", 1_500_000, .atLeast),
    ])
    func rangesAreOneCount(written: String, value: Int, bound: Bound) {
        let fact = onlyFact("Border guards detained \(written) migrants on Tuesday.")
        #expect(fact?.value == value)
        #expect(fact?.bound == bound)
    }

    @Test func aChangeIsNoRange() {
        let found = facts("The number of migrants detained rose from 300 to 400 on Tuesday.")
        #expect(found.contains { $0.value == 400 && $0.bound == .exact })
        #expect(!found.contains { $0.bound == .atLeast })
    }

    @Test func exceededSetsALowerBound() {
        let fact = onlyFact("The number of migrants who crossed into Lithuania this year has exceeded 3 thousand.")
        #expect(fact?.value == 3000)
        #expect(fact?.bound == .atLeast)
    }

    @Test(arguments: [
        "Hundreds of migrants crossed into Lithuania on Tuesday.",
        "Thousands of people tried to cross the border this year.",
        "Dozens of migrants were detained on Monday.",
        "Around 1 in 5 asylum applications were lodged in Germany this year.",
        "Nine out of 10 migrants who crossed the Channel this year claimed asylum.",
    ])
    func approximationsAreNotCounts(sentence: String) {
        #expect(facts(sentence).isEmpty)
    }
}
