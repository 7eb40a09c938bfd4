import BorderwatchCore
import BorderwatchExtract
import BorderwatchInbox
import BorderwatchStore
import Foundation
import Logging

/// One stage of the pipeline: claimed files' bytes → extraction → one store transaction.
struct ArticleProcessor {
    let extractor = Extractor()
    let store: Store

    /// Extracts and stores claimed files with one durable commit, each article all-or-nothing in
    /// its own savepoint; alerts go to the outbox for `destinations`. Results are in file order.
    /// One commit (one fsync) for a burst of files is what lets a backlog drain quickly.
    func process(_ files: [ClaimedFile], rules: RulesConfiguration, destinations: [String]) throws -> [Result<IngestOutcome, Error>] {
        let articles = files.map { file in
            (article: extractor.extract(file.bytes, fileName: file.name, fallbackDate: Self.utcDay(file.modified)), content: file.bytes)
        }
        return try store.ingest(batch: articles, raiseAlerts: true, rules: rules, destinations: destinations, now: Date())
    }

    /// The UTC calendar day of an instant (the fallback date from a file's mtime).
    static func utcDay(_ date: Date) -> Day {
        Day(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
