/// Why a file in the inbox cannot be used as an article. It is moved to `failed/` with
/// ``reason`` written beside it.
public enum Rejection: Hashable, Sendable {
    case empty
    /// NUL bytes, or mostly bytes that are not text.
    case binary
    case tooLarge(size: Int, limit: Int)
    /// A symbolic link: never followed out of the inbox.
    case symlink
    /// A FIFO, device, socket or directory.
    case notRegularFile(kind: String)
    /// Opening failed (`EACCES` and the like).
    case unreadable(error: String)

    /// One line saying what was wrong.
    public var reason: String {
        switch self {
        case .empty: return "empty file"
        case .binary: return "binary content (NUL bytes or mostly non-text), not an article"
        case .tooLarge(let size, let limit): return "too large: \(size) bytes, more than max_article_bytes = \(limit)"
        case .symlink: return "symbolic link, not followed"
        case .notRegularFile(let kind): return "not a regular file but a \(kind)"
        case .unreadable(let error): return "cannot be read: \(error)"
        }
    }

    /// Decides from the bytes whether they can be an article: `nil` when they can.
    ///
    /// Invalid UTF-8 is decoded leniently later, so a few stray bytes (a Latin-1 `é`) are fine.
    /// In the first 64 KiB, a NUL byte, more than 10% control bytes other than tab, newline,
    /// carriage return and form feed, or more than 10% bytes of invalid UTF-8 mean binary.
    /// Whitespace only counts as empty.
    public static func judge(content bytes: [UInt8]) -> Rejection? {
        if bytes.isEmpty { return .empty }
        let sample = bytes.prefix(65_536)
        var control = 0
        for byte in sample {
            if byte == 0 { return .binary }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
        }
        if control * 10 > sample.count { return .binary }
        let invalid = String(decoding: sample, as: UTF8.self).unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
        if invalid * 10 > sample.count { return .binary }
        if !bytes.contains(where: { $0 > 0x20 && $0 != 0x7F }) { return .empty }
        return nil
    }
}
