#if canImport(Glibc)
import Glibc
#endif
@testable import BorderwatchDaemon
import BorderwatchTestSupport
import Foundation
import Testing

/// The metrics file: OpenMetrics text with the documented names and types, and the daemon's
/// real figures after a known run.
@Suite struct MetricsTests {
    @Test func snapshotRendersOpenMetrics() {
        let snapshot = MetricsSnapshot(articlesStored: 3, articlesDuplicate: 1, articlesFailed: 2, facts: 7, alertsRaised: 2,
                                       alertsHeld: 1, deliveries: ["ops \"main\"": ["pending": 1, "delivered": 4]],
                                       deliveryLatencyMean: 0.25, deliveryLatencyMax: 2, queued: 5, held: true, lastArticle: 1_700_000_000)
        let text = snapshot.render()
        #expect(text.contains("# TYPE borderwatch_articles counter\n"))
        #expect(text.contains("borderwatch_articles_total{outcome=\"stored\"} 3\n"))
        #expect(text.contains("borderwatch_articles_total{outcome=\"failed\"} 2\n"))
        #expect(text.contains("borderwatch_facts_total 7\n"))
        #expect(text.contains("borderwatch_alerts_total{state=\"held\"} 1\n"))
        #expect(text.contains("borderwatch_deliveries{destination=\"ops \\\"main\\\"\",state=\"delivered\"} 4\n"))
        #expect(text.contains("borderwatch_outbox_depth 1\n"))
        #expect(text.contains("borderwatch_delivery_latency_seconds{stat=\"mean\"} 0.250\n"))
        #expect(text.contains("borderwatch_inbox_held 1\n"))
        #expect(text.contains("borderwatch_last_article_timestamp_seconds 1700000000\n"))
        #expect(text.hasSuffix("# EOF\n"))
    }

    @Test func theDaemonWritesItsFiguresAfterAKnownRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let inbox = dir.path + "/inbox", metrics = dir.path + "/borderwatch.prom"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: dir.path + "/db.sqlite", extra: "metrics_file = \"\(metrics)\"\n")
        let daemon = try ChildProcess(arguments: ["run", "--config", config], environment: ["JOURNAL_STREAM": "8:1"],
                                      logPath: dir.path + "/daemon.log")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        try article(1).write(toFile: inbox + "/a.txt", atomically: false, encoding: .utf8)
        try article(2).write(toFile: inbox + "/b.txt", atomically: false, encoding: .utf8)
        try article(1).write(toFile: dir.path + "/copy", atomically: false, encoding: .utf8)
        #expect(eventually(10) { entries(inbox + "/processed").count == 2 })
        #expect(rename(dir.path + "/copy", inbox + "/a-again.txt") == 0)
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: inbox + "/binary.bin"))
        func read() -> String { (try? String(contentsOfFile: metrics, encoding: .utf8)) ?? "" }
        #expect(eventually(10) { read().contains("borderwatch_articles_total{outcome=\"failed\"} 1") && read().contains("outcome=\"duplicate\"} 1") },
                "\(read())")
        let text = read()
        #expect(text.contains("borderwatch_articles_total{outcome=\"stored\"} 2\n"))
        #expect(text.contains("borderwatch_facts_total 2\n"))
        #expect(text.contains("borderwatch_inbox_held 0\n"))
        #expect(!text.contains("borderwatch_last_article_timestamp_seconds 0\n"))
        #expect(text.hasSuffix("# EOF\n"))
        // written atomically: no temporary file left beside it
        #expect(entries(dir.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)
    }
}
