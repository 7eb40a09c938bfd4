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
        let config = dir.path + "/borderwatch.toml"
        try "inbox = \"\(inbox)\"\ndatabase = \"\(state)/db.sqlite\"\n".write(toFile: config, atomically: true, encoding: .utf8)
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
