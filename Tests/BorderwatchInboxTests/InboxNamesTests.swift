#if canImport(Glibc)
import Glibc
#endif
@testable import BorderwatchInbox
import Testing

@Suite struct InboxNamesTests {
    static let names: [(String, Bool)] = [
        ("report.txt", false), ("2021-08-03-lrt.html", false), ("article", false), ("notes.md", false),
        (".hidden", true), (".#report.txt", true), ("report.txt~", true), ("report.tmp", true),
        ("report.txt.part", true), (".report.txt.swp", true), ("report.swp", true),
        ("download.html.crdownload", true), ("REPORT.TMP", true), ("", true), ("tmp.txt", false),
    ]

    @Test(arguments: names)
    func temporaryNamesWaitForARename(name: String, temporary: Bool) {
        #expect(InboxNames.isTemporary(name) == temporary)
    }

    static let collisions: [(String, Set<String>, String)] = [
        ("a.txt", [], "a.txt"),
        ("a.txt", ["a.txt"], "a-1.txt"),
        ("a.txt", ["a.txt", "a-1.txt", "a-2.txt"], "a-3.txt"),
        ("article", ["article"], "article-1"),
        (".x", [".x"], ".x-1"),
        ("a.b.html", ["a.b.html"], "a.b-1.html"),
    ]

    @Test(arguments: collisions)
    func aLaterFileNeverOverwritesAnEarlierOne(name: String, taken: Set<String>, expected: String) {
        #expect(InboxNames.freeName(for: name, isTaken: taken.contains) == expected)
    }
}

@Suite struct RejectionTests {
    static let cases: [([UInt8], Rejection?)] = [
        (Array("On 3 August 2021, 17 migrants crossed.".utf8), nil),
        ([], .empty),
        (Array(" \n\t\n".utf8), .empty),
        (Array("text\0more".utf8), .binary),
        (Array(repeating: 0x01, count: 50) + Array("some words".utf8), .binary),
        (Array("caf".utf8) + [0xE9] + Array(" au lait, 17 migrants".utf8), nil),  // Latin-1: lenient
        (Array(repeating: 0xFF, count: 100) + Array("ok".utf8), .binary),
        (Array("Vilnius – 17 žmonių".utf8), nil),
    ]

    @Test(arguments: cases)
    func judgesContent(bytes: [UInt8], expected: Rejection?) {
        #expect(Rejection.judge(content: bytes) == expected)
    }
}

@Suite struct InotifyRecordTests {
    /// One `struct inotify_event`: wd, mask, cookie, len, then the NUL-padded name.
    func record(mask: Int32, name: String) -> [UInt8] {
        var padded = Array(name.utf8)
        if !padded.isEmpty { padded += [UInt8](repeating: 0, count: 16 - padded.count % 16) }
        func le(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        return le(1) + le(UInt32(bitPattern: mask)) + le(0) + le(UInt32(padded.count)) + padded
    }

    @Test func decodesArrivalsCreationsAndOverflow() {
        let buffer = record(mask: Int32(IN_CLOSE_WRITE), name: "a.txt") + record(mask: Int32(IN_Q_OVERFLOW), name: "")
            + record(mask: Int32(IN_MOVED_TO), name: "a-long-name-of-more-than-sixteen-bytes.html")
            + record(mask: Int32(IN_CREATE), name: "link")
        #expect(InboxWatcher.parse(buffer[...]) == [.arrived("a.txt"), .overflow,
                                                   .arrived("a-long-name-of-more-than-sixteen-bytes.html"), .created("link")])
    }
}
