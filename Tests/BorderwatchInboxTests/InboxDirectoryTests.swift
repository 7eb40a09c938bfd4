#if canImport(Glibc)
import Glibc
#endif
import BorderwatchInbox
import BorderwatchTestSupport
import Foundation
import Testing

@Suite struct InboxDirectoryTests {
    let dir: TemporaryDirectory
    let inbox: InboxDirectory

    init() throws {
        dir = try TemporaryDirectory()
        inbox = try InboxDirectory(path: dir.path + "/inbox", processed: "processed", failed: "failed", maxArticleBytes: 1000)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: inbox.path + "/" + name, atomically: false, encoding: .utf8)
    }

    func rejection(_ name: String) -> Rejection? {
        if case .rejected(_, let why) = inbox.claim(name) { return why }
        return nil
    }

    @Test func readsAnArticleWithItsModificationTime() throws {
        try write("a.txt", "On 3 August 2021, 17 migrants crossed into Lithuania from Belarus.")
        let when = Date(timeIntervalSince1970: 1_628_000_000)
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: inbox.path + "/a.txt")
        guard case .article(let file) = inbox.claim("a.txt") else { Issue.record("not claimed"); return }
        #expect(file.bytes == Array("On 3 August 2021, 17 migrants crossed into Lithuania from Belarus.".utf8))
        #expect(abs(file.modified.timeIntervalSince(when)) < 1)
    }

    @Test func refusesEveryKindOfBadInput() throws {
        try write("empty.txt", "")
        try Data([0x41, 0x00, 0x42]).write(to: URL(fileURLWithPath: inbox.path + "/nul.bin"))
        try write("big.txt", String(repeating: "x", count: 1001))
        #expect(mkfifo(inbox.path + "/pipe", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: inbox.path + "/folder", withIntermediateDirectories: false)
        try write("../outside.txt", "secret outside the inbox")
        try FileManager.default.createSymbolicLink(atPath: inbox.path + "/link.txt", withDestinationPath: dir.path + "/outside.txt")

        #expect(rejection("empty.txt") == .empty)
        #expect(rejection("nul.bin") == .binary)
        #expect(rejection("big.txt") == .tooLarge(size: 1001, limit: 1000))
        #expect(rejection("pipe") == .notRegularFile(kind: "FIFO"))
        #expect(rejection("folder") == .notRegularFile(kind: "directory"))
        #expect(rejection("link.txt") == .symlink)
        if mknod(inbox.path + "/null", S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0 {
            #expect(rejection("null") == .notRegularFile(kind: "character device"))
        }
        if getuid() != 0 {
            try write("secret.txt", "text")
            chmod(inbox.path + "/secret.txt", 0)
            #expect(rejection("secret.txt") == .unreadable(error: "Permission denied"))
        }
    }

    @Test func ignoresWhatIsNotAnArticleName() throws {
        try write(".partial", "text")
        try write("x.tmp", "text")
        #expect({ if case .nothing = inbox.claim(".partial") { true } else { false } }())
        #expect({ if case .nothing = inbox.claim("gone.txt") { true } else { false } }())
        #expect({ if case .nothing = inbox.claim("processed") { true } else { false } }())
        try write("b.txt", "text")
        try write("a.txt", "text")
        #expect(try inbox.scan() == ["a.txt", "b.txt"])
    }

    @Test func movesAsideWithReasonAndNeverOverwrites() throws {
        try write("a.txt", "first")
        #expect(try inbox.moveToProcessed("a.txt") == "a.txt")
        try write("a.txt", "second")
        #expect(try inbox.moveToProcessed("a.txt") == "a-1.txt")
        #expect(try String(contentsOfFile: inbox.processedPath + "/a.txt", encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: inbox.processedPath + "/a-1.txt", encoding: .utf8) == "second")

        try write("bad.bin", "x")
        #expect(try inbox.moveToFailed("bad.bin", reason: "binary content") == "bad.bin")
        #expect(try String(contentsOfFile: inbox.failedPath + "/bad.bin.reason", encoding: .utf8) == "binary content\n")
        try write("bad.bin", "y")
        #expect(try inbox.moveToFailed("bad.bin", reason: "again") == "bad-1.bin")
        #expect(try inbox.scan().isEmpty)
        try inbox.syncMoves()
    }
}

@Suite struct InboxWatcherTests {
    @Test func reportsClosedAndMovedInFilesOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path + "/inbox", withIntermediateDirectories: true)
        let watcher = try InboxWatcher(directory: dir.path + "/inbox")
        #expect(try watcher.wait(timeout: 0).isEmpty)
        try "x".write(toFile: dir.path + "/inbox/written.txt", atomically: false, encoding: .utf8)
        try "y".write(toFile: dir.path + "/staged.txt", atomically: false, encoding: .utf8)
        #expect(rename(dir.path + "/staged.txt", dir.path + "/inbox/moved.txt") == 0)
        var seen: [InboxEvent] = []
        let deadline = Date().addingTimeInterval(5)
        while seen.count < 3 && Date() < deadline { seen += try watcher.wait(timeout: 1) }
        #expect(seen == [.created("written.txt"), .arrived("written.txt"), .arrived("moved.txt")])
    }

    @Test func wakeReturnsAWaitingThreadAtOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let watcher = try InboxWatcher(directory: dir.path)
        let start = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { watcher.wake() }
        #expect(try watcher.wait(timeout: 10).isEmpty)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
