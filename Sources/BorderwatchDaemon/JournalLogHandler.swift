#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Logging

/// A swift-log handler writing one line per event to stderr: `LEVEL message key=value ...`,
/// with the journald priority prefix (`<3>`, `<4>`, `<6>`, `<7>`) instead of the level name
/// when stderr is connected to the journal (`$JOURNAL_STREAM` set).
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let journal: Bool

    public init(label: String, level: Logger.Level = .info, journal: Bool) {
        self.label = label
        self.logLevel = level
        self.journal = journal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = Self.format(level: event.level, message: event.message.description,
                               metadata: metadata.merging(event.metadata ?? [:]) { $1 }, journal: journal)
        let bytes = Array(line.utf8)
        // One write per line, so concurrent lines never interleave.
        bytes.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The line for one event, newline included. Pure.
    public static func format(level: Logger.Level, message: String, metadata: Logger.Metadata, journal: Bool) -> String {
        var text = journal ? "<\(priority(level))>" : level.rawValue.uppercased() + " "
        text += printable(message)
        for key in metadata.keys.sorted() {
            text += " \(key)=\(quoted(printable(metadata[key]!.description)))"
        }
        return text + "\n"
    }

    /// syslog priority: error and worse 3, warning 4, notice and info 6, debug and trace 7.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .critical: return 2
        case .error: return 3
        case .warning: return 4
        case .notice: return 5
        case .info: return 6
        case .debug, .trace: return 7
        }
    }

    /// One line an operator's terminal shows as written: runs of line breaks become one space, and
    /// every other control character (ESC, BEL, DEL, C1 controls) is written as `\xNN`, so a file
    /// named `\e[31mred.txt` cannot colour or move the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                if !lastWasBreak { result += " " }
                lastWasBreak = true
                continue
            }
            lastWasBreak = false
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func quoted(_ value: String) -> String {
        value.isEmpty || value.contains(" ") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }
}
