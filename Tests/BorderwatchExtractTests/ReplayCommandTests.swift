import BorderwatchTestSupport
import Foundation
import Testing

/// `borderwatch replay` through the real binary: articles are read in publication order whatever
/// their names, alerts are printed with held ones and their reasons, and no database is written.
@Suite struct ReplayCommandTests {
    @Test func archiveIsReplayedInPublicationOrderWithoutTouchingTheDatabase() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = [
            // named against their order: the dates decide
            "a.txt": " date 2021-07-09 Lithuania\nBorder guards detained 9,000 migrants on Thursday. So far this year 4,000 migrants have crossed from Belarus.\n",
            "b.txt": " date 2021-07-03 Lithuania\nBorder guards detained a record 150 migrants who crossed from Belarus on Friday.\n",
            "c.txt": " date 2021-07-01 Lithuania\nBorder guards detained 60 migrants who crossed from Belarus on Wednesday.\n",
        ]
        for (name, text) in articles { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/borderwatch.toml").path
        let database = folder.appendingPathComponent("never.sqlite").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["replay", "--config", config, "--database", database, folder.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(stdout)")
        // c.txt (the first day, not called a record) raises nothing; b.txt's record comes before a.txt's
        let order = ["b.txt", "a.txt"].compactMap { stdout.range(of: $0)?.lowerBound }
        #expect(order.count == 2 && order == order.sorted(), "\(stdout)")
        #expect(stdout.contains("3 articles: 2 alerts would be posted, 1 held"), "\(stdout)")
        #expect(stdout.contains("alert  Lithuania: record 150 arrivals"), "\(stdout)")
        #expect(stdout.contains("held   Lithuania: record 9,000") && stdout.contains("above_running_total"), "\(stdout)")
        #expect(stdout.contains("nothing was posted"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// `alerts --held` and `alerts --json` on a database `ingest` wrote: the held alert with its
    /// reason, every alert as one JSON object with `held` and `deliveries`.
    @Test func heldAlertsAreListedAndEveryAlertPrintsAsJSON() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-alerts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("1.txt"), second = folder.appendingPathComponent("2.txt")
        try " date 2021-07-03 Lithuania\nBorder guards detained a record 150 migrants who crossed from Belarus on Friday.\n"
            .write(to: first, atomically: true, encoding: .utf8)
        try " date 2021-07-09 Lithuania\nBorder guards detained 9,000 migrants on Thursday. So far this year 4,000 migrants have crossed from Belarus.\n"
            .write(to: second, atomically: true, encoding: .utf8)
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/borderwatch.toml").path
        let database = folder.appendingPathComponent("db.sqlite").path
        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--config", config, "--database", database]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments): \(text)")
            return text
        }
        _ = try run(["ingest", first.path, second.path])
        let held = try run(["alerts", "--held"])
        #expect(held.contains("daily_record:LT:arrivals:2021-07-08") && held.contains("held, not posted: above_running_total"), "\(held)")
        let lines = try run(["alerts", "--json"]).split(separator: "\n")
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 3, "\(lines)")
        #expect(objects.contains { ($0["held"] as? String)?.hasPrefix("above_running_total") == true && $0["value"] as? Int == 9000 })
        #expect(objects.allSatisfy { $0["deliveries"] is [Any] })
    }

    /// The alert, `facts` and `series` list the same articles for a figure two outlets report:
    /// file, title, link and sentence.
    @Test func theAlertFactsAndSeriesListTheSameSources() throws {
        let binary = try #require(borderwatchBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bw-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = [
            ("a.json", #"{"title": "171 cross", "url": "https://example.org/a", "date": "2021-07-28", "text": "On 27 July 2021, 171 migrants crossed into Lithuania from Belarus."}"#),
            ("b.json", #"{"title": "287 cross in a day", "url": "https://example.org/b", "date": "2021-08-03", "text": "On 2 August 2021, 287 migrants crossed into Lithuania from Belarus."}"#),
            ("c.json", #"{"title": "Record day at the border", "url": "https://example.org/c", "date": "2021-08-03", "text": "Border guards said 287 migrants crossed into Lithuania from Belarus on 2 August 2021."}"#),
        ]
        for (name, text) in articles { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/borderwatch.toml").path
        let database = folder.appendingPathComponent("db.sqlite").path
        func run(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments + ["--config", config, "--database", database]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments): \(text)")
            return text
        }
        // one at a time, as the daemon stores them: c.json comes after the alert was raised
        for (name, _) in articles { _ = try run(["ingest", folder.appendingPathComponent(name).path]) }
        let expected = [("b.json", "287 cross in a day", "https://example.org/b", "On 2 August 2021, 287 migrants crossed into Lithuania from Belarus."),
                        ("c.json", "Record day at the border", "https://example.org/c",
                         "Border guards said 287 migrants crossed into Lithuania from Belarus on 2 August 2021.")]

        let alert = try #require(try run(["alerts", "--json"]).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["kind"] as? String == "daily_record" })
        let alertSources = try #require(alert["sources"] as? [[String: String]])
        #expect(alertSources.map { [$0["article"], $0["title"], $0["url"], $0["evidence"]] } == expected.map { [$0.0, $0.1, $0.2, $0.3] })
        let listed = try run(["alerts"])
        #expect(expected.allSatisfy { listed.contains("source: \($0.0): \($0.1) <\($0.2)>") }, "\(listed)")

        let facts = try run(["facts", "--region", "LT", "--date", "2021-08-02"])
        #expect(expected.allSatisfy { facts.contains($0.3) && facts.contains("from: \($0.1) <\($0.2)>") }, "\(facts)")

        let series = try run(["series", "--region", "LT", "--metric", "arrivals", "--sources"])
        #expect(expected.allSatisfy { series.contains("\($0.0): \($0.1) <\($0.2)>") && series.contains($0.3) }, "\(series)")
        let day = try #require(try run(["series", "--region", "LT", "--metric", "arrivals", "--format", "json"]).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["date"] as? String == "2021-08-02" })
        let dayArticles = try #require(day["articles"] as? [[String: String]])
        #expect(dayArticles == alertSources)
    }
}
