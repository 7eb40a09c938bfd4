#if canImport(Glibc)
import Glibc
#endif
import BorderwatchStore
import BorderwatchTestSupport
import Foundation
import Testing

/// When storage fails, the daemon holds the articles instead of rejecting them, and resumes by
/// itself: a real full filesystem (a 600 KB tmpfs in a private mount namespace, root only).
@Suite(.serialized) struct StorageHoldTests {
    static var canStageAFullDisk: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/nsenter")
    }

    @Test func aFullDiskHoldsTheInboxAndResumesWhenSpaceReturns() throws {
        guard Self.canStageAFullDisk else {
            print("StorageHoldTests: skipped, staging a full disk needs root, unshare -m and nsenter")
            return
        }
        let binary = try #require(borderwatchBinary())
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let notify = try NotifySocket(directory: dir.path)
        let inbox = dir.path + "/inbox", state = dir.path + "/state"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: state + "/db.sqlite")
        // unshare execs sh, sh execs the daemon: one process, whose mount namespace has the tiny disk
        let daemon = try ChildProcess(executable: "/usr/bin/unshare", arguments: [
            "-m", "--propagation", "private", "sh", "-c",
            "mount -t tmpfs -o size=600k tmpfs '\(state)' && exec '\(binary)' run --config '\(config)'",
        ], environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "2000000", "JOURNAL_STREAM": "8:1"],
           logPath: dir.path + "/daemon.log")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(for: "READY=1", timeout: 10) != nil, "\(daemon.log)")

        let count = 300
        for n in 0..<count {
            // long articles, so that the disk fills after a few dozen
            let text = String(repeating: "Officials described the situation at the border in detail. ", count: 60) + article(n)
            try text.write(toFile: dir.path + "/staged", atomically: false, encoding: .utf8)
            #expect(rename(dir.path + "/staged", inbox + "/a\(n).txt") == 0)
        }
        #expect(eventually(30) { daemon.log.contains("holding the inbox") }, "\(daemon.log.suffix(2000))")
        #expect(notify.wait(for: "STATUS=held:", timeout: 5) != nil)
        let waiting = entries(inbox).filter { $0.hasSuffix(".txt") }.count
        #expect(waiting > 0)
        #expect(entries(inbox + "/failed").isEmpty, "\(entries(inbox + "/failed"))")

        // space comes back: the daemon resumes by itself, in order, nothing lost or stored twice
        let grow = Process()
        grow.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
        grow.arguments = ["-t", "\(daemon.process.processIdentifier)", "-m", "mount", "-o", "remount,size=64m", state]
        try grow.run()
        grow.waitUntilExit()
        #expect(grow.terminationStatus == 0)
        #expect(eventually(90) { entries(inbox + "/processed").count == count }, "\(entries(inbox).count) left")
        #expect(entries(inbox + "/failed").isEmpty)

        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        let log = daemon.log
        let lines = log.split(separator: "\n")
        #expect(lines.filter { $0.contains("holding the inbox") }.count == 1)
        #expect(lines.filter { $0.contains("storage works again") }.count == 1)
        #expect(lines.filter { $0.contains("article stored") }.count == count)
        #expect(!log.contains("already stored"))
    }
}

/// Another program holding the write lock past the busy timeout is a storage fault too: the daemon
/// holds the articles, and stores them all once the lock is let go.
@Suite struct WriteLockHoldTests {
    @Test func aSecondConnectionHoldingTheWriteLockHoldsTheInbox() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let inbox = dir.path + "/inbox", database = dir.path + "/db.sqlite"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: database)
        let notify = try NotifySocket(directory: dir.path)
        let daemon = try ChildProcess(arguments: ["run", "--config", config],
                                      environment: ["NOTIFY_SOCKET": notify.path, "JOURNAL_STREAM": "8:1"],
                                      logPath: dir.path + "/daemon.log")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(notify.wait(for: "READY=1", timeout: 10) != nil, "\(daemon.log)")

        // a second program takes the write lock and keeps it past the daemon's 5 s busy timeout
        let other = try Database(path: database)
        try other.execute("BEGIN IMMEDIATE")
        let count = 5
        for n in 0..<count {
            try article(n).write(toFile: dir.path + "/staged", atomically: false, encoding: .utf8)
            #expect(rename(dir.path + "/staged", inbox + "/a\(n).txt") == 0)
        }
        #expect(eventually(20) { daemon.log.contains("holding the inbox") }, "\(daemon.log.suffix(2000))")
        #expect(notify.wait(for: "STATUS=held:", timeout: 5) != nil)
        #expect(entries(inbox + "/failed").isEmpty, "\(entries(inbox + "/failed"))")
        #expect(entries(inbox).filter { $0.hasSuffix(".txt") }.count > 0)

        try other.execute("COMMIT")
        #expect(eventually(60) { entries(inbox + "/processed").count == count }, "\(entries(inbox))")
        #expect(entries(inbox + "/failed").isEmpty)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        let lines = daemon.log.split(separator: "\n")
        #expect(lines.filter { $0.contains("holding the inbox") }.count == 1, "\(daemon.log)")
        #expect(lines.filter { $0.contains("storage works again") }.count == 1)
        #expect(lines.filter { $0.contains("article stored") }.count == count)
        #expect(try other.scalarInt("SELECT count(*) FROM articles") == Int64(count))
    }
}

/// A database that fails `PRAGMA quick_check` is refused at start with exit code 65 and a message
/// that says what to do; the articles wait in the inbox.
@Suite struct CorruptDatabaseTests {
    @Test func aCorruptDatabaseIsRefusedAtStart() throws {
        let binary = try #require(borderwatchBinary())
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let inbox = dir.path + "/inbox", database = dir.path + "/db.sqlite"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: database)
        // a real database of a few hundred articles, then a page in its middle overwritten
        var files: [String] = []
        for n in 0..<300 {
            let path = dir.path + "/a\(n).txt"
            try article(n).write(toFile: path, atomically: false, encoding: .utf8)
            files.append(path)
        }
        let ingest = Process()
        ingest.executableURL = URL(fileURLWithPath: binary)
        ingest.arguments = ["ingest", "--quiet", "--config", config] + files
        ingest.standardOutput = FileHandle.nullDevice
        try ingest.run()
        ingest.waitUntilExit()
        #expect(ingest.terminationStatus == 0)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database))
        #expect(try handle.seekToEnd() > 16_384)
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0, count: 8192))
        try handle.close()
        try article(999).write(toFile: inbox + "/waiting.txt", atomically: false, encoding: .utf8)

        let daemon = try ChildProcess(arguments: ["run", "--config", config], environment: ["JOURNAL_STREAM": "8:1"],
                                      logPath: dir.path + "/daemon.log")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(daemon.waitForExit(timeout: 10) == 65, "\(daemon.log)")
        #expect(daemon.log.contains("refusing to start") && daemon.log.contains("quick_check") && daemon.log.contains(".recover"))
        #expect(entries(inbox).contains("waiting.txt"))
    }
}

/// `borderwatch requeue` moves articles from failed/ back into the inbox, their reasons removed.
@Suite struct RequeueCommandTests {
    @Test func failedArticlesGoBackIntoTheInbox() throws {
        let binary = try #require(borderwatchBinary())
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let inbox = dir.path + "/inbox", failed = inbox + "/failed"
        try FileManager.default.createDirectory(atPath: failed, withIntermediateDirectories: true)
        let config = try writeConfig(in: dir.path, inbox: inbox, database: dir.path + "/db.sqlite")
        for name in ["a.txt", "b.txt", "c.txt"] {
            try article(1).write(toFile: failed + "/" + name, atomically: false, encoding: .utf8)
            try "could not be stored: database or disk is full\n".write(toFile: failed + "/" + name + ".reason", atomically: false, encoding: .utf8)
        }
        try "already here".write(toFile: inbox + "/a.txt", atomically: false, encoding: .utf8)
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["requeue", "--config", config] + arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (named, namedOut) = try run(["b.txt.reason"])
        #expect(named == 0 && namedOut.contains("requeued b.txt"))
        #expect(entries(failed) == ["a.txt", "a.txt.reason", "c.txt", "c.txt.reason"])
        let (all, allOut) = try run([])
        #expect(all == 0 && allOut.contains("requeued a.txt as a-1.txt"), "\(allOut)")
        #expect(entries(failed).isEmpty)
        #expect(entries(inbox) == ["a-1.txt", "a.txt", "b.txt", "c.txt", "failed", "processed"])
        #expect(try run(["missing.txt"]).0 == 1)
    }
}
