import BorderwatchDaemon
import Logging
import Testing

@Suite struct JournalLogHandlerTests {
    @Test func journalLinesCarryThePriorityAndSortedDottedKeys() {
        let line = JournalLogHandler.format(level: .warning, message: "refused: empty file",
                                            metadata: ["article.file": "a b.txt", "article.failed": "a.txt"], journal: true)
        #expect(line == "<4>refused: empty file article.failed=a.txt article.file=\"a b.txt\"\n")
    }

    static let priorities: [(Logger.Level, String)] = [(.error, "<3>"), (.warning, "<4>"), (.info, "<6>"), (.debug, "<7>")]

    @Test(arguments: priorities)
    func levelsMapToSyslogPriorities(level: Logger.Level, prefix: String) {
        #expect(JournalLogHandler.format(level: level, message: "m", metadata: [:], journal: true) == prefix + "m\n")
    }

    @Test func aTerminalGetsTheLevelNameAndOneLineEvenForMultilineText() {
        let line = JournalLogHandler.format(level: .info, message: "two\nlines", metadata: ["error": "x\ny"], journal: false)
        #expect(line == "INFO two lines error=\"x y\"\n")
    }
}
