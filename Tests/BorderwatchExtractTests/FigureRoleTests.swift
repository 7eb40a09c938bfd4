import BorderwatchCore
import Testing
@testable import BorderwatchExtract

/// The phrase rules of FigureRoles.swift: each case is a probe written for the rule (not a
/// sentence of the gold sets), with the values that must stay facts and those that must not.
@Suite struct FigureRoleTests {
    struct Case: CustomStringConvertible, Sendable {
        let text: String
        let kept: [Int]
        let dropped: [Int]
        var description: String { text }
    }

    static let cases: [Case] = [
        // listed groups: men, women, children; nationalities
        Case(text: "Border guards detained 212 migrants on Tuesday: 120 men, 52 women and 40 children.",
             kept: [212], dropped: [120, 52, 40]),
        Case(text: "Police caught 57 migrants on Monday. They were 31 Syrians, 14 Iraqis and 12 Afghans.",
             kept: [57], dropped: [31, 14, 12]),
        // a nationality's share in brackets or after "at"
        Case(text: "Some 48,000 people applied for asylum in Belgium last year; Syrians (about 9,000) and Eritreans (6,100) led.",
             kept: [48000], dropped: [9000, 6100]),
        Case(text: "Police detained 96 migrants on Sunday. Syrians, at 40, and Iraqis, at 31, were the largest groups.",
             kept: [96], dropped: [40, 31]),
        // a part of a group named after it
        Case(text: "Eleven people drowned off Lesbos on Friday. Three children were among the dead.",
             kept: [11], dropped: [3]),
        // parts introduced as such
        Case(text: "On Monday 3,120 Afghans were deported, including 1,044 men and 980 children.",
             kept: [3120], dropped: [1044, 980]),
        // companions of a person told of
        Case(text: "A man drowned on Tuesday after he and six others jumped from the dinghy.",
             kept: [], dropped: [6]),
        // modal verb groups
        Case(text: "At this rate the year could end with more than 90,000 crossings.",
             kept: [], dropped: [90000]),
        Case(text: "Officials said 450 migrants would be moved to the mainland on Friday.",
             kept: [], dropped: [450]),
        Case(text: "In May 2,300 migrants crossed the border, officials said.",
             kept: [2300], dropped: []),
        // units continued without their noun
        Case(text: "On Sunday 41 boats reached the island, and since dawn a further 12 have been spotted.",
             kept: [], dropped: [41, 12]),
        // the last noun of a compound is its head
        Case(text: "Coastguards counted 17 migrant boats on Saturday.", kept: [], dropped: [17]),
        Case(text: "Police arrested 62 suspected migrant smugglers last month.", kept: [], dropped: [62]),
        // a span of years is no count
        Case(text: "Applications peaked during the crisis of 2015-16, officials said.", kept: [], dropped: [16]),
        // helpers and people cared for
        Case(text: "Police detained nine people on Monday for helping with illegal crossings.", kept: [], dropped: [9]),
        Case(text: "Twenty people were found alive in the lorry on Friday and taken to hospital.", kept: [], dropped: [20]),
        // nationality rankings; people staying somewhere
        Case(text: "Some 31,000 people applied for asylum this year. Nearly 4,000 Eritreans applied, the most common nationality.",
             kept: [31000], dropped: [4000]),
        Case(text: "Syrians were the largest group among the 300 migrants detained on Monday.", kept: [300], dropped: []),
        Case(text: "Police said on Monday that the 2,300 migrants living at the camp would be moved.", kept: [], dropped: [2300]),
        // per item, respondents
        Case(text: "Police intercepted three dinghies on Monday, each carrying about 40 migrants.", kept: [], dropped: [40]),
        Case(text: "The survey of 2,050 adults was carried out after 31 migrants crossed the border on Monday.",
             kept: [31], dropped: [2050]),
    ]

    @Test(arguments: cases) func figureRoles(_ probe: Case) {
        let values = Set(facts(probe.text, date: "2024-06-10").map(\.value))
        for value in probe.kept { #expect(values.contains(value), "\(value) should be a fact") }
        for value in probe.dropped { #expect(!values.contains(value), "\(value) should be no fact") }
    }

    /// In an article about a border, people stopped or rescued at sea off its far side did not get
    /// in: prevented, counted by the far side (SCHEMA: the authority that counted them).
    @Test func stoppedOrRescuedOnTheFarSideArePrevented() {
        let text = """
            Migrants crossing the Channel to the UK keep coming.

            On Sunday a coastguard patrol boat rescued 51 more migrants off the Pas-de-Calais coast.

            A further 76 people were stopped from reaching Britain by the French authorities on Sunday.

            Border Force brought 340 people ashore in Dover on Sunday.
            """
        let found = facts(text, date: "2022-11-14")
        for value in [51, 76] {
            let fact = found.first { $0.value == value }
            #expect(fact?.metric == .prevented && fact?.region == "GB" && fact?.via == "FR", "\(value): \(String(describing: fact))")
        }
        #expect(found.first { $0.value == 340 }?.metric == .arrivals)
    }

    /// "– August 21 2021: 828 people": a list of days with counts of people and no verb counts
    /// what the article counts.
    @Test func listOfDaysCountsTheArticlesCount() {
        let text = """
            At least 1,185 people crossed the Channel in small boats on Thursday, a new record.

            These were the earlier record days:

            – November 3 2021: 853 people

            – August 21 2021: 828 people
            """
        let days = facts(text, date: "2021-11-12").filter { $0.metric == .arrivals }.map(\.period)
        #expect(days.contains(.day(day("2021-11-03"))))
        #expect(days.contains(.day(day("2021-08-21"))))
    }

    /// A figure governed by its own sentence's verb and dated by its own wording is read strongly;
    /// one whose metric comes from the article's count, or with no time wording, weakly.
    @Test func strengthSaysHowFirmlyAFigureWasRead() {
        let text = """
            Lithuanian border guards detained 212 migrants on Tuesday who had crossed from Belarus.

            The 212 migrants on board were taken to a camp.

            Border guards detained 48 migrants who crossed from Belarus.
            """
        let found = facts(text, date: "2021-08-05")
        #expect(found.first { $0.value == 212 }?.strength == .strong)
        #expect(found.first { $0.value == 48 }?.strength == .weak)
    }
}
