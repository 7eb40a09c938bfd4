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

    @Test func controlCharactersAreEscapedNotPassedToTheTerminal() {
        let line = JournalLogHandler.format(level: .warning, message: "refused: binary file",
                                            metadata: ["article.file": "\u{1B}[31mred\u{7}.txt"], journal: true)
        #expect(line == "<4>refused: binary file article.file=\\x1b[31mred\\x07.txt\n")
        #expect(!line.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(JournalLogHandler.format(level: .info, message: "tab\there\u{9B}", metadata: [:], journal: false)
                == "INFO tab\\x09here\\x9b\n")
    }
}
