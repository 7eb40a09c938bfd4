import ArgumentParser
import BorderwatchCore
import BorderwatchExtract
import BorderwatchStore
import Foundation

struct IngestCommand: FileOperandCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read, extract and store article files, as the daemon does.",
        discussion: """
        Each article is stored all-or-nothing with its facts and the alerts it raises; an article \
        whose bytes were stored before is reported as known and changes nothing. Articles are \
        committed in groups of --batch (one durable commit per group, each article in its own \
        savepoint), so a crash loses at most the group in flight, never part of an article.
        """
    )

    @Flag(help: "Store without raising alerts (backfill).")
    var quiet = false

    @Option(help: "Articles per durable commit.")
    var batch = 256

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "Article files.")
    var files: [String]

    func run() throws {
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
        let configuration = try storeOptions.configuration()
        let directory = (configuration.database as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let store = try Store(path: configuration.database)
        let extractor = Extractor()
        let destinations = configuration.destinations.map(\.name)
        var output = OutputBuffer()
        var counts = (new: 0, known: 0, failed: 0, facts: 0, alerts: 0)
        var start = 0
        while start < files.count {
            let paths = files[start..<min(files.count, start + batch)]
            start += batch
            var items: [(article: ExtractedArticle, content: [UInt8])] = []
            for path in paths {
                do {
                    let file = try ArticleFile.read(path)
                    items.append((extractor.extract(file.bytes, fileName: file.name, fallbackDate: file.modificationDay), file.bytes))
                } catch {
                    output.flush()
                    FileHandle.standardError.write(Data("borderwatch ingest: \(error)\n".utf8))
                    counts.failed += 1
                }
            }
            let results = try store.ingest(batch: items, raiseAlerts: !quiet, rules: configuration.rules,
                                           destinations: destinations, now: Date())
            for (item, result) in zip(items, results) {
                let name = item.article.metadata.fileName
                switch result {
                case .success(.stored(_, let facts, let observations, let alerts, let held)):
                    counts.new += 1
                    counts.facts += facts
                    counts.alerts += alerts.count
                    output.write("new    \(name): \(facts) facts, \(observations) new observations, \(alerts.count) alerts\n")
                    for alert in alerts { output.write("  alert \(alert.text)\n") }
                    for alert in held { output.write("  held  \(alert.text) (\(alert.held ?? ""))\n") }
                case .success(.duplicate(let id)):
                    counts.known += 1
                    output.write("known  \(name): stored before as article \(id)\n")
                case .failure(let error):
                    counts.failed += 1
                    output.write("failed \(name): \(error)\n")
                }
            }
        }
        output.write("\(counts.new) new, \(counts.known) already known, \(counts.failed) failed; "
                     + "\(counts.facts) facts, \(counts.alerts) alerts\(quiet ? " (alerts off)" : "")\n")
        output.flush()
        if counts.failed > 0 { throw ExitCode(1) }
    }

}
