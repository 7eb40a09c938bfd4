import ArgumentParser
import BorderwatchCore
import BorderwatchStore

struct FactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Show stored facts with their sentences and articles.",
        discussion: "Either --article, or --region with --date (day figures of that day and running totals as of it)."
    )

    @Option(help: "The article's file name or SHA-256 prefix.") var article: String?
    @Option(help: "Alpha-2 region code.") var region: String?
    @Option(help: ArgumentHelp("The day.", valueName: "YYYY-MM-DD"), transform: parseDay) var date: Day?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard (article != nil) != (region != nil || date != nil), article != nil || (region != nil && date != nil) else {
            throw ValidationError("give either --article NAME, or --region and --date")
        }
    }

    func run() throws {
        let store = try Store.existing(path: try storeOptions.configuration().database)
        let facts = try article.map { try store.facts(article: $0) } ?? store.facts(region: region!.uppercased(), date: date!)
        if facts.isEmpty { print("no facts") }
        for stored in facts {
            let f = stored.fact
            var line = "\(stored.article)"
            if let d = stored.articleDate { line += stored.datedByFileTime ? " (\(d.iso), dated by the file's time)" : " (\(d.iso))" }
            line += ": \(f.region ?? "?")\(f.via.map { "<" + $0 } ?? "") \(f.metric.rawValue) \(f.value)"
            if f.bound != .exact { line += " \(f.bound.rawValue)" }
            line += " \(Self.describe(f.period))"
            if f.record { line += " record" }
            if f.isPreviousRecord { line += " (previous record)" }
            if f.strength == .weak { line += " (read weakly)" }
            print(line)
            print("    \(f.evidence)")
            let origin = [stored.articleTitle, stored.articleURL.map { "<\($0)>" }].compactMap { $0 }
            if !origin.isEmpty { print("    from: \(origin.joined(separator: " "))") }
        }
    }

    static func describe(_ period: Period) -> String {
        switch period {
        case .day(let d): return "on \(d.iso)"
        case .ytd(let y, let asOf): return "in \(y) as of \(asOf.iso)"
        case .year(let y): return "in all of \(y)"
        case .month(let y, let m): return "in \(Period.monthString(year: y, month: m))"
        case .span(let s, let e): return "from \(s?.iso ?? "?") to \(e?.iso ?? "?")"
        }
    }
}
