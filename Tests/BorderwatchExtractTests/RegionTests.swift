import BorderwatchCore
import Testing
@testable import BorderwatchExtract

@Suite struct RegionTests {
    @Test(arguments: [
        ("VILNIUS - Lithuanian border guards detained 171 migrants crossing from Belarus on Tuesday.", "LT", "BY"),
        ("RIGA - Latvian border guards stopped 101 illegal migrants trying to get in from Belarus on Friday.", "LV", "BY"),
        ("The Home Office said 416 people crossed the Channel in small boats on Wednesday.", "GB", "FR"),
        ("More than 4,000 migrants have now arrived in the UK in 2021 after crossing the English Channel.", "GB", "FR"),
        ("U.S. Border Patrol agents apprehended 199,976 migrants along the southwest border in July.", "US", "MX"),
        ("More than 8,000 migrants swam into Spain's enclave of Ceuta from Morocco on Monday.", "ES", "MA"),
        ("Polish border guards said 500 people tried to cross from Belarus on Sunday.", "PL", "BY"),
        ("MONTREAL - Canada said 39,171 asylum seekers crossed irregularly at Roxham Road on Sunday.", "CA", "US"),
        ("Spanish rescuers saved 140 migrants off the Canary Islands on Tuesday.", "ES", "MA"),
        ("The Armed Forces of Malta rescued 53 migrants south of the island on Tuesday.", "MT", "LY"),
    ])
    func sentenceAndArticleNameTheRegion(sentence: String, region: String, via: String) {
        let fact = onlyFact(sentence)
        #expect(fact?.region == region)
        #expect(fact?.via == via)
    }

    /// French stops of UK-bound boats count for the border France guards (neighbours.tsv "FR+"):
    /// prevented, GB via FR, as the UK's small-boat figures count them.
    @Test func theFarSideStopsDeparturesForTheBorderItGuards() {
        let text = "Home Office figures show that 180 migrants crossed the Channel and reached the UK on July 12.\n\nFrench authorities intercepted more than 200 migrants on July 12 and stopped them from making the crossing."
        let found = facts(text, date: "2020-07-13")
        #expect(found.map(\.metric) == [.arrivals, .prevented])
        #expect(found.map(\.region) == ["GB", "GB"])
        #expect(found.map(\.via) == ["FR", "FR"])
        // a far side that guards no one's border counts its own stops
        let libya = onlyFact("Libya's coast guard intercepted 600 migrants at sea off Zuwara on Sunday.", date: "2023-06-12")
        #expect(libya?.region == "LY")
    }

    /// Where people are deported or pushed back to is no region: at most the via of a neighbour.
    @Test func theDestinationOfAReturnIsNotTheRegion() {
        let text = "ANKARA - Turkish authorities deported 320 migrants to Pakistan on Monday.\n\nThe interior ministry said it had deported 150 people to Afghanistan."
        #expect(facts(text, date: "2023-06-20").map(\.region) == ["TR", "TR"])
        let pushed = onlyFact("Greek police pushed back 300 people to Turkey on Wednesday.", date: "2023-11-03")
        #expect(pushed?.region == "GR")
        #expect(pushed?.via == "TR")
    }

    /// A sentence naming no country goes on about the region of the facts before it only when it
    /// counts the same thing.
    @Test func aForeignCountOfAnotherKindDoesNotCarryOver() {
        let text = "Some 696 migrants crossed the English Channel in small boats on Monday, the Ministry of Defence said. French authorities prevented 200 people from making the crossing.\n\nA total of 17,000 people have made the journey so far in 2022."
        #expect(facts(text, date: "2022-08-02").map(\.region) == ["GB", "GB", "GB"])
    }

    /// Arrivals are counted where people land or cross into, named right after the figure.
    @Test func arrivalsBelongToWhereTheyLand() {
        let text = "WARSAW - Polish border guards detained 50 migrants who crossed from Belarus on Monday.\n\nLast summer 400 migrants crossed into Lithuania."
        let found = facts(text, date: "2021-11-12")
        #expect(found.map(\.region) == ["PL", "LT"])
        #expect(found.map(\.via) == ["BY", "BY"])
    }

    /// The country right before a counting verb is the one that counts, even inside reported speech.
    @Test func theSubjectOfTheCountingVerbIsTheRegion() {
        let fact = onlyFact("Turkey says Greece has pushed back more than 42,000 migrants since 2020.", date: "2022-08-29")
        #expect(fact?.region == "GR")
        #expect(fact?.via == "TR")
    }

    /// A body named before a run of clauses speaks for all of them while no other country is named.
    @Test func anAuthoritySpeaksForItsWholeSentence() {
        let text = "A total of 358 migrants crossed the English Channel on Thursday. French authorities said they had prevented 74 crossings on Thursday and rescued 50 people whose dinghy was in difficulty."
        let found = facts(text, date: "2024-01-26")
        #expect(found.map(\.region) == ["GB", "GB", "GB"])
        #expect(found.map(\.via) == ["FR", "FR", "FR"])
        #expect(found.map(\.metric) == [.arrivals, .prevented, .prevented])
    }

    /// "In Libya, the coast guard ...": the country the sentence opens with is the counting one.
    @Test func aSentenceSetInACountryCountsThere() {
        let fact = onlyFact("In Libya, the coast guard returned 22,000 people to Libyan shores this year.", date: "2022-11-24")
        #expect(fact?.region == "LY")
        #expect(fact?.metric == .prevented)
    }

    /// A dateline names where the story was written: not the counting body, nor a route in.
    @Test func aDatelineIsNeitherBodyNorRoute() {
        let asylum = onlyFact("BRUSSELS - Half a million people applied for asylum in the European Union this year.", date: "2023-12-30")
        #expect(asylum?.region == "EU")
        let found = facts("VILNIUS - Lithuania detained 50 migrants on Monday and Latvia 30.", date: "2021-08-10")
        #expect(found.map(\.region) == ["LT", "LV"])
        #expect(found.map(\.via) == ["BY", "BY"])
    }

    /// A country right before a figure in a list names whose count it is.
    @Test func listedCountriesNameTheirOwnFigures() {
        let found = facts("Poland stopped 120 migrants on Sunday, Lithuania 45 and Latvia 12.", date: "2021-08-10")
        #expect(found.map(\.region) == ["PL", "LT", "LV"])
    }

    /// Frontex counts at the EU's external border: the EU's reserved code, not the dateline's country.
    @Test func frontexCountsForTheUnion() {
        let fact = onlyFact("BRUSSELS - Frontex said 355,300 irregular border crossings were detected in the first 11 months of 2023.", date: "2023-12-15")
        #expect(fact?.region == "EU")
    }

    @Test func wholeYearTotalsInheritViaFromTheArticle() {
        let text = "Lithuania has detained 397 migrants who crossed over from Belarus this year.\n\nThe border service detained 81 people in 2020."
        #expect(facts(text, date: "2021-06-17").map(\.via) == ["BY", "BY"])
    }

    /// A figure compared with another, set in a place of its own, counts there, over the same stretch.
    @Test func aComparedFigureInItsOwnPlace() {
        let found = facts("The IOM put arrivals since the beginning of the year at 21,400, against 19,800 in Greece.", date: "2019-08-01")
        #expect(found.map(\.value) == [21400, 19800])
        #expect(found.last?.region == "GR")
        #expect(found.map(\.period) == [found[0].period, found[0].period])
        #expect(found.first.map { if case .ytd = $0.period { true } else { false } } == true)
    }
}
