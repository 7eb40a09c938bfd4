import BorderwatchCore
@testable import BorderwatchRules
import Testing

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private func fact(_ value: Int, _ period: Period, metric: Metric = .arrivals, bound: Bound = .exact, record: Bool = false,
                  previous: Bool = false) -> Fact {
    Fact(metric: metric, value: value, bound: bound, period: period, region: "LT", via: "BY", record: record,
         evidence: "evidence for \(value)", isPreviousRecord: previous)
}

private func stored(_ value: Int, _ period: Period, metric: Metric = .arrivals, via: String? = "BY") -> StoredObservation {
    StoredObservation(region: "LT", via: via, metric: metric, period: period, value: value)
}

/// Evaluates one fact of an article dated `date` against `others` plus the fact's own observation.
private func evaluate(_ fact: Fact, date: String = "2021-08-03", others: [StoredObservation],
                      configure: (inout RulesConfiguration) -> Void = { _ in }) -> [AlertEvent] {
    var configuration = RulesConfiguration()
    configure(&configuration)
    let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: day(date)), facts: [fact])
    let own = StoredObservation(region: "LT", via: fact.via, metric: fact.metric, period: fact.period, value: fact.value,
                                bound: fact.bound)
    return AlertRules(configuration: configuration).evaluate(article, observations: others + [own], today: day("2030-01-01"))
}

@Suite struct DailyRecordTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var fact: Fact
        var others: [StoredObservation]
        var fires: Bool
        var testDescription: String { name }
    }

    static let d = day("2021-08-02")
    static let cases: [Case] = [
        Case(name: "higher than every other day", fact: fact(287, .day(d)), others: [stored(171, .day(day("2021-07-27")))], fires: true),
        Case(name: "a tie is not a record", fact: fact(171, .day(d)), others: [stored(171, .day(day("2021-07-27")))], fires: false),
        Case(name: "lower than a later day", fact: fact(166, .day(d)), others: [stored(180, .day(day("2021-08-03")))], fires: false),
        Case(name: "first of a series, not called a record", fact: fact(6, .day(d)), others: [], fires: false),
        Case(name: "first of a series, called a record", fact: fact(180, .day(d), record: true), others: [], fires: true),
        Case(name: "the previous record never fires", fact: fact(235, .day(d), record: true, previous: true),
             others: [stored(202, .day(day("2021-07-30")))], fires: false),
        Case(name: "older than the news window", fact: fact(300, .day(day("2021-07-20"))),
             others: [stored(171, .day(day("2021-07-27")))], fires: false),
        Case(name: "another year does not count", fact: fact(50, .day(d)), others: [stored(400, .day(day("2020-09-02")))], fires: false),
        Case(name: "other metrics do not count", fact: fact(50, .day(d)),
             others: [stored(400, .day(day("2021-07-02")), metric: .prevented), stored(20, .day(day("2021-07-01")))], fires: true),
        Case(name: "the same day with another via ties", fact: fact(171, .day(d), record: true),
             others: [stored(171, .day(d), via: nil)], fires: false),
    ]

    @Test(arguments: cases) func dailyRecord(_ c: Case) {
        let events = evaluate(c.fact, others: c.others).filter { $0.kind == .dailyRecord }
        #expect(events.count == (c.fires ? 1 : 0))
    }

    @Test func allTimeScopeComparesEveryYear() {
        let events = evaluate(fact(300, .day(Self.d)), others: [stored(400, .day(day("2020-09-02"))), stored(10, .day(day("2021-07-01")))]) {
            $0.dailyRecord.scope = .allTime
        }
        #expect(events.isEmpty)
    }

    @Test func theEventCarriesAStableIdThePreviousRecordAndOneSentence() throws {
        let events = evaluate(fact(287, .day(Self.d)), others: [stored(171, .day(day("2021-07-27"))),
                                                               stored(171, .day(day("2021-07-28"))),
                                                               stored(150, .day(day("2021-07-02")))])
        let event = try #require(events.first)
        #expect(event.id == "daily_record:LT:arrivals:2021-08-02")
        #expect(event.previous == .day(value: 171, date: day("2021-07-27")))
        #expect(event.text == "Lithuania: record 287 arrivals from Belarus in one day (2 Aug 2021), previous record 171 on 27 Jul")
        #expect(event.sources == [AlertSource(article: "a.txt", title: "T", evidence: "evidence for 287")])
    }

    /// The previous record is the highest figure of an earlier day; a lower figure of a later day
    /// (a count told after the record) was never the record before it.
    @Test func thePreviousRecordIsOfAnEarlierDay() throws {
        let later = evaluate(fact(287, .day(Self.d), record: true), others: [stored(171, .day(day("2021-07-27"))),
                                                                             stored(200, .day(day("2021-08-03")))])
        #expect(try #require(later.first { $0.kind == .dailyRecord }).previous == .day(value: 171, date: day("2021-07-27")))
        let onlyLater = evaluate(fact(287, .day(Self.d), record: true), others: [stored(200, .day(day("2021-08-03")))])
        let event = try #require(onlyLater.first { $0.kind == .dailyRecord })
        #expect(event.previous == nil)
        #expect(event.text == "Lithuania: record 287 arrivals from Belarus in one day (2 Aug 2021)")
    }

    @Test func anOutvotedValueOfTheSameDayDoesNotFire() {
        var configuration = RulesConfiguration()
        configuration.newsWindowDays = 7
        let f = fact(300, .day(Self.d), bound: .approx)
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", date: Self.d), facts: [f])
        let observations = [StoredObservation(region: "LT", via: "BY", metric: .arrivals, period: .day(Self.d), value: 287),
                            stored(171, .day(day("2021-07-27")))]
        #expect(AlertRules(configuration: configuration).evaluate(article, observations: observations, today: Self.d).isEmpty)
    }
}

@Suite struct ThresholdAndTotalTests {
    @Test(arguments: [
        (200, Bound.exact, [150, 250], 150 as Int?),
        (260, .exact, [150, 250], 250),
        (100, .exact, [150, 250], nil),
        (300, .approx, [150, 250], nil),
        (300, .atLeast, [150], 150),
    ])
    func dailyThreshold(value: Int, bound: Bound, levels: [Int], expected: Int?) {
        let events = evaluate(fact(value, .day(day("2021-08-02")), bound: bound), others: []) { rules in
            rules.dailyThresholds = levels.map { .init(region: "*", metric: .arrivals, level: $0) }
        }.filter { $0.kind == .dailyThreshold }
        #expect(events.first?.threshold == expected)
        if let expected { #expect(events.first?.id == "daily_threshold:LT:arrivals:2021-08-02:\(expected)") }
    }

    @Test(arguments: [
        (3027, [2900], 3000 as Int?),     // passes 3,000
        (3027, [3001], nil),              // another total already passed it
        (999, [], nil),                   // below the first step
        (4100, [2500], 4000),             // several levels at once: the highest
    ])
    func ytdMilestone(value: Int, others: [Int], expected: Int?) {
        let asOf = day("2021-08-02")
        let events = evaluate(fact(value, .ytd(year: 2021, asOf: asOf)),
                              others: others.map { stored($0, .ytd(year: 2021, asOf: day("2021-07-20"))) })
            .filter { $0.kind == .ytdMilestone }
        #expect(events.first?.threshold == expected)
    }

    @Test func ytdExceedsLastYearOnceWithTheRatio() throws {
        let asOf = day("2021-06-17")
        let lastYear = stored(81, .year(2020))
        let events = evaluate(fact(397, .ytd(year: 2021, asOf: asOf)), date: "2021-06-17", others: [lastYear])
            .filter { $0.kind == .ytdExceedsYear }
        let event = try #require(events.first)
        #expect(event.previous == .year(year: 2020, value: 81))
        #expect(event.id == "ytd_exceeds_year:LT:BY:arrivals:2021")
        #expect(event.text.contains("4.9 times"))
        let again = evaluate(fact(500, .ytd(year: 2021, asOf: asOf)), date: "2021-06-17",
                             others: [lastYear, stored(397, .ytd(year: 2021, asOf: day("2021-06-10")))])
        #expect(!again.contains { $0.kind == .ytdExceedsYear })
    }
}

@Suite struct AlertTextTests {
    /// The qualifier in the sentence is the fact's bound, word for word: "at least", never "more than".
    @Test(arguments: [
        (Bound.exact, "1,185"), (.approx, "about 1,185"), (.atLeast, "at least 1,185"), (.atMost, "up to 1,185"),
    ])
    func figureWording(_ bound: Bound, _ text: String) {
        let fact = Fact(metric: .arrivals, value: 1185, bound: bound, period: .day(Day(iso: "2021-08-02")!), evidence: "x")
        #expect(AlertText.figure(fact) == text)
    }
}

/// The same fact counted with no via: another observation of the same day.
private func withoutVia(_ fact: Fact) -> Fact {
    var fact = fact
    fact.via = nil
    return fact
}

/// The plausibility rules: a day figure that contradicts what is stored or what its own article
/// says is held (kept with its reason, not posted); one that passes is announced as before.
@Suite struct HoldTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var facts: [Fact]
        var others: [StoredObservation]
        /// The rule expected to hold the record alert of the first fact, `nil` when it is posted.
        var rule: HoldRule?
        var testDescription: String { name }
    }

    static let d = day("2023-08-10")
    static let cases: [Case] = [
        Case(name: "a plausible record passes", facts: [fact(755, .day(d))],
             others: [stored(686, .day(day("2023-07-07"))), stored(15_000, .ytd(year: 2023, asOf: d))], rule: nil),
        Case(name: "above the stored running total of that day", facts: [fact(15_826, .day(d), record: true)],
             others: [stored(686, .day(day("2023-07-07"))), stored(15_100, .ytd(year: 2023, asOf: d))], rule: .aboveRunningTotal),
        Case(name: "above the article's own running total", facts: [fact(9_000, .day(d), record: true), fact(8_500, .ytd(year: 2023, asOf: d))],
             others: [], rule: .aboveRunningTotal),
        Case(name: "a running total of an earlier day does not bound it",
             facts: [fact(755, .day(d))], others: [stored(686, .day(day("2023-07-07"))), stored(500, .ytd(year: 2023, asOf: day("2023-03-01")))],
             rule: nil),
        Case(name: "the same number as the article's month", facts: [fact(6_271, .day(d), record: true), fact(6_271, .month(year: 2023, month: 8))],
             others: [], rule: .equalsLongerPeriod),
        Case(name: "many times another figure of the same day", facts: [fact(174_350, .day(d), record: true), withoutVia(fact(6_584, .day(d)))],
             others: [], rule: .manyTimesSameDay),
        Case(name: "an escalation far above the stored record passes", facts: [fact(150, .day(d))],
             others: [stored(6, .day(day("2023-07-07")))], rule: nil),
        Case(name: "a few times another figure of the same day passes", facts: [withoutVia(fact(200, .day(d), record: true)), fact(30, .day(d))],
             others: [], rule: nil),
    ]

    @Test(arguments: cases) func hold(_ c: Case) {
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d), facts: c.facts)
        let own = c.facts.map { StoredObservation(region: "LT", via: $0.via, metric: $0.metric, period: $0.period, value: $0.value) }
        let events = AlertRules(configuration: RulesConfiguration())
            .evaluate(article, observations: c.others + own, today: day("2030-01-01"))
            .filter { $0.kind == .dailyRecord && $0.value == c.facts[0].value }
        #expect(events.count == 1)
        if let rule = c.rule {
            #expect(events.first?.held?.hasPrefix(rule.rawValue) == true, "\(String(describing: events.first?.held))")
        } else {
            #expect(events.first?.held == nil, "\(String(describing: events.first?.held))")
        }
    }

    /// "15,826" misread as a day beside the true day's 755: the 755 stays a record, the 15,826 is held.
    @Test func aHeldFigureDoesNotStandInTheWayOfTheTrueRecord() {
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d),
                                       facts: [fact(755, .day(Self.d)), withoutVia(fact(15_826, .day(Self.d)))])
        let observations = [stored(686, .day(day("2023-07-07"))), stored(755, .day(Self.d)), stored(15_826, .day(Self.d), via: nil)]
        let events = AlertRules(configuration: RulesConfiguration()).evaluate(article, observations: observations, today: day("2030-01-01"))
        let record = events.first { $0.kind == .dailyRecord }
        #expect(record?.value == 755 && record?.held == nil)
    }

    @Test func aFactorOfZeroTurnsTheJumpCheckOff() {
        var configuration = RulesConfiguration()
        configuration.holdJumpFactor = 0
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d),
                                       facts: [fact(174_350, .day(Self.d), record: true), withoutVia(fact(6_584, .day(Self.d)))])
        let events = AlertRules(configuration: configuration)
            .evaluate(article, observations: [stored(174_350, .day(Self.d)), stored(6_584, .day(Self.d), via: nil)], today: day("2030-01-01"))
        #expect(events.first { $0.kind == .dailyRecord }?.held == nil)
    }

    /// With `weak_needs_corroboration` and `weak_records_need_corroboration`, a weakly read figure
    /// that the text calls a record waits for a second article.
    @Test func aWeakFigureWaitsForASecondArticleWhenConfigured() {
        var configuration = RulesConfiguration()
        configuration.weakNeedsCorroboration = true
        configuration.weakRecordsNeedCorroboration = true
        var weak = fact(300, .day(Self.d), record: true)
        weak.strength = .weak
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d), facts: [weak])
        let alone = StoredObservation(region: "LT", via: "BY", metric: .arrivals, period: .day(Self.d), value: 300, sources: 1)
        let rules = AlertRules(configuration: configuration)
        let held = rules.evaluate(article, observations: [alone], today: day("2030-01-01")).first { $0.kind == .dailyRecord }
        #expect(held?.held?.hasPrefix(HoldRule.weakUncorroborated.rawValue) == true)
        var confirmed = alone
        confirmed.sources = 2
        confirmed.agreeing = 2
        let posted = rules.evaluate(article, observations: [confirmed], today: day("2030-01-01")).first { $0.kind == .dailyRecord }
        #expect(posted != nil && posted?.held == nil)
        // by default a weak figure called a record is announced at once
        let byDefault = AlertRules(configuration: RulesConfiguration())
            .evaluate(article, observations: [alone], today: day("2030-01-01")).first { $0.kind == .dailyRecord }
        #expect(byDefault != nil && byDefault?.held == nil)
    }

    /// An article dated only by its file's time: its alerts say so, or with
    /// `alerts_from_file_time = false` it raises none.
    @Test func anArticleDatedByItsFileTimeIsMarkedOrSilent() {
        let metadata = ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d, dateSource: .fallback)
        let article = ExtractedArticle(metadata: metadata, facts: [fact(300, .day(Self.d), record: true)])
        let own = [stored(300, .day(Self.d))]
        let marked = AlertRules(configuration: RulesConfiguration()).evaluate(article, observations: own, today: day("2030-01-01"))
        #expect(!marked.isEmpty && marked.allSatisfy { $0.text.hasSuffix("(dated by the file's time)") })
        var configuration = RulesConfiguration()
        configuration.alertsFromFileTime = false
        #expect(AlertRules(configuration: configuration).evaluate(article, observations: own, today: day("2030-01-01")).isEmpty)
    }
}

/// A fact read weakly (its metric or day taken from elsewhere).
private func weak(_ fact: Fact) -> Fact {
    var fact = fact
    fact.strength = .weak
    return fact
}

/// The checks on how a day figure was read, one table: each case is an article (its first fact
/// is the figure under test), what else is stored, and what becomes of the figure's record alert.
@Suite struct ReadingCheckTests {
    enum Outcome: Equatable, Sendable, CustomStringConvertible {
        case posted, held(HoldRule), none
        var description: String {
            switch self {
            case .posted: return "posted"
            case .held(let rule): return "held by \(rule.rawValue)"
            case .none: return "no record alert"
            }
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var facts: [Fact]
        var others: [StoredObservation] = []
        /// Distinct articles that give the first fact's value for its observation.
        var sources = 1
        /// Articles that give its observation another value.
        var otherValues = 0
        var weakRecordsWait = false
        var weakWaits = true
        var outcome: Outcome
        var testDescription: String { name }
    }

    static let d = day("2021-11-12")
    static let before = day("2021-11-11")
    static let cases: [Case] = [
        Case(name: "a record told again for the next day: the later copy raises nothing",
             facts: [fact(1_185, .day(d), record: true), fact(1_185, .day(before), bound: .atLeast, record: true)],
             others: [stored(853, .day(day("2021-11-03")))], outcome: .none),
        Case(name: "a record told again for the next day: the earlier copy is posted",
             facts: [fact(1_185, .day(before), bound: .atLeast, record: true), fact(1_185, .day(d), record: true)],
             others: [stored(853, .day(day("2021-11-03")))], outcome: .posted),
        Case(name: "two equal counts on two days, no record word: a tie, no alert",
             facts: [fact(51, .day(before)), fact(51, .day(d)), fact(24, .day(d))], outcome: .none),
        Case(name: "the same figure two days apart is two counts",
             facts: [fact(1_185, .day(d), record: true), fact(1_185, .day(day("2021-11-10")), record: true)], outcome: .none),
        Case(name: "a weak figure, not called a record, waits for a second article",
             facts: [weak(fact(31, .day(d)))], others: [stored(2, .day(day("2021-11-03")))], outcome: .held(.weakUncorroborated)),
        Case(name: "a weak figure reported by a second article is posted",
             facts: [weak(fact(31, .day(d)))], others: [stored(2, .day(day("2021-11-03")))], sources: 2, outcome: .posted),
        Case(name: "a second article with another value for the day is no corroboration",
             facts: [weak(fact(31, .day(d)))], others: [stored(2, .day(day("2021-11-03")))], otherValues: 1,
             outcome: .held(.weakUncorroborated)),
        Case(name: "a weak figure is posted at once with weak_needs_corroboration off",
             facts: [weak(fact(31, .day(d)))], others: [stored(2, .day(day("2021-11-03")))], weakWaits: false, outcome: .posted),
        Case(name: "a weak figure the text calls a record is posted",
             facts: [weak(fact(686, .day(d), bound: .approx, record: true))], others: [stored(549, .day(day("2021-06-11")))],
             outcome: .posted),
        Case(name: "a weak record waits too with weak_records_need_corroboration",
             facts: [weak(fact(686, .day(d), bound: .approx, record: true))], others: [stored(549, .day(day("2021-06-11")))],
             weakRecordsWait: true, outcome: .held(.weakUncorroborated)),
        Case(name: "a weak record contradicted by a firm figure of the same day is held",
             facts: [weak(fact(739, .day(d), record: true)), fact(599, .day(d))], others: [stored(601, .day(day("2021-10-01")))],
             outcome: .held(.contradictedSameDay)),
        Case(name: "a weak record that a firm 'more than' figure of the same day allows is posted",
             facts: [weak(fact(872, .day(d), record: true)), fact(800, .day(d), bound: .atLeast)],
             others: [stored(755, .day(day("2021-08-10")))], outcome: .posted),
        Case(name: "a weak figure inside a firm 'about' figure of the same day is not contradicted",
             facts: [weak(fact(1_020, .day(d), record: true)), fact(1_000, .day(d), bound: .approx)],
             others: [stored(853, .day(day("2021-11-03")))], outcome: .posted),
        Case(name: "a contradicted weak figure reported by a second article is posted",
             facts: [weak(fact(739, .day(d), record: true)), fact(599, .day(d))], others: [stored(601, .day(day("2021-10-01")))],
             sources: 2, outcome: .posted),
    ]

    @Test(arguments: cases) func check(_ c: Case) {
        var configuration = RulesConfiguration()
        configuration.weakNeedsCorroboration = c.weakWaits
        configuration.weakRecordsNeedCorroboration = c.weakRecordsWait
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d), facts: c.facts)
        // each observation of the article shows its highest value, as the store does for equal bounds
        var own: [StoredObservation] = []
        for f in c.facts where !own.contains(where: { $0.isObservation(of: f) }) {
            let value = c.facts.filter { $0.period == f.period }.map(\.value).max()!
            own.append(StoredObservation(region: "LT", via: f.via, metric: f.metric, period: f.period, value: value,
                                         sources: f.period == c.facts[0].period ? c.sources + c.otherValues : 1,
                                         agreeing: f.period == c.facts[0].period ? c.sources : 1))
        }
        let subject = c.facts[0]
        guard case .day(let subjectDay) = subject.period else { Issue.record("the subject is a day figure"); return }
        let events = AlertRules(configuration: configuration).evaluate(article, observations: c.others + own, today: day("2030-01-01"))
            .filter { $0.kind == .dailyRecord && $0.date == subjectDay && $0.value == subject.value }
        let outcome: Outcome = events.first.map { event in event.held.map { reason in
            .held(HoldRule.allCases.first { reason.hasPrefix($0.rawValue + ":") } ?? .manyTimesSameDay)
        } ?? .posted } ?? .none
        #expect(events.count <= 1)
        #expect(outcome == c.outcome, "\(String(describing: events.first?.held))")
    }

    /// A weakly read figure that waits is still the stored figure of its day: a lower figure of
    /// another day in the same article is no record above it.
    @Test func aWaitingWeakFigureStillStandsInTheWay() {
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d),
                                       facts: [weak(fact(900, .day(Self.d))), fact(800, .day(Self.before))])
        let observations = [stored(900, .day(Self.d)), stored(800, .day(Self.before)), stored(700, .day(day("2021-11-03")))]
        let events = AlertRules(configuration: RulesConfiguration()).evaluate(article, observations: observations, today: day("2030-01-01"))
        #expect(events.filter { $0.kind == .dailyRecord && $0.held == nil }.isEmpty)
        #expect(events.contains { $0.kind == .dailyRecord && $0.value == 900 && $0.held?.hasPrefix("weak_uncorroborated") == true })
    }

    /// A figure that fails a plausibility check does not stand for its day; the highest other value
    /// its article gives that day does.
    @Test func theArticlesOtherValueStandsForTheDayOfAFailedFigure() {
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", title: "T", date: Self.d),
                                       facts: [fact(6_271, .day(Self.d)), fact(6_271, .month(year: 2021, month: 11)), fact(640, .day(Self.d))])
        let holds = [0: Hold(.equalsLongerPeriod, "x")]
        let trusted = AlertRules.trusted([stored(6_271, .day(Self.d)), stored(500, .day(Self.before))], article: article, holds: holds)
        #expect(trusted == [stored(640, .day(Self.d)), stored(500, .day(Self.before))])
        let alone = ExtractedArticle(metadata: article.metadata, facts: [fact(6_271, .day(Self.d))])
        #expect(AlertRules.trusted([stored(6_271, .day(Self.d))], article: alone, holds: holds).isEmpty)
    }

    /// The rules ask the store for the running totals of a day figure's year, so that
    /// above_running_total weighs it against totals that other articles reported.
    @Test func aDayFigureAsksForItsYearsRunningTotals() {
        let article = ExtractedArticle(metadata: ArticleMetadata(fileName: "a.txt", date: Self.d), facts: [fact(15_826, .day(Self.d))])
        let requests = AlertRules(configuration: RulesConfiguration()).requests(for: article)
        #expect(requests.contains(.runningTotals(region: "LT", metric: .arrivals, year: 2021)))
        #expect(requests.contains(.days(region: "LT", metric: .arrivals, year: 2021)))
    }
}
