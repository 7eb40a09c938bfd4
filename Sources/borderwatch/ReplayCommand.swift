import ArgumentParser
import BorderwatchCore
import BorderwatchExtract
import BorderwatchStore
import Foundation

/// `borderwatch replay`: the alerts an archive would raise under the configured rules, in
/// publication order, into a scratch database, posting nothing (what `promtool test rules` is to
/// Prometheus). For tuning levels and rules before switching them on.
struct ReplayCommand: FileOperandCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print the alerts an archive of articles would raise, without posting anything.",
        discussion: """
        Reads every article (folders stand for the files inside them) in publication order (date, \
        then name) into a scratch database that is deleted afterwards, with the rules of the \
        configuration, and prints each alert the daemon would post and each it would hold, with \
        the hold's reason. Your database and your webhooks are not touched.
        """
    )

    @Option(help: ArgumentHelp("A file of `NAME<TAB>YYYY-MM-DD` lines: the date of articles that carry none.", valueName: "FILE"))
    var dates: String?

    @Flag(help: "One JSON object per alert (the alert JSON with `article` and `status`: raised or held).")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Article files or folders.")
    var files: [String]

    func run() throws {
        let configuration = try storeOptions.configuration()
        let known = try dates.map(ReplayCommand.readDates) ?? [:]
        let extractor = Extractor()
        var articles: [(article: ExtractedArticle, content: [UInt8])] = []
        for path in ArticleFile.expand(files) {
            do {
                let file = try ArticleFile.read(path)
                let fallback = known[file.name] ?? file.modificationDay
                articles.append((extractor.extract(file.bytes, fileName: file.name, fallbackDate: fallback), file.bytes))
            } catch {
                FileHandle.standardError.write(Data("borderwatch replay: \(error)\n".utf8))
            }
        }
        articles.sort { a, b in
            let (da, db) = (a.article.metadata.date?.iso ?? "", b.article.metadata.date?.iso ?? "")
            return da != db ? da < db : a.article.metadata.fileName < b.article.metadata.fileName
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("borderwatch-replay-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = try Store(path: scratch.appendingPathComponent("replay.sqlite").path)
        var output = OutputBuffer()
        var counts = (raised: 0, held: 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for item in articles {
            let outcome = try store.ingest(item.article, content: item.content, raiseAlerts: true,
                                           rules: configuration.rules, destinations: [], now: Date())
            guard case .stored(_, _, _, let raised, let held) = outcome, !(raised.isEmpty && held.isEmpty) else { continue }
            counts.raised += raised.count
            counts.held += held.count
            let name = item.article.metadata.fileName
            if json {
                for (event, status) in raised.map({ ($0, "raised") }) + held.map({ ($0, "held") }) {
                    output.write(try ReplayCommand.line(event, article: name, status: status, encoder: encoder) + "\n")
                }
                continue
            }
            output.write("\(item.article.metadata.date?.iso ?? "undated")  \(name)\n")
            for event in raised { output.write("  alert  \(event.text)\n") }
            for event in held { output.write("  held   \(event.text)\n         \(event.held ?? "")\n") }
        }
        if !json {
            output.write("\(articles.count) articles: \(counts.raised) alerts would be posted, \(counts.held) held; nothing was posted\n")
        }
        output.flush()
    }

    /// The alert JSON with the article and the status added.
    static func line(_ event: AlertEvent, article: String, status: String, encoder: JSONEncoder) throws -> String {
        var object = try JSONSerialization.jsonObject(with: encoder.encode(event)) as? [String: Any] ?? [:]
        object["article"] = article
        object["status"] = status
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// `NAME<TAB>YYYY-MM-DD` lines (more columns are ignored; `#` comments and bad lines skipped).
    static func readDates(_ path: String) throws -> [String: Day] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var result: [String: Day] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            if columns.count >= 2, let day = Day(iso: String(columns[1]).trimmingCharacters(in: .whitespaces)) {
                result[String(columns[0])] = day
            }
        }
        return result
    }
}
