import ArgumentParser
import Foundation
import BorderwatchStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Per region and metric: latest day, record day, year to date, last year, sources.",
        discussion: "Figures refer to the latest year with a day figure or running total; the record is that year's."
    )

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let rows = try store.stats().map { s -> [String] in
            [s.region, s.metric.rawValue, String(s.year),
             s.latestDay.map { "\($0.value) on \($0.day.iso)" } ?? "-",
             s.recordDay.map { "\($0.value) on \($0.day.iso)" } ?? "-",
             s.yearToDate.map { "\($0.value) as of \($0.asOf.iso)" } ?? "-",
             s.lastYear.map(String.init) ?? "-", String(s.sources)]
        }
        guard !rows.isEmpty else {
            print("no figures stored yet")
            return
        }
        print(TextTable.render(header: ["region", "metric", "year", "latest day", "record day", "year to date", "last year", "sources"],
                               rows: rows), terminator: "")
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
