import BorderwatchCore
import BorderwatchStore
import Testing

/// The dev set's two timelines (eval/dev/timelines.json), replayed from their gold day facts
/// (optional ones included) through the real store: exactly the expected `daily_record` alerts
/// (NOTES.md reading R), and nothing at all when every article is dropped again.
@Suite struct TimelineTests {
    typealias Line = (article: String, date: String, facts: [Fact])

    static func f(_ region: String, _ metric: Metric, _ value: Int, _ iso: String, via: String? = "BY", record: Bool = false,
                  bound: Bound = .exact) -> Fact {
        Fact(metric: metric, value: value, bound: bound, period: .day(day(iso)), region: region, via: via, record: record,
             evidence: "\(value) on \(iso)")
    }

    static let lithuania: [Line] = [
        ("101", "2021-06-17", [f("LT", .arrivals, 6, "2021-06-17")]),
        ("102", "2021-07-03", [f("LT", .arrivals, 150, "2021-07-02")]),
        ("103", "2021-07-06", [f("LT", .arrivals, 131, "2021-07-05")]),
        ("123", "2021-07-09", []),
        ("124", "2021-07-11", []),
        ("104", "2021-07-28", [f("LT", .arrivals, 171, "2021-07-27", record: true)]),
        ("105", "2021-07-28", [f("LT", .arrivals, 171, "2021-07-28", record: true)]),
        ("106", "2021-07-29", [f("LT", .arrivals, 171, "2021-07-29", record: true)]),
        ("107", "2021-08-02", [f("LT", .arrivals, 287, "2021-08-02", record: true),
                               f("LT", .arrivals, 171, "2021-07-28", record: true)]),
        ("108", "2021-08-03", [f("LT", .prevented, 180, "2021-08-03"), f("LT", .prevented, 100, "2021-08-03")]),
        ("109", "2021-08-05", [f("LT", .prevented, 180, "2021-08-03")]),
        ("110", "2021-08-06", []),
    ]

    static let channel: [Line] = [
        ("114", "2020-07-13", [f("GB", .arrivals, 180, "2020-07-12", via: "FR", record: true),
                               f("FR", .prevented, 200, "2020-07-12", via: nil),
                               f("GB", .arrivals, 166, "2020-06-03", via: "FR", record: true)]),
        ("115", "2020-07-30", [f("GB", .arrivals, 202, "2020-07-30", via: "FR", record: true),
                               f("GB", .arrivals, 200, "2020-07-30", via: "FR", record: true, bound: .approx),
                               f("GB", .arrivals, 30, "2020-07-30", via: "FR")]),
        ("116", "2020-08-07", [f("GB", .arrivals, 235, "2020-08-06", via: "FR", record: true),
                               f("GB", .arrivals, 202, "2020-07-30", via: "FR", record: true)]),
        ("117", "2020-08-07", [f("GB", .arrivals, 235, "2020-08-06", via: "FR", record: true, bound: .atMost),
                               f("GB", .arrivals, 202, "2020-07-31", via: "FR", record: true)]),
        ("118", "2020-08-09", [f("GB", .arrivals, 151, "2020-08-08", via: "FR"), f("GB", .arrivals, 12, "2020-08-09", via: "FR")]),
        ("125", "2020-08-10", []),
        ("119", "2020-09-01", [f("GB", .arrivals, 235, "2020-08-06", via: "FR", record: true)]),
        ("120", "2020-09-02", [f("GB", .arrivals, 409, "2020-09-02", via: "FR", record: true),
                               f("GB", .arrivals, 235, "2020-08-06", via: "FR", record: true),
                               f("GB", .arrivals, 15, "2020-08-06", via: "FR"),
                               f("GB", .arrivals, 202, "2020-07-30", via: "FR", record: true),
                               f("GB", .arrivals, 180, "2020-07-12", via: "FR", record: true),
                               f("GB", .attempts, 380, "2020-07-12", via: "FR"),
                               f("GB", .arrivals, 166, "2020-06-03", via: "FR", record: true),
                               f("GB", .arrivals, 160, "2020-06-03", via: "FR", record: true)]),
        ("121", "2020-09-02", [f("GB", .arrivals, 409, "2020-09-02", via: "FR", record: true),
                               f("GB", .arrivals, 235, "2020-08-06", via: "FR", record: true)]),
        ("122", "2020-09-03", [f("GB", .arrivals, 409, "2020-09-02", via: "FR", record: true)]),
    ]

    static func replay(_ lines: [Line]) throws -> (first: [String], second: [String]) {
        try withStore { (store, _) throws in
            func run() throws -> [String] {
                try lines.flatMap { line in
                    try store.add(article(line.article, date: line.date, line.facts)).alerts
                        .filter { $0.kind == .dailyRecord }
                        .map { "\($0.region) \($0.metric.rawValue) \($0.value) \($0.date.iso)" }
                }
            }
            return (try run(), try run())
        }
    }

    @Test func lithuania2021() throws {
        let (first, second) = try Self.replay(Self.lithuania)
        #expect(first == ["LT arrivals 150 2021-07-02", "LT arrivals 171 2021-07-27", "LT arrivals 287 2021-08-02"])
        #expect(second.isEmpty)
    }

    @Test func channel2020() throws {
        let (first, second) = try Self.replay(Self.channel)
        #expect(first == ["GB arrivals 180 2020-07-12", "GB arrivals 202 2020-07-30", "GB arrivals 235 2020-08-06",
                          "GB arrivals 409 2020-09-02"])
        #expect(second.isEmpty)
    }
}
