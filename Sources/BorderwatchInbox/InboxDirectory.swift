#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// An article file read from the inbox, not yet moved.
public struct ClaimedFile: Sendable {
    public var name: String
    public var bytes: [UInt8]
    /// The file's modification time.
    public var modified: Date
}

/// What became of an attempt to read one inbox entry.
public enum Claim: Sendable {
    case article(ClaimedFile)
    case rejected(name: String, Rejection)
    /// The name is gone (moved or deleted by someone else) or is not an article name: nothing to do.
    case nothing
}

/// The inbox directory and its `processed/` and `failed/` hand-offs.
///
/// Files are read in place (never following symlinks, never opening what is not a regular
/// file), then moved by rename once their facts are committed; a crash before the move leaves
/// the file in the inbox to be read again and recognised as a duplicate.
public final class InboxDirectory: @unchecked Sendable {
    // @unchecked: only the processing thread calls in; the fields are immutable.
    public let path: String
    public let processedPath: String
    public let failedPath: String
    public let maxArticleBytes: Int
    /// Names of `processed/` and `failed/` when they live inside the inbox: never articles.
    private let reservedNames: Set<String>

    /// Creates the inbox and its hand-off directories when missing. Relative `processed` and
    /// `failed` paths are taken inside `path`.
    public init(path: String, processed: String, failed: String, maxArticleBytes: Int) throws {
        self.path = path
        self.processedPath = processed.hasPrefix("/") ? processed : path + "/" + processed
        self.failedPath = failed.hasPrefix("/") ? failed : path + "/" + failed
        self.maxArticleBytes = maxArticleBytes
        let base = URL(fileURLWithPath: path).standardizedFileURL
        reservedNames = Set([processedPath, failedPath].compactMap { child in
            let url = URL(fileURLWithPath: child).standardizedFileURL
            return url.deletingLastPathComponent().path == base.path ? url.lastPathComponent : nil
        })
        for directory in [path, processedPath, failedPath] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Article names present now, in name order: everything but temporary names and the
    /// hand-off directories themselves.
    public func scan() throws -> [String] {
        guard let dir = opendir(path) else { throw SystemCallError(call: "opendir", subject: path, errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if InboxNames.isTemporary(name) || reservedNames.contains(name) { continue }
            names.append(name)
        }
        return names.sorted()
    }

    /// True when `name` exists and is not a regular file (checked with `lstat`, never followed).
    public func isSpecial(_ name: String) -> Bool {
        var info = stat()
        return lstat(path + "/" + name, &info) == 0 && Self.kind(of: info.st_mode) != nil && !reservedNames.contains(name)
    }

    /// Reads one entry safely: `lstat` first so FIFOs, devices and links are never opened, then
    /// `open(O_NOFOLLOW|O_NONBLOCK)` and `fstat` on the descriptor, refusing oversized files
    /// before reading them.
    public func claim(_ name: String) -> Claim {
        if InboxNames.isTemporary(name) || reservedNames.contains(name) || name.contains("/") { return .nothing }
        let full = path + "/" + name
        var info = stat()
        if lstat(full, &info) != 0 { return .nothing }
        if let kind = Self.kind(of: info.st_mode) {
            return kind == "symbolic link" ? .rejected(name: name, .symlink) : .rejected(name: name, .notRegularFile(kind: kind))
        }
        let fd = open(full, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT: return .nothing
            case ELOOP: return .rejected(name: name, .symlink)
            default: return .rejected(name: name, .unreadable(error: String(cString: strerror(code))))
            }
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .rejected(name: name, .unreadable(error: String(cString: strerror(errno)))) }
        if let kind = Self.kind(of: info.st_mode) { return .rejected(name: name, .notRegularFile(kind: kind)) }
        let size = Int(info.st_size)
        if size > maxArticleBytes { return .rejected(name: name, .tooLarge(size: size, limit: maxArticleBytes)) }
        // One byte more than the size, to notice a file that grew; never more than the limit + 1.
        var bytes = [UInt8](repeating: 0, count: min(size, maxArticleBytes) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                if filled > maxArticleBytes { return .rejected(name: name, .tooLarge(size: filled, limit: maxArticleBytes)) }
                bytes.append(contentsOf: repeatElement(0, count: min(65_536, maxArticleBytes + 1 - filled)))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .rejected(name: name, .unreadable(error: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        if let rejection = Rejection.judge(content: bytes) { return .rejected(name: name, rejection) }
        let modified = Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
        return .article(ClaimedFile(name: name, bytes: bytes, modified: modified))
    }

    /// Moves a finished file to `processed/`, under a free name. Returns the name used.
    @discardableResult
    public func moveToProcessed(_ name: String) throws -> String {
        try move(name, to: processedPath)
    }

    /// Writes `NAME.reason` into `failed/`, then moves the file beside it, and syncs the folder.
    @discardableResult
    public func moveToFailed(_ name: String, reason: String) throws -> String {
        let target = InboxNames.freeName(for: name) { candidate in
            exists(failedPath + "/" + candidate) || exists(failedPath + "/" + candidate + ".reason")
        }
        let reasonPath = failedPath + "/" + target + ".reason"
        let fd = try systemCall("open", reasonPath) { open(reasonPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644) }
        defer { close(fd) }
        let line = Array((reason + "\n").utf8)
        try line.withUnsafeBytes { raw in _ = try systemCall("write", reasonPath) { write(fd, raw.baseAddress, raw.count) } }
        try systemCall("rename", name) { rename(path + "/" + name, failedPath + "/" + target) }
        try syncDirectory(failedPath)
        return target
    }

    /// The articles in `failed/`, in name order (their `.reason` files left out).
    public func failedArticles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: failedPath)
            .filter { !$0.hasSuffix(".reason") && !$0.hasPrefix(".") }.sorted()
    }

    /// Moves `failed/NAME` back into the inbox under a free name, for the daemon to read again, and
    /// removes its `.reason` (what `postsuper -r` is to Postfix). Returns the name in the inbox.
    @discardableResult
    public func requeue(_ name: String) throws -> String {
        let source = failedPath + "/" + name
        guard !name.contains("/"), exists(source) else { throw SystemCallError(call: "requeue", subject: source, errno: ENOENT) }
        let target = InboxNames.freeName(for: name) { exists(path + "/" + $0) }
        try systemCall("rename", source) { rename(source, path + "/" + target) }
        if exists(source + ".reason") { try systemCall("unlink", source + ".reason") { unlink(source + ".reason") } }
        try syncDirectory(failedPath)
        try syncDirectory(path)
        return target
    }

    /// `fsync`s the inbox and `processed/`, making earlier moves durable. Called when the queue
    /// drains: a move lost in a crash only means the file is read again and found a duplicate.
    public func syncMoves() throws {
        try syncDirectory(processedPath)
        try syncDirectory(path)
    }

    private func move(_ name: String, to directory: String) throws -> String {
        let target = InboxNames.freeName(for: name) { exists(directory + "/" + $0) }
        try systemCall("rename", name) { rename(path + "/" + name, directory + "/" + target) }
        return target
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func syncDirectory(_ directory: String) throws {
        let fd = try systemCall("open", directory) { open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(fd) }
        try systemCall("fsync", directory) { fsync(fd) }
    }

    /// `nil` for a regular file, else what it is.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        case S_IFLNK: return "symbolic link"
        default: return "special file"
        }
    }
}
