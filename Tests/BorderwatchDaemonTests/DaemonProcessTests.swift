#if canImport(Glibc)
import Glibc
#endif
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

/// A distinct article with a known figure.
func article(_ n: Int) -> String {
    let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    return "On \(n % 28 + 1) \(months[n / 28 % 12]) \(2020 + n / 336), \(n + 3) migrants crossed into Lithuania from Belarus.\n"
}

/// Polls `condition` every 10 ms for up to `timeout` seconds.
func eventually(_ timeout: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// Writes `borderwatch.toml` in `directory` for this inbox and database (plus `extra` lines), and returns its path.
func writeConfig(in directory: String, inbox: String, database: String, extra: String = "") throws -> String {
    let path = directory + "/borderwatch.toml"
    try "inbox = \"\(inbox)\"\ndatabase = \"\(database)\"\n\(extra)".write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

func entries(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

@Suite(.serialized) struct DaemonProcessTests {
    @Test func startsProcessesReloadsAndStopsLikeASystemdService() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let notify = try NotifySocket(directory: dir.path)
        let inbox = dir.path + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try article(1).write(toFile: inbox + "/before-start.txt", atomically: false, encoding: .utf8)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: dir.path + "/var/db.sqlite")
        let daemon = try ChildProcess(arguments: ["run", "--config", config, "--webhook", "slack=https://hooks.slack.com/services/T0/B0/SECRETTOKEN"],
                                      environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "200000", "JOURNAL_STREAM": "8:1"],
                                      logPath: dir.path + "/daemon.log")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }

        #expect(notify.wait(for: "READY=1", timeout: 10) != nil)
        // The file dropped while the daemon was down was found by the start-up rescan.
        #expect(eventually(5) { entries(inbox + "/processed") == ["before-start.txt"] })
        #expect(notify.wait(for: "WATCHDOG=1", timeout: 2) != nil)

        try article(2).write(toFile: inbox + "/new.txt", atomically: false, encoding: .utf8)
        try article(2).write(toFile: dir.path + "/staged", atomically: false, encoding: .utf8)
        #expect(rename(dir.path + "/staged", inbox + "/before-start.txt") == 0)
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: inbox + "/binary.bin"))
        try "half written".write(toFile: inbox + "/draft.txt.part", atomically: false, encoding: .utf8)
        #expect(symlink("/etc/passwd", inbox + "/link.txt") == 0)
        #expect(mkfifo(inbox + "/pipe", 0o644) == 0)
        #expect(eventually(5) { entries(inbox + "/failed").count == 6 })
        #expect(entries(inbox + "/failed") == ["binary.bin", "binary.bin.reason", "link.txt", "link.txt.reason", "pipe", "pipe.reason"])
        #expect(eventually(5) { entries(inbox + "/processed") == ["before-start-1.txt", "before-start.txt", "new.txt"] })
        #expect(entries(inbox) == ["draft.txt.part", "failed", "processed"])

        // A broken configuration is refused and the daemon keeps going.
        try "inbox = 42\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(eventually(5) { daemon.log.contains("configuration refused") })
        #expect(daemon.log.contains("inbox: expected a string"))
        try "inbox = \"\(inbox)\"\ndatabase = \"\(dir.path)/var/db.sqlite\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(eventually(5) { daemon.log.contains("configuration reloaded") }, "\(daemon.log)")
        try article(3).write(toFile: inbox + "/after-reload.txt", atomically: false, encoding: .utf8)
        #expect(eventually(5) { entries(inbox + "/processed").contains("after-reload.txt") })

        let stopAsked = Date()
        daemon.signal(SIGTERM)
        #expect(notify.wait(for: "STOPPING=1", timeout: 2) != nil)
        #expect(daemon.waitForExit(timeout: 5) == 0)
        #expect(Date().timeIntervalSince(stopAsked) < 1)

        let log = daemon.log
        #expect(!log.contains("SECRETTOKEN"))
        #expect(log.contains("<6>article stored"))
        #expect(log.contains("<4>refused: binary content"))
        #expect(log.contains("article.file=new.txt"))
        #expect(log.split(separator: "\n").allSatisfy { $0.hasPrefix("<") })
    }

    @Test func crashesAtRandomMomentsLoseAndDoubleNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let inbox = dir.path + "/inbox", database = dir.path + "/var/db.sqlite"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        func start() throws -> ChildProcess {
            try ChildProcess(arguments: ["run", "--inbox", inbox, "--database", database], environment: [:], logPath: dir.path + "/daemon.log")
        }
        var daemon = try start()
        let count = 500
        var kills = 0
        for n in 0..<count {
            let staged = dir.path + "/staged-\(n)"
            try article(n).write(toFile: staged, atomically: false, encoding: .utf8)
            #expect(rename(staged, inbox + "/article-\(n).txt") == 0)
            if n % 60 == 59 {
                usleep(UInt32.random(in: 0...30_000))
                daemon.signal(SIGKILL)
                _ = daemon.waitForExit(timeout: 5)
                kills += 1
                daemon = try start()
            }
        }
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(eventually(60) { entries(inbox + "/processed").count == count })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 5) == 0)

        #expect(kills == 8)
        #expect(entries(inbox) == ["failed", "processed"])
        #expect(entries(inbox + "/failed").isEmpty)
        #expect(Set(entries(inbox + "/processed")) == Set((0..<count).map { "article-\($0).txt" }))
        let store = try Store(path: database)
        #expect(try store.database.scalarInt("SELECT count(*) FROM articles") == Int64(count))
        for n in [0, 59, 60, 250, 499] {
            let hash = Store.contentHash(Array(article(n).utf8))
            #expect(try store.database.scalarInt("SELECT count(*) FROM articles WHERE sha256 = ?", [.text(hash)]) == 1)
        }
        #expect(try store.database.scalarInt("SELECT count(*) FROM facts") == Int64(count))
    }
}
