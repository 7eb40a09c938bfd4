import ArgumentParser
import BorderwatchCore
import BorderwatchStore
import Foundation

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a daily bar chart as SVG.",
        discussion: "One bar per day (the shown value; the highest one when several vias report the day); record days are red and labelled."
    )

    @Option(help: "Alpha-2 region code, such as LT.") var region: String
    @Option(help: "arrivals, prevented, attempts, returns, deaths or asylum_claims.", transform: parseMetric) var metric: Metric
    @Option(help: "Only this calendar year.") var year: Int?
    @Option(help: ArgumentHelp("The SVG file to write.", valueName: "FILE.svg")) var output: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let region = self.region.uppercased()
        let points = try store.series(region: region, metric: metric,
                                      from: year.flatMap { Day(year: $0, month: 1, day: 1) },
                                      to: year.flatMap { Day(year: $0, month: 12, day: 31) })
        var perDay: [Day: Int] = [:]
        for point in points { perDay[point.day] = max(perDay[point.day] ?? 0, point.value) }
        let name = metric.rawValue.replacingOccurrences(of: "_", with: " ")
        let chart = DailyChart(title: "\(region): \(name) per day\(year.map { " in \($0)" } ?? "")",
                               valueLabel: "People (\(name))",
                               points: perDay.map { (day: $0.key, value: $0.value) })
        try Data(chart.svg().utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        print("wrote \(output): \(perDay.count) days, \(chart.recordDays.count) record days")
    }
}
