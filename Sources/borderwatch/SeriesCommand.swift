import ArgumentParser
import BorderwatchCore
import BorderwatchStore

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print a daily series with value, bound, sources and conflicts.",
        discussion: """
        The value shown for a day is chosen when outlets disagree: exact over approximate, then the \
        value most articles give, then the latest article's. The others are listed as conflicts, \
        as VALUE (N sources). --sources lists, under each day, the articles that report its value \
        (title, link and sentence), as an alert does; the JSON lines always carry them as `articles`.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Option(help: "Alpha-2 region code, such as LT.") var region: String
    @Option(help: "arrivals, prevented, attempts, returns, deaths or asylum_claims.", transform: parseMetric) var metric: Metric
    @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD"), transform: parseDay) var from: Day?
    @Option(help: ArgumentHelp("Last day.", valueName: "YYYY-MM-DD"), transform: parseDay) var to: Day?
    @Option(help: "table, csv or json (one object per line).") var format: Format = .table
    @Flag(help: "List the articles that report each day's value.") var sources = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let points = try store.series(region: region.uppercased(), metric: metric, from: from, to: to,
                                      reports: sources || format == .json)
        switch format {
        case .table:
            let rows = points.map { p in
                [p.day.iso, p.via ?? "-", String(p.value), p.bound.rawValue, String(p.sources),
                 p.conflicts.map { "\($0.value) (\($0.sources))" }.joined(separator: ", ")]
            }
            let table = TextTable.render(header: ["date", "via", "value", "bound", "sources", "conflicts"], rows: rows)
            guard sources else { print(table, terminator: ""); break }
            // each day's row, then its articles
            let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
            print(lines[0])
            for (index, p) in points.enumerated() {
                print(lines[index + 1])
                for report in p.reports {
                    let origin = [report.title, report.url.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
                    print("    \(report.article)\(origin.isEmpty ? "" : ": " + origin)")
                    print("      \u{201C}\(report.evidence)\u{201D}")
                }
            }
        case .csv:
            print("date,via,value,bound,sources,conflicts" + (sources ? ",articles" : ""))
            for p in points {
                let conflicts = p.conflicts.map { "\($0.value):\($0.sources)" }.joined(separator: " ")
                let articles = sources ? "," + p.reports.map(\.article).joined(separator: " ") : ""
                print("\(p.day.iso),\(p.via ?? ""),\(p.value),\(p.bound.rawValue),\(p.sources),\(conflicts)\(articles)")
            }
        case .json:
            for p in points {
                var json = JSONObjectWriter()
                json.add("date", p.day.iso)
                if let via = p.via { json.add("via", via) }
                json.add("value", p.value)
                json.add("bound", p.bound.rawValue)
                json.add("sources", p.sources)
                json.addRaw("conflicts", "[" + p.conflicts.map { c in
                    var item = JSONObjectWriter()
                    item.add("value", c.value)
                    item.add("bound", c.bound.rawValue)
                    item.add("sources", c.sources)
                    return item.finish()
                }.joined(separator: ", ") + "]")
                json.addRaw("articles", "[" + p.reports.map { report in
                    var item = JSONObjectWriter()
                    item.add("article", report.article)
                    if let title = report.title { item.add("title", title) }
                    if let url = report.url { item.add("url", url) }
                    item.add("evidence", report.evidence)
                    return item.finish()
                }.joined(separator: ", ") + "]")
                print(json.finish())
            }
        }
    }
}

/// `--metric` values: SCHEMA.md's metric names.
func parseMetric(_ text: String) throws -> Metric {
    guard let metric = Metric(rawValue: text.lowercased()) else {
        throw ValidationError("unknown metric \(text); use one of \(Metric.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return metric
}

/// Day options: `YYYY-MM-DD`.
func parseDay(_ text: String) throws -> Day {
    guard let day = Day(iso: text) else { throw ValidationError("expected a day as YYYY-MM-DD, got \(text)") }
    return day
}
