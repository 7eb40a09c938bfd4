import Testing
@testable import BorderwatchExtract

@Suite struct LexiconTests {
    @Test func monthsAndWeekdaysResolveInAnyCase() {
        let lexicon = Lexicon.english
        #expect(lexicon.month(named: "August") == 8)
        #expect(lexicon.month(named: "Aug.") == 8)
        #expect(lexicon.month(named: "sept") == 9)
        #expect(lexicon.month(named: "Augustus") == nil)
        #expect(lexicon.weekday(named: "Tuesday") == 2)
        #expect(lexicon.weekday(named: "SUN") == 7)
        #expect(lexicon.weekday(named: "Someday") == nil)
    }

    @Test func parserSkipsCommentsAndRejectsLinesWithoutTab() throws {
        let table = try Lexicon.parse("# comment\n\nturned  back\tprevented\n", file: "t.tsv")
        #expect(table.longestMatch(in: ["turned", "back", "to"], at: 0)?.value == "prevented")
        #expect(table.longestMatch(in: ["turned", "back", "to"], at: 0)?.length == 2)
        #expect(throws: Lexicon.LoadError.self) { try Lexicon.parse("no tab here", file: "t.tsv") }
    }

    @Test func missingLanguageFailsWithAHelpfulMessage() {
        #expect(throws: Lexicon.LoadError.self) { try Lexicon.load(language: "xx") }
    }
}
