import ArgumentParser
import BorderwatchCore
import BorderwatchExtract
#if canImport(Glibc)
import Glibc
#endif

struct ExtractCommand: FileOperandCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print every statistic found in article files.",
        discussion: """
        Reads plain text, HTML, Markdown, JSON and e-mail articles, detected from their content. \
        A folder stands for the files directly inside it, dotfiles excepted. \
        The article's date comes from its header line, dateline or metadata, then --date, then the \
        file's modification time.
        """
    )

    @Flag(help: "One JSON object per fact and line, with exactly SCHEMA.md's fields.")
    var json = false

    @Option(help: ArgumentHelp("The article date for files that carry none.", valueName: "YYYY-MM-DD"),
            transform: { text in
                guard let day = Day(iso: text) else { throw ValidationError("--date wants YYYY-MM-DD, got \(text)") }
                return day
            })
    var date: Day?

    @Argument(help: "Article files, or folders whose files are read in name order.")
    var files: [String]

    func run() throws {
        let extractor = Extractor()
        var output = OutputBuffer()
        var table = FactTable()
        var failures = 0
        for path in ArticleFile.expand(files) {
            let file: ArticleFile
            do {
                file = try ArticleFile.read(path)
            } catch {
                output.flush()
                fputs("borderwatch extract: \(error)\n", stderr)
                failures += 1
                continue
            }
            let article = extractor.extract(file.bytes, fileName: file.name, fallbackDate: date ?? file.modificationDay)
            if json {
                for fact in article.facts { output.writeJSONLine(fact, article: file.name) }
            } else {
                table.add(article)
            }
        }
        if !json { output.write(table.render()) }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// Collects stdout bytes and writes them in large chunks.
struct OutputBuffer {
    private var pending: [UInt8] = []

    mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushWhenFull()
    }

    /// Writes one `extract --json` line without making a String of it.
    mutating func writeJSONLine(_ fact: Fact, article: String) {
        fact.appendJSONLine(article: article, to: &pending)
        pending.append(0x0A)
        flushWhenFull()
    }

    private mutating func flushWhenFull() {
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
        pending.removeAll(keepingCapacity: true)
    }
}

/// The human-readable, aligned form of `extract`'s output.
struct FactTable {
    private var rows: [[String]] = []
    private var articles = 0

    mutating func add(_ article: ExtractedArticle) {
        articles += 1
        for fact in article.facts {
            rows.append([
                article.metadata.fileName, fact.metric.rawValue, Self.value(fact), fact.period.kind.rawValue,
                Self.when(fact.period), fact.region ?? "-", fact.via ?? "-", fact.record ? "record" : "",
            ])
        }
    }

    func render() -> String {
        let header = ["ARTICLE", "METRIC", "VALUE", "PERIOD", "WHEN", "REGION", "VIA", ""]
        let all = [header] + rows
        var widths = header.map { $0.count }
        for row in all {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in all {
            var line = ""
            for (i, cell) in row.enumerated() {
                let padded = i == 2 ? String(repeating: " ", count: widths[i] - cell.count) + cell
                    : cell + String(repeating: " ", count: widths[i] - cell.count)
                line += (i == 0 ? "" : "  ") + padded
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        out += "\(rows.count) facts in \(articles) articles\n"
        return out
    }

    static func value(_ fact: Fact) -> String {
        switch fact.bound {
        case .exact: return String(fact.value)
        case .approx: return "~" + String(fact.value)
        case .atLeast: return ">=" + String(fact.value)
        case .atMost: return "<=" + String(fact.value)
        }
    }

    static func when(_ period: Period) -> String {
        switch period {
        case .day(let d): return d.iso
        case .ytd(_, let asOf): return "to " + asOf.iso
        case .year(let y): return String(y)
        case .month(let y, let m): return Period.monthString(year: y, month: m)
        case .span(let start, let end): return "\(start?.iso ?? "…")..\(end?.iso ?? "…")"
        }
    }
}
