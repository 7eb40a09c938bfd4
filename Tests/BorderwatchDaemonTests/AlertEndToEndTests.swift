#if canImport(Glibc)
import Glibc
#endif
import BorderwatchTestSupport
import Foundation
import Testing

/// Alerts through the real daemon to a loopback receiver, across restarts: a record posted with
/// its explanation and sources; a figure that fails a plausibility check and a weakly read one
/// held (logged, not posted); the weak one released once when a second article reports it,
/// listing both articles; nothing posted again when every article is dropped once more.
@Suite(.serialized) struct AlertEndToEndTests {
    static let articles = [
        "a.json": #"{"title": "171 cross", "url": "https://example.org/a", "date": "2021-07-28", "text": "On 27 July 2021, 171 migrants crossed into Lithuania from Belarus."}"#,
        "b.json": #"{"title": "287 cross in a day", "url": "https://example.org/b", "date": "2021-08-03", "text": "On 2 August 2021, 287 migrants crossed into Lithuania from Belarus."}"#,
        // a running total read as a day: above the article's own running total of that day, held,
        // and no obstacle to the later records of its series
        "t.json": #"{"title": "Totals", "url": "https://example.org/t", "date": "2021-08-05", "text": "Border guards detained a record 9,000 migrants on 4 August 2021. So far this year 4,000 migrants have crossed from Belarus into Lithuania."}"#,
        // no time wording of its own: read weakly, dated the article's day
        "w.json": #"{"title": "More crossings", "url": "https://example.org/w", "date": "2021-08-09", "text": "350 migrants crossed into Lithuania from Belarus, the border guard said."}"#,
        "d.json": #"{"title": "350 in one day", "url": "https://example.org/d", "date": "2021-08-10", "text": "On 9 August 2021, 350 migrants crossed into Lithuania from Belarus."}"#,
    ]

    final class Run {
        let daemon: ChildProcess
        let inbox: String
        init(_ dir: String, receiver: WebhookReceiver, name: String) throws {
            inbox = dir + "/inbox"
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
            let own = dir + "/" + name
            try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
            let notify = try NotifySocket(directory: own)
            let config = try writeConfig(in: dir, inbox: inbox, database: dir + "/var/db.sqlite")
            daemon = try ChildProcess(arguments: ["run", "--config", config, "--webhook", receiver.url + "/hook"],
                                      environment: ["NOTIFY_SOCKET": notify.path], logPath: dir + "/\(name).log")
            #expect(notify.wait(for: "READY=1", timeout: 10) != nil)
        }

        /// Drops the articles one at a time, each once the one before has left the inbox.
        func drop(_ names: [String]) throws {
            for name in names {
                try AlertEndToEndTests.articles[name]!.write(toFile: inbox + "/" + name, atomically: true, encoding: .utf8)
                #expect(eventually(10) { !FileManager.default.fileExists(atPath: inbox + "/" + name) }, "\(name) left in the inbox")
            }
        }

        func stop() {
            daemon.signal(SIGTERM)
            #expect(daemon.waitForExit(timeout: 10) == 0)
        }
    }

    @Test func recordsHeldFiguresAndTheirReleaseReachTheReceiverOnce() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let receiver = try WebhookReceiver()
        defer { receiver.stop() }
        func records() -> [[String: Any]] {
            receiver.requests.compactMap(\.json).filter { $0["kind"] as? String == "daily_record" }
        }

        let first = try Run(dir.path, receiver: receiver, name: "first")
        defer { if first.daemon.process.isRunning { first.daemon.signal(SIGKILL) } }
        try first.drop(["a.json", "b.json", "t.json", "w.json"])
        _ = await receiver.waitForRequests(1, timeout: 10)
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let posted = records()
        #expect(posted.count == 1, "\(posted)")
        let record = try #require(posted.first)
        #expect(record["value"] as? Int == 287)
        #expect((record["why"] as? String)?.hasPrefix("daily_record: higher than every other stored day") == true)
        #expect(record["previous_source"] as? String == "a.json")
        #expect(record["sources"] as? [[String: String]] == [["article": "b.json", "title": "287 cross in a day", "url": "https://example.org/b",
                                                                "evidence": "On 2 August 2021, 287 migrants crossed into Lithuania from Belarus."]])
        first.stop()
        let log = first.daemon.log
        #expect(log.contains("alert.held=\"above_running_total"), "\(log)")
        #expect(log.contains("alert.held=\"weak_uncorroborated"), "\(log)")

        // after a restart, a second article reports the weak figure: released, posted once with both articles
        let second = try Run(dir.path, receiver: receiver, name: "second")
        defer { if second.daemon.process.isRunning { second.daemon.signal(SIGKILL) } }
        try second.drop(["d.json"])
        _ = await receiver.waitForRequests(posted.count + 1, timeout: 10)
        try await Task.sleep(nanoseconds: 1_000_000_000)
        let released = records().dropFirst(posted.count)
        #expect(released.count == 1, "\(released)")
        #expect(released.first?["value"] as? Int == 350)
        #expect((released.first?["sources"] as? [[String: String]])?.map { $0["article"] } == ["w.json", "d.json"])
        #expect((released.first?["sources"] as? [[String: String]])?.first?["url"] == "https://example.org/w")
        second.stop()

        // every article once more, after another restart: nothing new reaches the receiver
        let before = receiver.requests.count
        let third = try Run(dir.path, receiver: receiver, name: "third")
        defer { if third.daemon.process.isRunning { third.daemon.signal(SIGKILL) } }
        try third.drop(["a.json", "b.json", "t.json", "w.json", "d.json"])
        try await Task.sleep(nanoseconds: 1_500_000_000)
        third.stop()
        #expect(receiver.requests.count == before)
    }
}
