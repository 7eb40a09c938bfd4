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

    public func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        let line = Self.format(level: level, message: message.description,
                               metadata: metadata.merging(explicit ?? [:]) { $1 }, journal: journal)
        let bytes = Array(line.utf8)
        // One write per line, so concurrent lines never interleave.
        bytes.withUnsafeBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The line for one event, newline included. Pure.
    public static func format(level: Logger.Level, message: String, metadata: Logger.Metadata, journal: Bool) -> String {
        var text = journal ? "<\(priority(level))>" : level.rawValue.uppercased() + " "
        text += oneLine(message)
        for key in metadata.keys.sorted() {
            text += " \(key)=\(quoted(oneLine(metadata[key]!.description)))"
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

    private static func oneLine(_ text: String) -> String {
        text.contains(where: \.isNewline) ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
    }

    private static func quoted(_ value: String) -> String {
        value.isEmpty || value.contains(" ") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }
}
