import ArgumentParser
import BorderwatchCore
import Foundation
import BorderwatchStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per region, metric and year: latest day, record day, year to date, the year's and last year's totals.",
        discussion: "Each row speaks of one year: its latest and record day, its latest running total, its whole-year total "
            + "and the year before's. The latest year comes first."
    )

    @Option(help: "Only this year's rows.") var year: Int?
    @Flag(help: "One JSON object per row.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let stats = try store.stats().filter { year == nil || $0.year == year }
        if json {
            for s in stats { print(try StatsCommand.jsonLine(s)) }
            return
        }
        let rows = stats.map { s -> [String] in
            [s.region, s.metric.rawValue, String(s.year),
             s.latestDay.map { "\($0.value) on \($0.day.iso)" } ?? "-",
             s.recordDay.map { "\($0.value) on \($0.day.iso)" } ?? "-",
             s.yearToDate.map { "\($0.value) as of \($0.asOf.iso)" } ?? "-",
             s.yearTotal.map(String.init) ?? "-", s.lastYear.map(String.init) ?? "-", String(s.sources)]
        }
        guard !rows.isEmpty else {
            print(year.map { "no figures stored for \($0)" } ?? "no figures stored yet")
            return
        }
        print(TextTable.render(header: ["region", "metric", "year", "latest day", "record day", "year to date", "year total",
                                        "year before", "sources"], rows: rows), terminator: "")
    }

    static func jsonLine(_ s: SeriesStats) throws -> String {
        func dated(_ day: Day?, _ value: Int?, _ key: String) -> Any {
            guard let day, let value else { return NSNull() }
            return [key: day.iso, "value": value]
        }
        let object: [String: Any] = [
            "region": s.region, "metric": s.metric.rawValue, "year": s.year,
            "latest_day": dated(s.latestDay?.day, s.latestDay?.value, "date"),
            "record_day": dated(s.recordDay?.day, s.recordDay?.value, "date"),
            "year_to_date": dated(s.yearToDate?.asOf, s.yearToDate?.value, "as_of"),
            "year_total": s.yearTotal.map { $0 as Any } ?? NSNull(), "year_before": s.lastYear.map { $0 as Any } ?? NSNull(),
            "sources": s.sources,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Left-aligned columns separated by two spaces.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingSuffix()
        }.joined(separator: "\n") + "\n"
    }
}

private extension String {
    func trimmingSuffix() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
