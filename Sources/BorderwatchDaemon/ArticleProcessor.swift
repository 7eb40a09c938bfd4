import BorderwatchCore
import BorderwatchExtract
import BorderwatchInbox
import BorderwatchStore
import Foundation
import Logging

/// One stage of the pipeline: a claimed file's bytes → extraction → one store transaction.
struct ArticleProcessor {
    let extractor = Extractor()
    let store: Store

    /// Extracts and stores one article; alerts go to the outbox for `destinations`.
    func process(_ file: ClaimedFile, rules: RulesConfiguration, destinations: [String]) throws -> IngestOutcome {
        let article = extractor.extract(file.bytes, fileName: file.name, fallbackDate: Self.utcDay(file.modified))
        return try store.ingest(article, content: file.bytes, raiseAlerts: true, rules: rules,
                                destinations: destinations, now: Date())
    }

    /// The UTC calendar day of an instant (the fallback date from a file's mtime).
    static func utcDay(_ date: Date) -> Day {
        Day(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
