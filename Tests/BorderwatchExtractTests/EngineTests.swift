import BorderwatchCore
import Testing
@testable import BorderwatchExtract

@Suite struct EngineTests {
    /// Word salad from the engine's own vocabulary, odd figures and stray bytes never crash it,
    /// and every fact it returns is a sane count with its evidence.
    @Test func arbitraryTextNeverCrashes() {
        let pool = ["between", "and", "since", "by", "midnight", "on", "August", "Aug.", "3rd", "of", "Tuesday",
                    "Tuesday's", "before", "in", "2021", "last", "year", "week", "the", "whole", "record", "previous",
                    "more", "than", "about", "migrants", "people", "crossed", "turned", "back", "1,185", "1.2",
                    "million", "9,999,999,999,999,999,999,999", "99999999999999999999", "31", "0", "twenty-one",
                    "a", "dozen", ",", ".", "-", "\u{2014}", "\"", "(", ")", "\n", "\n\n", "Lithuanian", "border",
                    "guards", "from", "Belarus", "Channel", "03:20", "2021-02-30", "31.02.2021", "7.10am", "’s",
                    "\u{00A0}", "é", "🙂", "so", "far", "this", "today", "yesterday", "%", "$", "k", "U.S."]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let count = Int.random(in: 0..<40, using: &generator)
            let text = (0..<count).map { _ in pool.randomElement(using: &generator)! }.joined(separator: Bool.random(using: &generator) ? " " : "")
            for fact in facts(text) {
                #expect(fact.value >= 0 && fact.value < 1_000_000_000_000)
                #expect(!fact.evidence.isEmpty)
            }
        }
    }

    @Test func withoutAnArticleDateNothingIsGuessed() {
        #expect(FactEngine.english.facts(text: "Border guards detained 150 migrants on Friday.", date: nil).isEmpty)
    }

    @Test func sentencesWithoutACountingVerbGiveNothing() {
        #expect(facts("About 25,000 migrants were in custody on Friday.").isEmpty)
    }
}
