import BorderwatchCore
import Testing
@testable import BorderwatchExtract

@Suite struct ClassificationTests {
    @Test(arguments: [
        ("A record 287 migrants crossed from Belarus on Monday.", Metric.arrivals),
        ("Border guards detained 150 migrants who had come across from Belarus on Friday.", .arrivals),
        ("At least 409 people made the crossing on Wednesday.", .arrivals),
        ("On Saturday a further 151 migrants reached the UK after crossing the Dover Strait.", .arrivals),
        ("Some 180 migrants were directed back to Belarus on August 3.", .prevented),
        ("Lithuania turned back around 180 irregular migrants at its border on Tuesday.", .prevented),
        ("Latvian border guards have stopped 395 illegal migrants from crossing into the country on Monday.", .prevented),
        ("Greek police prevented 4,000 people from entering the country on Monday.", .prevented),
        ("They were part of a group of more than 380 migrants who tried to make the crossing on Sunday.", .attempts),
        ("Poland recorded 17,300 attempts to cross the border from Belarus in 2021.", .attempts),
        ("Iraq repatriated about 4,000 would-be migrants from Belarus on Sunday.", .returns),
        ("Mexico deported 2,300 Guatemalans last week.", .returns),
        ("At least 27 people drowned in the Channel on Wednesday.", .deaths),
        ("Germany received 190,816 asylum applications in 2020.", .asylumClaims),
        ("Spanish rescuers saved 140 migrants off the Canary Islands on Tuesday.", .arrivals),
        ("The Libyan coast guard pulled back 1,200 migrants on Sunday.", .prevented),
        ("Some 1,500 Afghans were flown back to Kabul on Monday.", .returns),
        ("Title 42 expulsions reached 92,000 in March.", .returns),
        ("Rescuers found 12 people dead on a beach near Zuwara on Monday.", .deaths),
        ("At least 41 migrants went missing off Lampedusa on Thursday.", .deaths),
        ("Some 5,000 people applied for international protection in Malta last year.", .asylumClaims),
        ("The Italian coast guard rescued 500 migrants trying to reach Italy on Sunday.", .arrivals),
        ("Macedonia let in only 300 people on Sunday.", .arrivals),
        ("The route has claimed the lives of 28,000 people since 2014.", .deaths),
        ("Over the year 18,200 people lodged an application for international protection in Ireland.", .asylumClaims),
        ("Last month 2,900 newcomers filed a first asylum application in Sweden.", .asylumClaims),
        ("In 2019 the authorities recorded 18,815 cases of attempted irregular crossings.", .attempts),
        // the coast guard of a country people leave by sea catches them leaving
        ("The Turkish coast guard caught 260 irregular migrants off Izmir on Friday.", .prevented),
        ("The Greek coast guard picked up 50 migrants off Lesbos on Friday.", .arrivals),
        // foreigners leaving the country that counts them
        ("Pakistani officials said 3,200 Afghans left Pakistan through Torkham on Monday.", .returns),
        // people of a nationality taken or going back to their own country
        ("On Tuesday the government flew 230 Albanians back to Tirana.", .returns),
        ("Since March, 12,400 Afghan nationals have gone back to Afghanistan.", .returns),
        ("Lithuanian border guards turned back 150 Iraqis to Belarus on Monday.", .prevented),
        // a footnote reference after the sentence is no figure
        ("Police prevented 9,487 people from crossing the border irregularly in 2019.[2]", .prevented),
        // requests, and the number of applicants, counted on their own are asylum claims
        ("Belgium's asylum office received its highest number of requests (3,900) in October.", .asylumClaims),
        ("The monthly total of applicants (2,210) fell in March.", .asylumClaims),
        ("A boat sank off Lesbos on Monday, killing at least 12 people.", .deaths),
        ("Police kept some 3,000 migrants from illegally entering the country on Friday.", .prevented),
        ("On Sunday around 900 people tried to cross the border and were stopped by the army.", .prevented),
        ("Some 38 Georgians were sent back from Germany on Tuesday.", .returns),
        // a plural demonym the gazetteer holds in the singular
        ("Police arrested 40 Eritreans near the border on Monday.", .arrivals),
        // the main verb after the people's relative clause says what the count is
        ("More than 60 Nigerians who had tried to reach Spain are back in their home country after being deported.", .returns),
        ("Some 300 people who tried to cross the border were pushed back on Monday.", .prevented),
        // a phrasal verb split by its object: "bring ... to safety"
        ("On Monday rescue vessels helped bring 312 people to safety off Almería.", .arrivals),
        ("Italy took in 12,400 people by sea in the first half of the year.", .arrivals),
        ("The body of one more migrant has been found in the Evros forest.", .deaths),
        ("The toll of migrants lost off Lesbos climbs to 40.", .deaths),
        ("On Sunday 420 people made the perilous crossing to Lampedusa.", .arrivals),
        // refugees who fled into a country arrived there
        ("Some 4,300 refugees fled into Uganda on Sunday.", .arrivals),
        // people's own lives are no count of the dead
        ("Since January some 4,100 people have risked their lives to reach Lampedusa.", .arrivals),
    ])
    func governingWordsGiveTheMetric(sentence: String, metric: Metric) {
        #expect(onlyFact(sentence)?.metric == metric)
    }

    @Test(arguments: [
        "Frontex has deployed 35 officers to Lithuania this week.",
        "Each of the four weekly flights from Iraq carries up to 500 passengers.",
        "Border Force teams stopped 17 boats on Thursday.",
        "The Home Office said Border Force had handled at least 27 \"incidents\" on Wednesday.",
        "The fence will cost roughly 41 million euros.",
        "The border runs for 679 kilometres (422 miles).",
        "The A400M has a payload of 37 tonnes.",
        "That figure is three times the previous daily number of migrants detained.",
        "The number of migrants who crossed this year is 26 times more than in 2020.",
        "More than two-thirds of them are Iraqi nationals who arrived in Minsk.",
        "The migrants crossed at about 03:20 BST on Tuesday.",
        "Among them are 1,910 citizens of Iraq, 191 of the Republic of the Congo and 81 of Iran.",
        "The state of emergency was not a response to any danger to the nation of 2.8 million people who live there.",
        "Police arrested eight protesters and two officers were hurt.",
        "Belarus was accused of flying in around 4,000 migrants from Iraq to Minsk.",
        "Some 20 per cent of the migrants who crossed were children.",
        "A 10-year-old boy crossed with his mother.",
        "Since 2016 the route has been watched by the coastguard.",
        "Police detained 12 people smugglers near the border on Monday.",
        "The reception centre, built for 400 people, is full.",
    ])
    func distractorsAreNeverFacts(sentence: String) {
        #expect(facts(sentence).isEmpty, "\(facts(sentence).map { "\($0.metric) \($0.value)" })")
    }

    /// A verb right before each of two figures governs its own: the second one's verb does not
    /// reach back over the first.
    @Test func eachFigureKeepsTheVerbBeforeIt() {
        let found = facts("Hungarian police said they had apprehended 1,700 people and pushed back 300 to Serbia on Sunday.", date: "2022-08-22")
        #expect(found.map(\.metric) == [.arrivals, .prevented])
        #expect(facts("Some 1,700 people crossed and 300 were turned back on Sunday.").map(\.metric) == [.arrivals, .prevented])
        #expect(facts("Some 1,000 migrants tried to storm the fence in Melilla on Friday, and 133 got in.").map(\.metric) == [.attempts, .arrivals])
    }

    @Test func theVerbRightBeforeAFigureShadowsEarlierOnes() {
        let found = facts("Greek authorities said they had prevented 24,203 people from crossing and arrested 183 people.", date: "2020-03-03")
        #expect(found.map(\.metric) == [.prevented, .arrivals])
    }

    /// "up from", "compared with": the figure counts what the one it is set against counts.
    @Test func aComparedFigureCountsTheSameThing() {
        let found = facts("Polish border guards recorded 17,300 attempts to illegally cross the border from Belarus in October, up from 7,700 in September.", date: "2021-10-27")
        #expect(found.map(\.metric) == [.attempts, .attempts])
        let total = facts("A total of 358 migrants crossed the Channel on Thursday. The figures bring the total for January to 1,194, compared with 1,180 in January last year.", date: "2024-01-26")
        #expect(total.map(\.period) == [.day(day("2024-01-25")), .month(year: 2024, month: 1), .month(year: 2023, month: 1)])
        let standing = facts("Some 755 people crossed the Channel on Thursday. The cumulative total for 2023 is now 16,755, compared with 22,000 at this point last year.", date: "2023-08-09")
        #expect(standing.map(\.value) == [755, 16_755, 22_000])
        #expect(standing.last?.period == .ytd(year: 2022, asOf: day("2022-08-03")))
        let fiscal = facts("CBP encountered 2,476,000 migrants in fiscal year 2023, up from 2,378,944 the previous year.", date: "2023-12-20")
        #expect(fiscal.map(\.period) == [.span(start: day("2022-10-01"), end: day("2023-09-30")), .span(start: day("2021-10-01"), end: day("2022-09-30"))])
        let next = facts("U.S. authorities made 251,487 apprehensions at the border in December. That compared with 235,785 in November.", date: "2023-01-10")
        #expect(next.map(\.value) == [251_487, 235_785])
        #expect(next.map(\.period) == [.month(year: 2022, month: 12), .month(year: 2022, month: 11)])
    }

    /// A country's authority catching people on their way to the neighbour they head for prevents
    /// the crossing; it does not count arrivals.
    @Test func catchingPeopleOnTheWayOutIsPrevented() {
        let fact = onlyFact("Tunisian authorities intercepted 1,200 migrants trying to reach Italy on Sunday.", date: "2023-09-18")
        #expect(fact?.metric == .prevented)
        #expect(fact?.region == "TN")
        #expect(fact?.via == nil)
    }

    @Test func attemptsStoppedArePrevented() {
        #expect(onlyFact("In 2022, 75,184 attempts were thwarted by Moroccan authorities.", date: "2023-07-03")?.metric == .prevented)
        #expect(onlyFact("Polish border guards recorded 599 attempts to cross on Monday.")?.metric == .attempts)
    }

    /// "stopped 180,034 times" counts events; "three times the number" is a ratio.
    @Test func timesCountsEventsUnlessARatioFollows() {
        #expect(onlyFact("U.S. authorities encountered migrants 180,034 times at the border in April.", date: "2021-06-01")?.value == 180_034)
        #expect(facts("Border guards detained 150 migrants on Friday, three times the previous daily number.").map(\.value) == [150])
        #expect(facts("This year 4,000 people crossed, 26 times more than in 2020.").map(\.value) == [4000])
    }

    /// The side people leave from intercepting them prevents the crossing; the side they reach
    /// intercepting them counts arrivals.
    @Test func interceptionsOnTheWayOutArePrevented() {
        let tunisia = onlyFact("Tunisia's national guard said it had intercepted 69,963 people at sea in 2023.", date: "2024-01-18")
        #expect(tunisia?.metric == .prevented)
        #expect(tunisia?.region == "TN")
        let libya = onlyFact("The Libyan coast guard intercepted 500 migrants off Zuwara on Sunday.", date: "2023-09-18")
        #expect(libya?.metric == .prevented)
        #expect(onlyFact("The Hellenic Coast Guard intercepted 300 migrants off Lesbos on Sunday.", date: "2023-09-18")?.metric == .arrivals)
        // brought back to the country that caught them: a pullback, not a deportation
        #expect(onlyFact("The Libyan coast guard intercepted 500 migrants on Sunday and returned them to Libya.", date: "2023-09-18")?.metric == .prevented)
        #expect(onlyFact("Greece returned 45 people to Turkey on Sunday.", date: "2023-09-18")?.metric == .returns)
    }

    /// "the highest since 2016" or "in two decades" is the highest of a stretch, not a record.
    @Test func aHighestSinceAYearIsNoRecord() {
        #expect(onlyFact("German police detected 21,366 unauthorised entries in September, the highest monthly figure since 2016.", date: "2023-10-20")?.record == false)
        #expect(onlyFact("U.S. authorities encountered migrants 180,034 times in April, the highest monthly number in more than two decades.", date: "2021-06-01")?.record == false)
        #expect(onlyFact("Border guards detained 171 migrants on Tuesday, the highest number for a single day since the start of the year.")?.record == true)
    }

    /// Rates, ranges of units and targets for the future are no counts.
    @Test(arguments: [
        "About 10,000 migrants a day were crossing in the days before Title 42 expired.",
        "The fishing trawler was 25 to 30 metres long.",
        "Greek authorities arrested nine suspects aged 20 to 40.",
        "The government promised to process 100,000 asylum claims by the end of next year.",
        "Officials expect 5,000 arrivals next month.",
        "The island has a population of about 6,000 people.",
        "The bill passed its third reading with a majority of 44.",
        "Children under the age of 14 need a guardian.",
        "Boats carried 50 people per boat on average.",
        "The figures for 2022/23 were published on 7/9.",
        "The 2 million Syrians in Turkey are not counted.",
    ])
    func notCounts(sentence: String) {
        #expect(facts(sentence, date: "2023-06-16").isEmpty, "\(sentence)")
    }

    @Test func namesWithCountingWordsGovernNothing() {
        #expect(facts("The Italian Red Cross said 6,800 people were at the hotspot on Wednesday.", date: "2023-09-13").isEmpty)
    }

    @Test func aPartOfALargerGroupIsNoFact() {
        #expect(facts("A boy and two women were among 27 people who died in the Channel on Wednesday.").map(\.value) == [27])
        #expect(facts("Two children were among 12 dead on Monday, and 9 were injured.").map(\.value) == [12])
        // a change is no count; the level it reaches is
        #expect(facts("Arrivals rose by 1,200 to 5,000 in May.").map(\.value) == [5000])
        #expect(facts("Some 4,000 more people crossed this year than last.").isEmpty)
        // an age limit is no figure, and takes no day from the count beyond it
        let young = facts("Some 300 children under 18 crossed on Monday.")
        #expect(young.map(\.value) == [300])
        #expect(young.map(\.period) == [.day(day("2021-08-02"))])
    }

    @Test(arguments: ["A record-breaking 1,300 people crossed on Sunday.", "A record-high 900 migrants were detained on Saturday.",
                      "Some 800 people arrived on Friday, the highest-ever number."])
    func hyphenatedRecordWordsSetTheFlag(sentence: String) {
        #expect(onlyFact(sentence, date: "2023-05-29")?.record == true)
    }

    @Test func recordClaimsSetTheFlag() {
        #expect(onlyFact("A record 287 migrants crossed from Belarus on Monday.")?.record == true)
        #expect(onlyFact("Border guards detained 171 people on Tuesday, the largest number in a single day this year.")?.record == true)
        #expect(onlyFact("Border guards detained 150 migrants on Friday, three times the previous daily number.")?.record == false)
        let found = facts("More than 1,450 migrants reached the UK by small boat in August.\n\nThat is thought to be the highest total for any single month.", date: "2020-09-01")
        #expect(found.first?.record == true)
    }

    @Test func anEarlierRecordSetInAYearIsThatYearsFigure() {
        let found = facts("A record 39,910 migrants reached the Canary Islands by boat in 2023, surpassing the previous high of 31,678 set in 2006.", date: "2024-01-03")
        #expect(found.map(\.value) == [39_910, 31_678])
        #expect(found.map(\.period) == [.year(2023), .year(2006)])
        #expect(found.allSatisfy { $0.record })
    }

    /// "previous high" with a length of time or a year inside it is still the phrase that names an
    /// earlier record, and makes the figure beating it a record of the article's count.
    @Test func aRecordPhraseWithALengthOfTimeInside() {
        let found = facts("On Sunday about 640 people in 12 boats braved the Strait, beating the previous 24-hour high of 590, set on June 3.", date: "2024-06-24")
        #expect(found.map(\.value) == [640, 590])
        #expect(found.map(\.metric) == [.arrivals, .arrivals])
        #expect(found.map(\.period) == [.day(day("2024-06-23")), .day(day("2024-06-03"))])
        #expect(found.allSatisfy { $0.record })
    }

    /// People rescued at sea by the services of the side they left from did not get across.
    @Test func rescuedByTheFarSideArePrevented() {
        let text = "More than 300 migrants crossed the English Channel to the UK in small boats on Saturday, the Home Office said. A French patrol boat went out twice on Saturday, rescuing 48 migrants in the night and 22 at dawn."
        let found = facts(text, date: "2022-11-14")
        #expect(found.map(\.value) == [300, 48, 22])
        #expect(found.map(\.metric) == [.arrivals, .prevented, .prevented])
    }

    /// Picked up at sea off the far side's coast, or by a national rescue body of the far side.
    @Test func rescuedOffTheFarSidesCoastArePrevented() {
        let text = "More than 500 migrants crossed the English Channel to the UK on Sunday, the Home Office said. "
            + "On Sunday a customs launch rescued 14 migrants off the coast of Calais. "
            + "A lifeboat of the French national sea rescue society went to the aid of a dinghy, rescuing 41 people."
        let found = facts(text, date: "2022-11-14")
        #expect(found.map(\.value) == [500, 14, 41])
        #expect(found.map(\.metric) == [.arrivals, .prevented, .prevented])
    }

    @Test func agesAreNoCounts() {
        let found = facts("Ten migrants, aged between 23 and 28, reached Ceuta by swimming on Saturday.", date: "2023-05-28")
        #expect(found.map(\.value) == [10])
    }

    @Test func earlierRecordsAreMarked() {
        let fact = onlyFact("The last record, 171 apprehended migrants, was set on July 28.", date: "2021-08-02")
        #expect(fact?.record == true)
        #expect(fact?.isPreviousRecord == true)
        #expect(fact?.period == .day(day("2021-07-28")))
    }

    @Test func aFigureRepeatedWithWeakerDatingIsOneFact() {
        let text = "Latvian border guards have stopped 395 illegal migrants from crossing from Belarus, the service said on Monday.\n\nHe said 395 trespassers had been turned back by midnight on August 15."
        let found = facts(text, date: "2021-08-16")
        #expect(found.count == 1)
        #expect(found.first?.period == .span(start: nil, end: day("2021-08-15")))
    }

    /// The object pronoun may stand between a verb and its particle: "escorted them back" is a push-back.
    @Test func aPronounBetweenVerbAndParticle() {
        let found = facts("On Tuesday police detained 212 border violators near Roszke and escorted them back across the fence.", date: "2022-06-15")
        #expect(found.map(\.value) == [212])
        #expect(found.map(\.metric) == [.prevented])
    }

    /// "sent back to <country>" sends people to a country after they were in this one: returns;
    /// bare "sent back" at the border stays prevented.
    @Test func sentBackToACountryIsAReturn() {
        let home = facts("Officials said 640 adults had been sent back to Morocco on Wednesday.", date: "2022-03-10")
        #expect(home.map(\.metric) == [.returns])
        let border = facts("Border guards sent back 31 migrants on Wednesday.", date: "2022-03-10")
        #expect(border.map(\.metric) == [.prevented])
    }

    /// A figure in a comparison ("the total compares with ...") counts what it is compared with.
    @Test func comparesWithTakesTheComparedMetric() {
        let found = facts("At least 2,311 migrants died on the route in 2019. The total compares with 1,980 in 2018.", date: "2020-01-10")
        #expect(found.map(\.value) == [2311, 1980])
        #expect(found.map(\.metric) == [.deaths, .deaths])
    }

    /// "N such incidents" after a count of incidents goes on counting incidents; after a count of
    /// people only, "such cases" refers to those people.
    @Test func suchBeforeAUnitCountedBeforeIsNoCountOfPeople() {
        let units = facts("Police caught 75 migrants in 9 incidents on Friday. Officers said 14 such incidents were logged this week.", date: "2022-06-18")
        #expect(units.map(\.value) == [75])
        let people = facts("Police caught 75 migrants on Friday. Officers handled 1,400 such cases this year.", date: "2022-06-18")
        #expect(people.map(\.value) == [75, 1400])
    }

    /// People from a country sheltered under temporary protection were admitted, not counted as
    /// irregular arrivals; the count goes on in its own and the next sentence, and a sentence setting
    /// the country apart still counts.
    @Test func peopleUnderTemporaryProtectionAreNoIrregularCount() {
        let text = "Some 31,200 refugees have arrived from Ukraine since March, 9,000 of them in May. Arrivals slowed in June, with 2,100 recorded. Separately, 640 asylum seekers from countries other than Ukraine arrived in Ireland in June."
        let found = facts(text, date: "2022-07-04")
        #expect(found.map(\.value) == [640])
        let before = facts("Some 3,100 migrants arrived from Ukraine in 2019.", date: "2020-01-04")
        #expect(before.map(\.value) == [3100])
    }

    /// A figure whose subject is a part of a group ("single adults for 21,000", "unaccompanied minors
    /// ... numbered 940") breaks a count down; the count itself stays.
    @Test func aGroupAsTheSubjectBreaksACountDown() {
        let text = "Agents apprehended 70,400 migrants in March. Of those, family units accounted for 41,000 and single adults for 21,000. Unaccompanied minors arriving in Texas numbered 940."
        let found = facts(text, date: "2019-04-09")
        #expect(found.map(\.value) == [70400])
    }

    /// "..., and September its highest (4,435)": a clause with its verb left out counts what the
    /// clause before counted; a country's bracketed share ("and Syria (715)") does not.
    @Test func aGappedClauseCountsTheSame() {
        let found = facts("April brought the office its fewest applications (900), and October its most (2,750).", date: "2023-01-15")
        #expect(found.map(\.value) == [900, 2750])
        #expect(found.allSatisfy { $0.metric == .asylumClaims })
        let shares = facts("Most of the 3,100 people detained came from Syria (1,200) and Afghanistan (800).", date: "2023-01-15")
        #expect(shares.map(\.value) == [3100])
    }

    /// "border violators" are people counted; the object of a counting verb is no stock for the
    /// clause that says who they were; "with N following" is the next count of the run.
    @Test func aRunOfDailyArrestsOfBorderViolators() {
        let text = "On Monday police detained 212 border violators who were staying in Hungary illegally and escorted them back, "
            + "with 190 following on Tuesday."
        let found = facts(text, date: "2022-05-11")
        #expect(found.map(\.value) == [212, 190])
        #expect(found.map(\.period) == [.day(day("2022-05-09")), .day(day("2022-05-10"))])
        #expect(found.allSatisfy { $0.metric == .prevented })
        // the stock clause still reads as a stock when no counting verb governs the figure
        #expect(facts("Some 1,400 migrants were staying in the camp on Monday.", date: "2022-05-11").isEmpty)
    }

    /// The people a picture shows are no count; the count told beside it is.
    @Test func thePeopleAVideoShowsAreNoCount() {
        let text = "Guards stopped 212 attempts to cross on Sunday. A video released by the guards shows a group of 45 migrants cutting the fence."
        #expect(facts(text, date: "2021-11-15").map(\.value) == [212])
    }

    /// Crossings named as places are no count; a tally standing at a number of crossings is one.
    @Test func crossingPlacesAreNoCount() {
        let places = "Police set up checks at 14 crossings on the border and detained 85 migrants on Friday. "
            + "Officers now watch all 31 road and rail crossings."
        #expect(facts(places, date: "2022-09-30").map(\.value) == [85])
        #expect(facts("The tally now stands at well over 12,000 crossings this year.", date: "2022-09-30").map(\.value) == [12000])
    }

    /// People awaiting a decision are a backlog, not claims made.
    @Test func aBacklogIsNoCount() {
        #expect(facts("At the end of March, 98,000 people in the UK were awaiting an initial decision on their claim.", date: "2023-05-25").isEmpty)
    }

    /// A figure set off as a fraction of a larger one after it is a part of that count.
    @Test func aFractionOfALaterFigureIsAPart() {
        let text = "Some 6,000 Syrians have crossed into Greece this year, nearly a third of the 19,000 people who arrived."
        #expect(facts(text, date: "2023-06-01").map(\.value) == [19000])
    }

    /// People detained as suspects are no migrants counted.
    @Test func suspectsAreNoCount() {
        #expect(facts("Four Italians have been detained as suspects.", date: "2023-02-18").isEmpty)
    }

    /// A record the lead gives no day is of the day the article dates the figure its bound allows;
    /// the figure that beat the previous record is the new one.
    @Test func anUndatedRecordLeadTakesTheDayOfItsDatedFigure() {
        let text = "In the largest one-day total ever recorded, more than 900 people crossed the Channel in small boats.\n\n"
            + "Sunday's 934 arrivals beat the previous one-day record of 828, which was set on August 21."
        let found = facts(text, date: "2022-08-30")
        #expect(found.map(\.value) == [900, 934, 828])
        #expect(found.map(\.period) == [.day(day("2022-08-28")), .day(day("2022-08-28")), .day(day("2022-08-21"))])
        #expect(found.map(\.record) == [true, true, true])
    }

    /// People who drove or smuggled others are suspects, and so are the parts told of them.
    @Test func driversAndThePartsOfSuspectsAreNoCount() {
        let text = "Guards stopped 212 attempts to cross on Sunday. Officers caught 48 people, most of whom had tried to drive migrants to Germany. "
            + "Police detained 60 people suspected of smuggling, and 12 of them were charged."
        #expect(facts(text, date: "2021-10-04").map(\.value) == [212])
    }

    /// "the year's high" calls the figure a record, and names the article's count.
    @Test func theYearsHighIsARecordOfTheMainCount() {
        let text = "Some 812 people crossed the Channel on Thursday. Until then, the year's high had been 702 people, on June 12."
        let found = facts(text, date: "2023-08-11")
        #expect(found.map(\.value) == [812, 702])
        #expect(found.last?.metric == .arrivals)
        #expect(found.last?.period == .day(day("2023-06-12")))
        #expect(found.last?.record == true)
    }

    /// "That tally, 696 according to the Ministry of Defence": a tally set off by a comma names the
    /// count told before, on its day; its source after it is no noun.
    @Test func aTallySetOffByACommaIsTheCountBefore() {
        let text = "On Monday almost 800 migrants crossed the Channel.\n\nThat tally, 788 according to the Home Office, beat the previous record of 651 set in April."
        let found = facts(text, date: "2022-08-02")
        #expect(found.map(\.value) == [800, 788, 651])
        #expect(found.prefix(2).allSatisfy { $0.metric == .arrivals && $0.period == .day(day("2022-08-01")) })
    }

    /// A verb that counts whatever its noun is goes on with the noun the list named first.
    @Test func aCountingVerbGoesOnWithTheListsNoun() {
        let found = facts("Malta had just 120 asylum applications lodged last year, while Cyprus registered 2,400 and Greece 9,100.", date: "2023-02-20")
        #expect(found.map(\.value) == [120, 2400, 9100])
        #expect(found.allSatisfy { $0.metric == .asylumClaims })
    }

    /// A year cut to two digits after an apostrophe is no figure.
    @Test func aYearCutToTwoDigitsIsNoFigure() {
        #expect(facts("Agents apprehended 98,000 migrants at the border in May, 40% above May '22.", date: "2023-06-10").map(\.value) == [98000])
    }

    /// "the majority of N" is most of a count, which the figure is; "a majority of N" is a vote.
    @Test func theMajorityOfACountIsTheCount() {
        let found = facts("The majority of some 8,000 migrants who have entered Bosnia since the start of the year have moved on.", date: "2018-08-21")
        #expect(found.map(\.value) == [8000])
        #expect(facts("The bill passed with a majority of 44.", date: "2018-08-21").isEmpty)
    }

    /// "the count was N" after a count of a whole stretch goes on counting what that count counted,
    /// whatever the article's main count is.
    @Test func theCountWasGoesOnWithTheCountJustTold() {
        let text = "French ships rescued 60 migrants on Saturday and brought them back to Calais. French rescuers picked up 45 more on Sunday.\n\n"
            + "From January to July this year, 8,300 people attempted the crossing. For the whole of 2020 the count was 9,551."
        let found = facts(text, date: "2021-08-23")
        #expect(found.first { $0.value == 9551 }?.metric == .attempts)
    }

    /// A figure in words that a toll or total is said to be is a count.
    @Test func aTollInWordsIsACount() {
        let found = facts("In 2021 five people died off Calais, while the death toll for 2020 was four.", date: "2022-01-05")
        #expect(found.map(\.value) == [5, 4])
        #expect(found.allSatisfy { $0.metric == .deaths })
        #expect(found.last?.period == .year(2020))
    }
}
