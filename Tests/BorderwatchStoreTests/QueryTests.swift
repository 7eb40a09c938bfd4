import BorderwatchCore
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

@Suite struct QueryTests {
    @Test func seriesListsShownValuesWithTheirConflicts() throws {
        try withStore { (store, _) throws in
            try store.add(article("a.txt", date: "2021-07-28", [dayFact(171, "2021-07-27"), dayFact(90, "2021-07-20")]))
            try store.add(article("b.txt", date: "2021-07-29", [dayFact(171, "2021-07-27")]))
            try store.add(article("c.txt", date: "2021-07-29", [dayFact(150, "2021-07-27")]))
            let all = try store.series(region: "LT", metric: .arrivals)
            #expect(all.map(\.day.iso) == ["2021-07-20", "2021-07-27"])
            #expect(all[1].value == 171 && all[1].sources == 3)
            #expect(all[1].conflicts.map(\.value) == [150])
            let ranged = try store.series(region: "LT", metric: .arrivals, from: day("2021-07-21"), to: day("2021-07-31"))
            #expect(ranged.map(\.value) == [171])
        }
    }

    @Test func statsGiveLatestRecordYearToDateLastYearAndSources() throws {
        try withStore { (store, _) throws in
            let ytd = Fact(metric: .arrivals, value: 4026, period: .ytd(year: 2021, asOf: day("2021-08-02")), region: "LT",
                           via: "BY", evidence: "4,026 this year")
            let lastYear = Fact(metric: .arrivals, value: 81, period: .year(2020), region: "LT", via: "BY", evidence: "81 in 2020")
            try store.add(article("a.txt", date: "2021-08-03", [dayFact(287, "2021-08-02"), dayFact(100, "2021-08-03"), ytd, lastYear]))
            try store.add(article("b.txt", date: "2021-07-28", [dayFact(171, "2021-07-27")]))
            let stats = try #require(try store.stats().first)
            #expect(stats.region == "LT" && stats.metric == .arrivals && stats.year == 2021)
            #expect(stats.latestDay?.day == day("2021-08-03") && stats.latestDay?.value == 100)
            #expect(stats.recordDay?.day == day("2021-08-02") && stats.recordDay?.value == 287)
            #expect(stats.yearToDate?.value == 4026)
            #expect(stats.lastYear == 81)
            #expect(stats.sources == 2)
        }
    }

    /// Each row speaks of one year: a day of 2021 never shows in the 2024 row.
    @Test func statsRowsAreOneYearEach() throws {
        try withStore { (store, _) throws in
            let ytd2024 = Fact(metric: .prevented, value: 48, period: .ytd(year: 2024, asOf: day("2024-03-14")), region: "LT",
                               via: "BY", evidence: "48 so far in 2024")
            try store.add(article("old.txt", date: "2021-11-10", [dayFact(82, "2021-11-09", metric: .prevented)]))
            try store.add(article("new.txt", date: "2024-03-14", [ytd2024]))
            let rows = try store.stats().filter { $0.metric == .prevented }
            #expect(rows.map(\.year) == [2024, 2021])
            #expect(rows[0].latestDay == nil && rows[0].recordDay == nil && rows[0].yearToDate?.value == 48)
            #expect(rows[1].latestDay?.value == 82 && rows[1].yearToDate == nil)
        }
    }

    @Test func factsByArticleAndByRegionAndDay() throws {
        try withStore { (store, _) throws in
            try store.add(article("a.txt", date: "2021-07-28", [dayFact(171, "2021-07-27"), dayFact(90, "2021-07-20")]))
            try store.add(article("b.txt", date: "2021-07-29", [dayFact(171, "2021-07-27")]))
            #expect(try store.facts(article: "a.txt").map(\.fact.value) == [171, 90])
            let onDay = try store.facts(region: "LT", date: day("2021-07-27"))
            #expect(onDay.map(\.article) == ["a.txt", "b.txt"])
            #expect(onDay.first?.fact.evidence == "171 people were detained on 2021-07-27.")
        }
    }
}

@Suite struct ChartTests {
    static func points() -> [(day: Day, value: Int)] {
        [(day("2021-07-02"), 150), (day("2021-07-05"), 131), (day("2021-07-27"), 171), (day("2021-08-02"), 287),
         (day("2021-08-03"), 180)]
    }

    @Test func recordDaysAndEscaping() {
        let chart = DailyChart(title: "LT <arrivals> & more", valueLabel: "People", points: Self.points())
        #expect(chart.recordDays == [day("2021-07-02"), day("2021-07-27"), day("2021-08-02")])
        let svg = chart.svg()
        #expect(svg.contains("LT &lt;arrivals&gt; &amp; more"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 5 + 1, "five bars and the legend swatch")
    }

    /// Renders the SVG headless with rsvg-convert and checks the PNG is the chart's size and not blank.
    @Test func rendersToANonBlankPNG() throws {
        let directory = try TemporaryDirectory(prefix: "bw-chart")
        defer { directory.remove() }
        func render(_ svg: String, _ name: String) throws -> [UInt8] {
            let svgPath = directory.path + "/\(name).svg", pngPath = directory.path + "/\(name).png"
            try Data(svg.utf8).write(to: URL(fileURLWithPath: svgPath))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["rsvg-convert", "--format=png", "--output", pngPath, svgPath]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "rsvg-convert (librsvg2-bin) must be installed and accept the SVG")
            return Array(try Data(contentsOf: URL(fileURLWithPath: pngPath)))
        }
        let chart = try render(DailyChart(title: "LT arrivals", valueLabel: "People", points: Self.points()).svg(), "chart")
        let blank = try render("""
            <svg xmlns="http://www.w3.org/2000/svg" width="960" height="480"><rect width="100%" height="100%" fill="#ffffff"/></svg>
            """, "blank")
        // PNG signature, then IHDR with big-endian width and height.
        #expect(Array(chart.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ bytes: [UInt8], _ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(chart, 16) == 960 && be32(chart, 20) == 480)
        #expect(chart != blank)
        #expect(chart.count > blank.count * 4, "a drawn chart compresses far worse than a blank page")
    }
}
